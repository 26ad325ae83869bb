import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { signInterview, writeResidentView } from './interview-report.ts';
import { residentViewBody, signBody } from './interview-schema.ts';
import { getReport, saveReport } from './reports.ts';
import { meetingParams, reportBody, reportView } from './schema.ts';

const tags = ['meetings'];

/** A meeting's report; a tutored interview's also takes the resident's view and both signatures. */
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
  api.put(
    '/api/meetings/:meetingId/report/resident-view',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, body: residentViewBody, response: { 200: reportView } },
    },
    async (req) => {
      const actor = requireUser(req);
      await writeResidentView(ctx, actor, req.params.meetingId, req.body);
      return getReport(ctx, actor, req.params.meetingId);
    },
  );
  api.post(
    '/api/meetings/:meetingId/report/signatures',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, body: signBody, response: { 200: reportView } },
    },
    async (req) => {
      const actor = requireUser(req);
      await signInterview(ctx, actor, req.params.meetingId, req.body);
      return getReport(ctx, actor, req.params.meetingId);
    },
  );
}
