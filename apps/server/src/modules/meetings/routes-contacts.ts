import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { contactOverview, logContact } from './contacts.ts';
import { contactBody, contactsView, created, programmeParams } from './schema.ts';

const tags = ['meetings'];

/** The contact log: contacts outside meetings, and the programme's overview of them. */
export function contactRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/contacts',
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, response: { 200: contactsView } } },
    async (req) => contactOverview(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/contacts',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: contactBody, response: { 201: created } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await logContact(ctx, requireUser(req), req.params.programmeId, req.body) }),
  );
}
