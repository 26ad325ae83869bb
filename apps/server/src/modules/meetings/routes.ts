import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  addCalendar,
  addPhrase,
  addRule,
  myAvailability,
  previewPhrase,
  removeOwn,
  rotateFeed,
} from '../availability/service.ts';
import { contactOverview, logContact } from './contacts.ts';
import { createEvent, deleteEvent, listEvents, updateEvent } from './events.ts';
import { getReport, saveReport } from './reports.ts';
import {
  answersBody,
  availabilityView,
  calendarBody,
  contactBody,
  contactsView,
  eventBody,
  eventPatch,
  eventView,
  meetingBody,
  meetingPatch,
  meetingView,
  phraseBody,
  phraseSaved,
  phraseView,
  pollView,
  programmeMeetingsView,
  reportBody,
  reportView,
  ruleBody,
  slotsBody,
  slotsView,
} from './schema.ts';
import {
  answerAsUser,
  answerByToken,
  cancelMeeting,
  confirmMeeting,
  createMeeting,
  feedByToken,
  getMeeting,
  icsForViewer,
  pollByToken,
  programmeMeetings,
  slotsFor,
  updateMeeting,
} from './service.ts';

const tags = ['meetings'];
const orgParams = z.object({ orgId: z.string() });
const programmeParams = z.object({ programmeId: z.string() });
const meetingParams = z.object({ meetingId: z.string() });
const eventParams = programmeParams.extend({ eventId: z.string() });
const tokenParams = z.object({ token: z.string().min(20).max(200) });
const created = z.object({ id: z.string() });

export function meetingRoutes(api: Api, ctx: AppContext) {
  // ── Availability: each person's own, inside an organisation ──
  api.get(
    '/api/orgs/:orgId/availability',
    { config: { auth: 'user' }, schema: { tags, params: orgParams, response: { 200: availabilityView } } },
    async (req) => myAvailability(ctx, requireUser(req), req.params.orgId),
  );
  api.post(
    '/api/orgs/:orgId/availability/rules',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: ruleBody, response: { 201: created } },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await addRule(ctx, requireUser(req), req.params.orgId, req.body) }),
  );
  api.post(
    '/api/orgs/:orgId/availability/phrases/preview',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: phraseBody, response: { 200: phraseView } },
    },
    async (req) => previewPhrase(ctx, requireUser(req), req.params.orgId, req.body.text),
  );
  api.post(
    '/api/orgs/:orgId/availability/phrases',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: phraseBody, response: { 201: phraseSaved } },
    },
    async (req, reply) =>
      reply.status(201).send(await addPhrase(ctx, requireUser(req), req.params.orgId, req.body.text)),
  );
  api.delete(
    '/api/orgs/:orgId/availability/rules/:ruleId',
    { config: { auth: 'user' }, schema: { tags, params: orgParams.extend({ ruleId: z.string() }) } },
    async (req) => {
      await removeOwn(ctx, requireUser(req), req.params.orgId, 'availability_rules', req.params.ruleId);
      return { ok: true };
    },
  );
  api.post(
    '/api/orgs/:orgId/availability/calendars',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: calendarBody, response: { 201: created } },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await addCalendar(ctx, requireUser(req), req.params.orgId, req.body) }),
  );
  api.delete(
    '/api/orgs/:orgId/availability/calendars/:calendarId',
    { config: { auth: 'user' }, schema: { tags, params: orgParams.extend({ calendarId: z.string() }) } },
    async (req) => {
      await removeOwn(ctx, requireUser(req), req.params.orgId, 'calendar_sources', req.params.calendarId);
      return { ok: true };
    },
  );
  api.post(
    '/api/me/calendar-feed',
    { config: { auth: 'user' }, schema: { tags, response: { 200: z.object({ url: z.string() }) } } },
    async (req) => rotateFeed(ctx, requireUser(req)),
  );
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
    async (req) => updateMeeting(ctx, requireUser(req), req.params.meetingId, req.body),
  );
  api.post(
    '/api/meetings/:meetingId/answers',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, body: answersBody, response: { 200: meetingView } },
    },
    async (req) => answerAsUser(ctx, requireUser(req), req.params.meetingId, req.body),
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
    async (req) => confirmMeeting(ctx, requireUser(req), req.params.meetingId, req.body),
  );
  api.post(
    '/api/meetings/:meetingId/cancel',
    { config: { auth: 'user' }, schema: { tags, params: meetingParams, response: { 200: meetingView } } },
    async (req) => cancelMeeting(ctx, requireUser(req), req.params.meetingId),
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
