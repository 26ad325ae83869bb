import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  alertView,
  answerBody,
  checkinParams,
  checkinView,
  consentBody,
  directoryBody,
  directoryView,
  guideBody,
  guideView,
  mineView,
  orgParams,
  personCheckins,
  personParams,
  programmeParams,
  settingsBody,
  settingsView,
  summaryView,
  tags,
  tellBody,
  tokenQuery,
} from './schema.ts';
import * as wellbeing from './service.ts';

const ok = z.object({ ok: z.literal(true) });

/** Check-ins by private link (no sign-in), the signed-in tutee's, their tutor's reads and alerts. */
function checkinRoutes(api: Api, ctx: AppContext) {
  const pub = { config: { auth: 'public' as const } };
  api.get(
    '/api/checkin-link',
    { ...pub, schema: { tags, querystring: tokenQuery, response: { 200: checkinView } } },
    (req) => wellbeing.viewByLink(ctx, req.query.token),
  );
  api.post(
    '/api/checkin-link',
    { ...pub, schema: { tags, querystring: tokenQuery, body: answerBody, response: { 200: checkinView } } },
    (req) => wellbeing.answerByLink(ctx, req.query.token, req.body),
  );
  api.post(
    '/api/checkin-link/tell-tutor',
    { ...pub, schema: { tags, querystring: tokenQuery, body: tellBody, response: { 200: checkinView } } },
    (req) => wellbeing.tellByLink(ctx, req.query.token, req.body.tell),
  );
  const user = { config: { auth: 'user' as const } };
  api.get('/api/me/wellbeing', { ...user, schema: { tags, response: { 200: mineView } } }, (req) =>
    wellbeing.mine(ctx, requireUser(req)),
  );
  api.get(
    '/api/checkins/:checkinId',
    { ...user, schema: { tags, params: checkinParams, response: { 200: checkinView } } },
    (req) => wellbeing.viewMine(ctx, requireUser(req), req.params.checkinId),
  );
  api.post(
    '/api/checkins/:checkinId',
    { ...user, schema: { tags, params: checkinParams, body: answerBody, response: { 200: checkinView } } },
    (req) => wellbeing.answerMine(ctx, requireUser(req), req.params.checkinId, req.body),
  );
  api.post(
    '/api/checkins/:checkinId/tell-tutor',
    { ...user, schema: { tags, params: checkinParams, body: tellBody, response: { 200: checkinView } } },
    (req) => wellbeing.tellMine(ctx, requireUser(req), req.params.checkinId, req.body.tell),
  );
  api.put(
    '/api/programmes/:programmeId/checkin-consent',
    { ...user, schema: { tags, params: programmeParams, body: consentBody, response: { 200: mineView } } },
    (req) => wellbeing.setConsent(ctx, requireUser(req), req.params.programmeId, req.body.consent),
  );
  api.get(
    '/api/programmes/:programmeId/people/:userId/checkins',
    { ...user, schema: { tags, params: personParams, response: { 200: personCheckins } } },
    (req) => wellbeing.personCheckins(ctx, requireUser(req), req.params.programmeId, req.params.userId),
  );
  api.get(
    '/api/wellbeing-alerts/:checkinId',
    { ...user, schema: { tags, params: checkinParams, response: { 200: alertView } } },
    (req) => wellbeing.alert(ctx, requireUser(req), req.params.checkinId),
  );
  api.post(
    '/api/wellbeing-alerts/:checkinId/seen',
    { ...user, schema: { tags, params: checkinParams, response: { 200: ok } } },
    (req) => wellbeing.alertSeen(ctx, requireUser(req), req.params.checkinId),
  );
}

/** A programme's questions and news, and its aggregates for the coordinators. */
function programmeRoutes(api: Api, ctx: AppContext) {
  const user = { config: { auth: 'user' as const } };
  api.get(
    '/api/programmes/:programmeId/checkin-settings',
    { ...user, schema: { tags, params: programmeParams, response: { 200: settingsView } } },
    (req) => wellbeing.settings(ctx, requireUser(req), req.params.programmeId),
  );
  api.put(
    '/api/programmes/:programmeId/checkin-settings',
    {
      ...user,
      schema: { tags, params: programmeParams, body: settingsBody, response: { 200: settingsView } },
    },
    (req) => wellbeing.updateSettings(ctx, requireUser(req), req.params.programmeId, req.body),
  );
  api.get(
    '/api/programmes/:programmeId/wellbeing/summary',
    { ...user, schema: { tags, params: programmeParams, response: { 200: summaryView } } },
    (req) => wellbeing.summary(ctx, requireUser(req), req.params.programmeId),
  );
}

/** An organisation's help directory and tutor's guide. */
function helpRoutes(api: Api, ctx: AppContext) {
  const user = { config: { auth: 'user' as const } };
  api.get(
    '/api/orgs/:orgId/help',
    { ...user, schema: { tags, params: orgParams, response: { 200: directoryView } } },
    (req) => wellbeing.readDirectory(ctx, requireUser(req), req.params.orgId),
  );
  api.put(
    '/api/orgs/:orgId/help',
    { ...user, schema: { tags, params: orgParams, body: directoryBody, response: { 200: directoryView } } },
    (req) => wellbeing.writeDirectory(ctx, requireUser(req), req.params.orgId, req.body.resources),
  );
  api.get(
    '/api/orgs/:orgId/guide',
    {
      ...user,
      schema: {
        tags,
        params: orgParams,
        querystring: z.object({ lang: z.enum(['fr', 'en']).optional() }),
        response: { 200: guideView },
      },
    },
    (req) => wellbeing.readGuide(ctx, requireUser(req), req.params.orgId, req.query.lang),
  );
  api.put(
    '/api/orgs/:orgId/guide',
    { ...user, schema: { tags, params: orgParams, body: guideBody, response: { 200: guideView } } },
    (req) => wellbeing.writeGuide(ctx, requireUser(req), req.params.orgId, req.body),
  );
}

export function wellbeingRoutes(api: Api, ctx: AppContext) {
  checkinRoutes(api, ctx);
  programmeRoutes(api, ctx);
  helpRoutes(api, ctx);
}
