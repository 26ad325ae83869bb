import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { loadOrganisationFor } from '../programmes/service.ts';

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
      let q = ctx.db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.action',
          'users.name as actor',
          'audit_log.subject_type',
          'audit_log.subject_id',
          'audit_log.meta',
        ])
        .where('audit_log.org_id', '=', org.id)
        .orderBy('audit_log.at', 'desc')
        .limit(req.query.limit);
      if (req.query.before) q = q.where('audit_log.at', '<', req.query.before);
      return (await q.execute()).map((r) => ({
        id: r.id,
        at: r.at,
        action: r.action,
        actor: r.actor,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        meta: r.meta ? JSON.parse(r.meta) : null,
      }));
    },
  );
}
