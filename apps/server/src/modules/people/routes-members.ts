import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { addMember } from './add-member.ts';
import {
  addedMemberView,
  addMemberBody,
  membershipParams,
  okView,
  personView,
  programmeParams,
  updateMembershipBody,
} from './schema.ts';
import { endMembership, invite, listPeople, loadMembership, updateMembership } from './service.ts';

const tags = ['people'];

/** A programme's people: the list, one person, and adding, changing, ending or re-inviting a member. */
export function memberRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/people',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, response: { 200: z.array(personView) } },
    },
    async (req) => {
      const actor = requireUser(req);
      return listPeople(ctx, actor, await loadProgrammeFor(ctx, actor, req.params.programmeId));
    },
  );

  api.get(
    '/api/programmes/:programmeId/people/:userId',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams.extend({ userId: z.string() }), response: { 200: personView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      const [person] = await listPeople(ctx, actor, p, req.params.userId);
      if (!person) throw notFound('person');
      return person;
    },
  );

  api.post(
    '/api/programmes/:programmeId/members',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: addMemberBody, response: { 201: addedMemberView } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      return reply.status(201).send(await addMember(ctx, actor, p, req.body));
    },
  );

  api.patch(
    '/api/programmes/:programmeId/members/:membershipId',
    {
      config: { auth: 'user' },
      schema: { tags, params: membershipParams, body: updateMembershipBody, response: { 200: okView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await updateMembership(ctx, actor, p, req.params.membershipId, req.body);
      return { ok: true as const };
    },
  );

  api.delete(
    '/api/programmes/:programmeId/members/:membershipId',
    { config: { auth: 'user' }, schema: { tags, params: membershipParams, response: { 200: okView } } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await endMembership(ctx, actor, p, req.params.membershipId);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/programmes/:programmeId/members/:membershipId/invitation',
    { config: { auth: 'user' }, schema: { tags, params: membershipParams, response: { 202: okView } } },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      const m = await loadMembership(ctx, p, req.params.membershipId);
      await invite(ctx, actor, p, { id: m.user_id, email: m.email, name: m.name, locale: m.locale }, m.role);
      return reply.status(202).send({ ok: true });
    },
  );
}
