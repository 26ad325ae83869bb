import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { postedView } from '../threads/schema.ts';
import {
  announcementBody,
  announcementList,
  announcementParams,
  announcementView,
  programmeParams,
  replyBody,
} from './schema.ts';
import { listAnnouncements, readAnnouncement, replyToAnnouncement, sendAnnouncement } from './service.ts';

const tags = ['announcements'];
const user = { auth: 'user' as const };

/** A programme's announcements, sent by its coordination, and the recipients' private answers. */
export function announcementRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/announcements',
    { config: user, schema: { tags, params: programmeParams, response: { 200: announcementList } } },
    async (req) => listAnnouncements(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/announcements',
    {
      config: user,
      schema: { tags, params: programmeParams, body: announcementBody, response: { 201: announcementView } },
    },
    async (req, reply) =>
      reply.status(201).send(await sendAnnouncement(ctx, requireUser(req), req.params.programmeId, req.body)),
  );
  api.get(
    '/api/announcements/:announcementId',
    { config: user, schema: { tags, params: announcementParams, response: { 200: announcementView } } },
    async (req) => readAnnouncement(ctx, requireUser(req), req.params.announcementId),
  );
  api.post(
    '/api/announcements/:announcementId/replies',
    {
      config: user,
      schema: { tags, params: announcementParams, body: replyBody, response: { 201: postedView } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await replyToAnnouncement(ctx, requireUser(req), req.params.announcementId, req.body.body)),
  );
}
