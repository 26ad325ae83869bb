import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { demoPresent } from '../../demo/presence.ts';
import { clearSessionCookie, requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { presentMe, updateMe } from './me.ts';
import {
  acceptInvitationBody,
  changePasswordBody,
  emailBody,
  invitationView,
  magicLinkBody,
  meView,
  okView,
  resetBody,
  sessionView,
  signInBody,
  tokenBody,
} from './schema.ts';
import {
  acceptInvitation,
  changePassword,
  completePasswordReset,
  databaseAnswers,
  invitationDetails,
  requestMagicLink,
  requestPasswordReset,
  signIn,
  signInWithLink,
  signOut,
  signOutEverywhere,
} from './service.ts';

const tags = ['auth'];
// Sign-in routes get a tighter per-address limit on top of the per-account count in the service.
const strict = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** Health, signing in and out, invitations to an account, and the signed-in person's own account. */
export function authRoutes(api: Api, ctx: AppContext) {
  healthRoute(api, ctx);
  signInRoutes(api, ctx);
  invitationRoutes(api, ctx);
  signOutRoutes(api, ctx);
  accountRoutes(api, ctx);
}

/** Whether the server and its database answer. */
function healthRoute(api: Api, ctx: AppContext) {
  api.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['meta'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await databaseAnswers(ctx);
      return { status: 'ok' as const, database: ctx.dbKind };
    },
  );
}

/** Signing in with a password or an e-mailed link, and resetting a forgotten password. */
function signInRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/api/auth/sign-in',
    { config: { auth: 'public', ...strict }, schema: { tags, body: signInBody, response: { 200: meView } } },
    async (req, reply) => {
      const userId = await signIn(ctx, req, reply, req.body.email, req.body.password);
      return presentMe(ctx, userId);
    },
  );

  api.post(
    '/api/auth/magic-link',
    {
      config: { auth: 'public', ...strict },
      schema: { tags, body: magicLinkBody, response: { 202: okView } },
    },
    async (req, reply) => {
      await requestMagicLink(ctx, req.body.email, req.body.next);
      return reply.status(202).send({ ok: true });
    },
  );

  api.post(
    '/api/auth/magic-link/consume',
    { config: { auth: 'public', ...strict }, schema: { tags, body: tokenBody, response: { 200: okView } } },
    async (req, reply) => {
      await signInWithLink(ctx, req, reply, req.body.token);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/auth/password-reset',
    { config: { auth: 'public', ...strict }, schema: { tags, body: emailBody, response: { 202: okView } } },
    async (req, reply) => {
      await requestPasswordReset(ctx, req.body.email);
      return reply.status(202).send({ ok: true });
    },
  );

  api.post(
    '/api/auth/password-reset/complete',
    { config: { auth: 'public', ...strict }, schema: { tags, body: resetBody, response: { 200: okView } } },
    async (req, reply) => {
      await completePasswordReset(ctx, req, reply, req.body.token, req.body.password);
      return { ok: true as const };
    },
  );
}

/** An invitation by e-mail: read, then accepted (with a password for a new account). */
function invitationRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/invitations/:token',
    {
      config: { auth: 'public', ...strict },
      schema: { tags, params: z.object({ token: z.string() }), response: { 200: invitationView } },
    },
    async (req) => invitationDetails(ctx, req.params.token),
  );

  api.post(
    '/api/invitations/:token/accept',
    {
      config: { auth: 'public', ...strict },
      schema: {
        tags,
        params: z.object({ token: z.string() }),
        body: acceptInvitationBody,
        response: { 200: okView },
      },
    },
    async (req, reply) => {
      await acceptInvitation(ctx, req, reply, req.params.token, req.body);
      return { ok: true as const };
    },
  );
}

function signOutRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/api/auth/sign-out',
    { config: { auth: 'user', duringPasswordChange: true }, schema: { tags, response: { 200: okView } } },
    async (req, reply) => {
      await signOut(ctx, requireUser(req));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/auth/sign-out-everywhere',
    { config: { auth: 'user', duringPasswordChange: true }, schema: { tags, response: { 200: okView } } },
    async (req, reply) => {
      await signOutEverywhere(ctx, requireUser(req), req.ip);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );
}

/** The signed-in person's account (name, language, phone, password) and the session the web app reads. */
function accountRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/me',
    { config: { auth: 'user', duringPasswordChange: true }, schema: { tags, response: { 200: meView } } },
    async (req) => presentMe(ctx, requireUser(req).id),
  );

  // What the web app reads on every load: an anonymous visitor gets 200 with no user (not a 401).
  api.get(
    '/api/session',
    { config: { auth: 'public' }, schema: { tags, response: { 200: sessionView } } },
    async (req) => ({
      user: req.actor.kind === 'user' ? await presentMe(ctx, req.actor.id) : null,
      demo: await demoPresent(ctx),
    }),
  );

  api.post(
    '/api/me/password',
    {
      config: { auth: 'user', duringPasswordChange: true, ...strict },
      schema: { tags, body: changePasswordBody, response: { 200: okView } },
    },
    async (req) => {
      await changePassword(ctx, req, requireUser(req), req.body.current, req.body.password);
      return { ok: true as const };
    },
  );

  api.patch(
    '/api/me',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        body: z.object({
          name: z.string().trim().min(1).max(120).optional(),
          locale: z.enum(['fr', 'en']).optional(),
          phone: z.string().trim().max(30).nullable().optional(),
        }),
        response: { 200: meView },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      await updateMe(ctx, actor.id, req.body);
      return presentMe(ctx, actor.id);
    },
  );
}
