import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { contactOverview, logContact } from './contacts.ts';
import { createEvent, deleteEvent, listEvents, updateEvent } from './events.ts';
import { cancelMeeting, confirmMeeting, feedByToken, icsForViewer, updateMeeting } from './invitations.ts';
import { nudgeNonAnswerers } from './nudges.ts';
import { answerAsUser, answerByToken, pollByToken } from './polls.ts';
import { getReport, saveReport } from './reports.ts';
import {
  answersBody,
  contactBody,
  contactsView,
  eventBody,
  eventPatch,
  eventView,
  meetingBody,
  meetingPatch,
  meetingView,
  pollView,
  programmeMeetingsView,
  reportBody,
  reportView,
  slotsBody,
  slotsView,
} from './schema.ts';
import { createMeeting, programmeMeetings, slotsFor } from './service.ts';
import { getMeeting } from './view.ts';

const tags = ['meetings'];
const programmeParams = z.object({ programmeId: z.string() });
const meetingParams = z.object({ meetingId: z.string() });
const eventParams = programmeParams.extend({ eventId: z.string() });
const tokenParams = z.object({ token: z.string().min(20).max(200) });
const created = z.object({ id: z.string() });

export function meetingRoutes(api: Api, ctx: AppContext) {
  // ── The personal calendar feed (its address is made with the availability) ──
  api.get(
    '/api/feeds/:token',
    { config: { auth: 'public' }, schema: { tags, params: tokenParams } },
    async (req, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await feedByToken(ctx, req.params.token)),
  );

  // ── Programme events ──
  api.get(
    '/api/programmes/:programmeId/events',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, response: { 200: z.array(eventView) } },
    },
    async (req) => listEvents(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/events',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: eventBody, response: { 201: eventView } },
    },
    async (req, reply) =>
      reply.status(201).send(await createEvent(ctx, requireUser(req), req.params.programmeId, req.body)),
  );
  api.patch(
    '/api/programmes/:programmeId/events/:eventId',
    {
      config: { auth: 'user' },
      schema: { tags, params: eventParams, body: eventPatch, response: { 200: eventView } },
    },
    async (req) => updateEvent(ctx, requireUser(req), req.params.programmeId, req.params.eventId, req.body),
  );
  api.delete(
    '/api/programmes/:programmeId/events/:eventId',
    { config: { auth: 'user' }, schema: { tags, params: eventParams } },
    async (req) => {
      await deleteEvent(ctx, requireUser(req), req.params.programmeId, req.params.eventId);
      return { ok: true };
    },
  );

  // ── Meetings ──
  api.get(
    '/api/programmes/:programmeId/meetings',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, response: { 200: programmeMeetingsView } },
    },
    async (req) => programmeMeetings(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/slots',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: slotsBody, response: { 200: slotsView } },
    },
    async (req) => slotsFor(ctx, requireUser(req), req.params.programmeId, req.body),
  );
  api.post(
    '/api/programmes/:programmeId/meetings',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: meetingBody, response: { 201: created } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await createMeeting(ctx, requireUser(req), req.params.programmeId, req.body) }),
  );
  api.get(
    '/api/meetings/:meetingId',
    { config: { auth: 'user' }, schema: { tags, params: meetingParams, response: { 200: meetingView } } },
    async (req) => getMeeting(ctx, requireUser(req), req.params.meetingId),
  );
  api.patch(
    '/api/meetings/:meetingId',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, body: meetingPatch, response: { 200: meetingView } },
    },
    async (req) => {
      const actor = requireUser(req);
      await updateMeeting(ctx, actor, req.params.meetingId, req.body);
      return getMeeting(ctx, actor, req.params.meetingId);
    },
  );
  api.post(
    '/api/meetings/:meetingId/answers',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, body: answersBody, response: { 200: meetingView } },
    },
    async (req) => {
      const actor = requireUser(req);
      await answerAsUser(ctx, actor, req.params.meetingId, req.body);
      return getMeeting(ctx, actor, req.params.meetingId);
    },
  );
  api.post(
    '/api/meetings/:meetingId/confirm',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: meetingParams,
        body: z.object({ optionId: z.string() }),
        response: { 200: meetingView },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      await confirmMeeting(ctx, actor, req.params.meetingId, req.body);
      return getMeeting(ctx, actor, req.params.meetingId);
    },
  );
  api.post(
    '/api/meetings/:meetingId/nudge',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, response: { 200: z.object({ nudged: z.number() }) } },
    },
    async (req) => nudgeNonAnswerers(ctx, requireUser(req), req.params.meetingId),
  );
  api.post(
    '/api/meetings/:meetingId/cancel',
    { config: { auth: 'user' }, schema: { tags, params: meetingParams, response: { 200: meetingView } } },
    async (req) => {
      const actor = requireUser(req);
      await cancelMeeting(ctx, actor, req.params.meetingId);
      return getMeeting(ctx, actor, req.params.meetingId);
    },
  );
  api.get(
    '/api/meetings/:meetingId/invitation',
    { config: { auth: 'user' }, schema: { tags, params: meetingParams } },
    async (req, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="invitation.ics"')
        .send(await icsForViewer(ctx, requireUser(req), req.params.meetingId)),
  );
  api.get(
    '/api/meetings/:meetingId/report',
    { config: { auth: 'user' }, schema: { tags, params: meetingParams, response: { 200: reportView } } },
    async (req) => getReport(ctx, requireUser(req), req.params.meetingId),
  );
  api.put(
    '/api/meetings/:meetingId/report',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, body: reportBody, response: { 200: reportView } },
    },
    async (req) => saveReport(ctx, requireUser(req), req.params.meetingId, req.body),
  );

  // ── Polls answered from a private link, without signing in ──
  api.get(
    '/api/polls/:token',
    { config: { auth: 'public' }, schema: { tags, params: tokenParams, response: { 200: pollView } } },
    async (req) => pollByToken(ctx, req.params.token),
  );
  api.post(
    '/api/polls/:token',
    {
      config: { auth: 'public' },
      schema: { tags, params: tokenParams, body: answersBody, response: { 200: pollView } },
    },
    async (req) => answerByToken(ctx, req.params.token, req.body),
  );

  // ── Contact log ──
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
