import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { loadOrganisationFor } from '../programmes/service.ts';
import { myProfile, updateMyProfile } from './profile.ts';
import { myProfileView, profileBody } from './schema.ts';

const tags = ['people'];

/** A person's own profile in an organisation. */
export function profileRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/profile',
    {
      config: { auth: 'user' },
      schema: { tags, params: z.object({ orgId: z.string() }), response: { 200: myProfileView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const org = await loadOrganisationFor(ctx, actor, req.params.orgId);
      return myProfile(ctx, actor, org.id);
    },
  );

  api.patch(
    '/api/orgs/:orgId/profile',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: z.object({ orgId: z.string() }),
        body: profileBody,
        response: { 200: myProfileView },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const org = await loadOrganisationFor(ctx, actor, req.params.orgId);
      await updateMyProfile(ctx, actor, org.id, req.body);
      return myProfile(ctx, actor, org.id);
    },
  );
}
