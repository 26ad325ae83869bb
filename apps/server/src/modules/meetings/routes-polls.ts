import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { nudgeNonAnswerers } from './nudges.ts';
import { answerAsUser, answerByToken, pollByToken } from './polls.ts';
import { answersBody, meetingParams, meetingView, pollView, tokenParams } from './schema.ts';
import { getMeeting } from './view.ts';

const tags = ['meetings'];

/** Polls: answered signed in or from a private link without signing in, and the nudge to those who have not answered. */
export function pollRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/api/meetings/:meetingId/answers',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, body: answersBody, response: { 200: meetingView } },
    },
    async (req) => {
      const actor = requireUser(req);
      await answerAsUser(ctx, actor, req.params.meetingId, req.body);
      return getMeeting(ctx, actor, req.params.meetingId);
    },
  );
  api.post(
    '/api/meetings/:meetingId/nudge',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, response: { 200: z.object({ nudged: z.number() }) } },
    },
    async (req) => nudgeNonAnswerers(ctx, requireUser(req), req.params.meetingId),
  );
  api.get(
    '/api/polls/:token',
    { config: { auth: 'public' }, schema: { tags, params: tokenParams, response: { 200: pollView } } },
    async (req) => pollByToken(ctx, req.params.token),
  );
  api.post(
    '/api/polls/:token',
    {
      config: { auth: 'public' },
      schema: { tags, params: tokenParams, body: answersBody, response: { 200: pollView } },
    },
    async (req) => answerByToken(ctx, req.params.token, req.body),
  );
}
