import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { refuse } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { myGroup } from './group.ts';
import { myPhone, phoneReach, setMyPhone } from './phone-sharing.ts';
import { seesSignInStatus } from './policy.ts';
import { myGroupView, myPhoneBody, myPhoneView, phoneReachView, programmeParams } from './schema.ts';

const tags = ['people'];

/** A tutee's own group, their phone sharing per programme, and the coordinators' phone reach. */
export function groupAndPhoneRoutes(api: Api, ctx: AppContext) {
  const schema = (response: z.ZodType) => ({ tags, params: programmeParams, response: { 200: response } });
  api.get(
    '/api/programmes/:programmeId/my-group',
    { config: { auth: 'user' }, schema: schema(myGroupView) },
    async (req) => {
      const actor = requireUser(req);
      return myGroup(ctx, actor, await loadProgrammeFor(ctx, actor, req.params.programmeId));
    },
  );
  api.get(
    '/api/programmes/:programmeId/my-phone',
    { config: { auth: 'user' }, schema: schema(myPhoneView) },
    async (req) => {
      const actor = requireUser(req);
      return myPhone(ctx, actor, await loadProgrammeFor(ctx, actor, req.params.programmeId));
    },
  );
  api.put(
    '/api/programmes/:programmeId/my-phone',
    { config: { auth: 'user' }, schema: { ...schema(myPhoneView), body: myPhoneBody } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      return setMyPhone(ctx, actor, p, req.body.shared);
    },
  );
  api.get(
    '/api/programmes/:programmeId/phone-reach',
    { config: { auth: 'user' }, schema: schema(phoneReachView) },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      if (!seesSignInStatus(actor, p)) throw refuse(403, 'forbidden');
      return phoneReach(ctx, p);
    },
  );
}
