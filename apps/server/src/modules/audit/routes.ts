import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { organisationWhoseAuditIsReadable } from './policy.ts';
import { auditEntryView, auditParams, auditQuery } from './schema.ts';
import { auditPage } from './service.ts';

export function auditRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/audit',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['audit'],
        params: auditParams,
        querystring: auditQuery,
        response: { 200: z.array(auditEntryView) },
      },
    },
    async (req) => {
      const org = await organisationWhoseAuditIsReadable(ctx, requireUser(req), req.params.orgId);
      return auditPage(ctx, org.id, req.query);
    },
  );
}
