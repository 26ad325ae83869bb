import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { getReport, saveReport } from './reports.ts';
import { meetingParams, reportBody, reportView } from './schema.ts';

const tags = ['meetings'];

/** A meeting's report. */
export function reportRoutes(api: Api, ctx: AppContext) {
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
}
