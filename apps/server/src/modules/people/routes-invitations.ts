import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { answerInvitation, myInvitations } from './invitations.ts';
import { invitationView } from './schema.ts';

const tags = ['people'];

/**
 * A person's own invitations into programmes (accounts invited by a coordinator of an
 * organisation they are not in): only the invited person sees and answers them.
 */
export function invitationRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/me/invitations',
    { config: { auth: 'user' }, schema: { tags, response: { 200: z.array(invitationView) } } },
    async (req) => myInvitations(ctx, requireUser(req)),
  );

  for (const [path, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const) {
    api.post(
      `/api/me/invitations/:invitationId/${path}`,
      {
        config: { auth: 'user' },
        schema: {
          tags,
          params: z.object({ invitationId: z.string() }),
          response: { 200: z.object({ ok: z.literal(true), programmeId: z.string() }) },
        },
      },
      async (req) => {
        const done = await answerInvitation(ctx, requireUser(req), req.params.invitationId, answer);
        return { ok: true as const, ...done };
      },
    );
  }
}
