import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { loadOrganisationFor } from '../programmes/service.ts';
import { auditPage } from './service.ts';

const entryView = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  meta: z.unknown(),
});

export function auditRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/audit',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['audit'],
        params: z.object({ orgId: z.string() }),
        querystring: z.object({
          before: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.array(entryView) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const org = await loadOrganisationFor(ctx, actor, req.params.orgId, 'viewAudit');
      return auditPage(ctx, org.id, req.query);
    },
  );
}
