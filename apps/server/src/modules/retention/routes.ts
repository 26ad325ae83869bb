import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { organisationWhoseRetentionIsSet } from './policy.ts';
import { retentionBody, retentionParams, retentionView } from './schema.ts';
import { presentRetention, setRetention } from './service.ts';

const tags = ['retention'];

export function retentionRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/retention',
    { config: { auth: 'user' }, schema: { tags, params: retentionParams, response: { 200: retentionView } } },
    async (req) => {
      const org = await organisationWhoseRetentionIsSet(ctx, requireUser(req), req.params.orgId);
      return presentRetention(ctx, org.id);
    },
  );

  api.put(
    '/api/orgs/:orgId/retention',
    {
      config: { auth: 'user' },
      schema: { tags, params: retentionParams, body: retentionBody, response: { 200: retentionView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const org = await organisationWhoseRetentionIsSet(ctx, actor, req.params.orgId);
      return setRetention(ctx, actor, org.id, req.body);
    },
  );
}
