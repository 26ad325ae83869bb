import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { langOf } from '../../notify/templates.ts';
import { dashboard } from './dashboard.ts';
import { auditReviewExport, reviewCsv, yearlyReview } from './review.ts';
import { reviewPdf } from './review-pdf.ts';
import {
  activityBody,
  alertsView,
  alertView,
  closeBody,
  dashboardView,
  messageBody,
  reviewQuery,
  snoozeBody,
} from './schema.ts';
import { closeAlert, listAlerts, logActivity, messageTutor, snoozeAlert } from './service.ts';

const tags = ['followup'];
const programmeParams = z.object({ programmeId: z.string() });
const alertParams = z.object({ alertId: z.string() });

export function followupRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/followup/dashboard',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: programmeParams,
        querystring: z.object({ cohortId: z.string().optional() }),
        response: { 200: dashboardView },
      },
    },
    async (req) => dashboard(ctx, requireUser(req), req.params.programmeId, req.query.cohortId),
  );

  api.get(
    '/api/programmes/:programmeId/followup/alerts',
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, response: { 200: alertsView } } },
    async (req) => listAlerts(ctx, requireUser(req), req.params.programmeId),
  );

  api.post(
    '/api/programmes/:programmeId/followup/activity',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: programmeParams,
        body: activityBody,
        response: { 201: z.object({ ids: z.array(z.string()) }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await logActivity(ctx, requireUser(req), req.params.programmeId, req.body)),
  );

  api.post(
    '/api/followup/alerts/:alertId/snooze',
    {
      config: { auth: 'user' },
      schema: { tags, params: alertParams, body: snoozeBody, response: { 200: alertView } },
    },
    async (req) => snoozeAlert(ctx, requireUser(req), req.params.alertId, req.body.days),
  );

  api.post(
    '/api/followup/alerts/:alertId/close',
    {
      config: { auth: 'user' },
      schema: { tags, params: alertParams, body: closeBody, response: { 200: alertView } },
    },
    async (req) => closeAlert(ctx, requireUser(req), req.params.alertId, req.body),
  );

  api.post(
    '/api/followup/alerts/:alertId/message',
    { config: { auth: 'user' }, schema: { tags, params: alertParams, body: messageBody } },
    async (req, reply) => {
      await messageTutor(ctx, requireUser(req), req.params.alertId, req.body.text);
      return reply.status(202).send({ queued: true });
    },
  );

  api.get(
    '/api/programmes/:programmeId/followup/review',
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, querystring: reviewQuery } },
    async (req) => yearlyReview(ctx, requireUser(req), req.params.programmeId, req.query.year),
  );

  api.get(
    '/api/programmes/:programmeId/followup/review.csv',
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, querystring: reviewQuery } },
    async (req, reply) => {
      const actor = requireUser(req);
      const r = await yearlyReview(ctx, actor, req.params.programmeId, req.query.year);
      await auditReviewExport(ctx, actor, r, 'csv');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="bilan-${r.year}-${r.year + 1}.csv"`)
        .send(reviewCsv(r, langOf(actor.locale)));
    },
  );

  api.get(
    '/api/programmes/:programmeId/followup/review.pdf',
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, querystring: reviewQuery } },
    async (req, reply) => {
      const actor = requireUser(req);
      const r = await yearlyReview(ctx, actor, req.params.programmeId, req.query.year);
      await auditReviewExport(ctx, actor, r, 'pdf');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="bilan-${r.year}-${r.year + 1}.pdf"`)
        .send(await reviewPdf(r, langOf(actor.locale)));
    },
  );
}
