import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { organisationWhoseAuditIsReadable } from './policy.ts';
import { auditPageView, auditParams, auditQuery, recordReadsQuery, recordReadsView } from './schema.ts';
import { auditPage, readsOfMyRecords } from './service.ts';

export function auditRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/audit',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['audit'],
        params: auditParams,
        querystring: auditQuery,
        response: { 200: auditPageView },
      },
    },
    async (req) => {
      const org = await organisationWhoseAuditIsReadable(ctx, requireUser(req), req.params.orgId);
      return auditPage(ctx, org, req.query);
    },
  );

  // Who read the signed-in person's records: their own entries only, whoever asks.
  api.get(
    '/api/me/record-reads',
    {
      config: { auth: 'user' },
      schema: { tags: ['audit'], querystring: recordReadsQuery, response: { 200: recordReadsView } },
    },
    async (req) => readsOfMyRecords(ctx, requireUser(req), req.query),
  );
}
