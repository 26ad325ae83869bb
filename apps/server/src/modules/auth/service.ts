import argon2 from 'argon2';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { startSession } from '../../http/session.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { audit } from '../audit/service.ts';
import { enqueueAuthMail } from './mails.ts';
import { assertSignInAllowed } from './policy.ts';

export const MAGIC_MINUTES = 20;
export const RESET_MINUTES = 60;
export const INVITE_DAYS = 14;

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

const invalidCredentials = () => refuse(401, 'invalid_credentials');

/** Password sign-in, limited per account and per address, each attempt recorded; returns the user's id. */
export async function signIn(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
): Promise<string> {
  const now = ctx.clock.now();
  await assertSignInAllowed(ctx, email, req.ip);
  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const ok =
    !!user?.password_hash &&
    !user.disabled_at &&
    (await argon2.verify(user.password_hash, password).catch(() => false));
  await ctx.db
    .insertInto('sign_in_attempts')
    .values({ id: newId(), email, ip: req.ip, at: now.toISOString(), success: ok ? 1 : 0 })
    .execute();
  if (!user || !ok) {
    await audit(ctx.db, now, {
      actorId: user?.id,
      action: 'auth.sign_in_failed',
      ip: req.ip,
      meta: { email },
    });
    throw invalidCredentials();
  }
  await startSession(ctx, req, reply, user.id);
  await audit(ctx.db, now, {
    actorId: user.id,
    action: 'auth.sign_in',
    ip: req.ip,
    meta: { method: 'password' },
  });
  return user.id;
}

/** Ends this session only. */
export async function signOut(ctx: AppContext, actor: { sessionId: string }): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
}

/** Ends every session of the person, on every device. */
export async function signOutEverywhere(ctx: AppContext, actor: { id: string }, ip: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('user_id', '=', actor.id).execute();
  await audit(ctx.db, ctx.clock.now(), { actorId: actor.id, action: 'auth.sign_out_everywhere', ip });
}

/** What an invitation link shows before it is accepted: who it is for, where, as what. */
export async function invitationDetails(ctx: AppContext, secret: string) {
  const row = await peekToken(ctx, 'invite', secret);
  const [user, org, programme] = await Promise.all([
    ctx.db
      .selectFrom('users')
      .select(['name', 'password_hash'])
      .where('id', '=', row.user_id ?? '')
      .executeTakeFirst(),
    ctx.db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', row.org_id ?? '')
      .executeTakeFirst(),
    ctx.db
      .selectFrom('programmes')
      .select('name')
      .where('id', '=', row.programme_id ?? '')
      .executeTakeFirst(),
  ]);
  return {
    email: row.email,
    name: user?.name ?? '',
    hasPassword: !!user?.password_hash,
    organisation: org?.name ?? null,
    programme: programme?.name ?? null,
    role: row.role,
  };
}

/** The health route's check: the database answers a query. */
export async function databaseAnswers(ctx: AppContext): Promise<void> {
  await ctx.db.selectFrom('organisations').select('id').limit(1).execute();
}

export async function createToken(
  ctx: AppContext,
  t: {
    kind: 'magic' | 'reset' | 'invite';
    email: string;
    userId: string | null;
    minutes: number;
    orgId?: string;
    programmeId?: string;
    role?: string;
    createdBy?: string;
  },
): Promise<string> {
  const secret = newSecret();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('tokens')
    .values({
      id: newId(),
      kind: t.kind,
      token_hash: hashSecret(secret),
      email: t.email,
      user_id: t.userId,
      org_id: t.orgId ?? null,
      programme_id: t.programmeId ?? null,
      role: t.role ?? null,
      created_by: t.createdBy ?? null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + t.minutes * 60_000).toISOString(),
      used_at: null,
    })
    .execute();
  return secret;
}

/**
 * Sends a single-use sign-in link (an `auth.mail` job). Unknown addresses get the same answer, so
 * accounts cannot be probed.
 */
export async function requestMagicLink(ctx: AppContext, email: string): Promise<void> {
  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  if (!user || user.disabled_at) return;
  await enqueueAuthMail(ctx.db, { kind: 'magic', userId: user.id }, ctx.clock.now());
}

export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  if (!user || user.disabled_at) return;
  await enqueueAuthMail(ctx.db, { kind: 'reset', userId: user.id }, ctx.clock.now());
}

/**
 * Invites an existing user record (made at invite or import time) into a programme: an `auth.mail`
 * job, in the caller's transaction (`db`) when it has one.
 */
export async function sendInvitation(
  db: Db,
  now: Date,
  inv: { userId: string; orgId: string; programmeId: string; role: string; inviterId: string },
): Promise<void> {
  await enqueueAuthMail(db, { kind: 'invite', ...inv }, now);
}

type TokenKind = 'magic' | 'reset' | 'invite';

/** Looks a link up without using it (to show who an invitation is for). */
export async function peekToken(ctx: AppContext, kind: TokenKind, secret: string) {
  const row = await ctx.db
    .selectFrom('tokens')
    .selectAll()
    .where('token_hash', '=', hashSecret(secret))
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!row) throw refuse(400, 'invalid_link');
  if (row.used_at) throw refuse(400, 'used_link');
  if (row.expires_at <= ctx.clock.now().toISOString()) {
    throw refuse(400, 'expired_link');
  }
  return row;
}

/** Marks a link used exactly once, even under concurrent clicks. */
export async function consumeToken(ctx: AppContext, kind: TokenKind, secret: string) {
  const row = await peekToken(ctx, kind, secret);
  const res = await ctx.db
    .updateTable('tokens')
    .set({ used_at: ctx.clock.now().toISOString() })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    throw refuse(400, 'used_link');
  }
  return row;
}

export async function signInWithLink(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
): Promise<void> {
  const row = await consumeToken(ctx, 'magic', secret);
  if (!row.user_id) throw refuse(400, 'invalid_link');
  await startSession(ctx, req, reply, row.user_id);
  await audit(ctx.db, ctx.clock.now(), {
    actorId: row.user_id,
    action: 'auth.sign_in',
    ip: req.ip,
    meta: { method: 'magic-link' },
  });
}

export async function completePasswordReset(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  password: string,
): Promise<void> {
  const row = await consumeToken(ctx, 'reset', secret);
  if (!row.user_id) throw refuse(400, 'invalid_link');
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_change_required: 0 })
      .where('id', '=', row.user_id as string)
      .execute();
    // A new password ends every other session: whoever knew the old one is signed out.
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', row.user_id as string)
      .execute();
  });
  await startSession(ctx, req, reply, row.user_id);
  await audit(ctx.db, ctx.clock.now(), { actorId: row.user_id, action: 'auth.password_reset', ip: req.ip });
}

export async function acceptInvitation(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  body: { name?: string; password?: string },
): Promise<void> {
  const peek = await peekToken(ctx, 'invite', secret);
  const user = peek.user_id
    ? await ctx.db.selectFrom('users').selectAll().where('id', '=', peek.user_id).executeTakeFirst()
    : undefined;
  if (!user) throw refuse(400, 'invalid_link');
  if (!user.password_hash && !body.password) {
    throw refuse(400, 'password_required', {}, { fields: [{ path: 'password', message: 'Requis' }] });
  }
  const hash = body.password ? await hashPassword(body.password) : undefined;
  const row = await consumeToken(ctx, 'invite', secret);
  await ctx.db
    .updateTable('users')
    .set({ ...(hash ? { password_hash: hash } : {}), ...(body.name ? { name: body.name } : {}) })
    .where('id', '=', user.id)
    .execute();
  await startSession(ctx, req, reply, user.id);
  await audit(ctx.db, ctx.clock.now(), {
    orgId: row.org_id,
    actorId: user.id,
    action: 'auth.invitation_accepted',
    subjectType: 'programme',
    subjectId: row.programme_id ?? undefined,
    ip: req.ip,
  });
}

/**
 * A signed-in person replaces their password (the temporary one `admin create` gave, or any other):
 * the current one is asked again, and every other session of theirs ends.
 */
export async function changePassword(
  ctx: AppContext,
  req: FastifyRequest,
  actor: { id: string; sessionId: string },
  current: string,
  password: string,
): Promise<void> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  const ok = !!user.password_hash && (await argon2.verify(user.password_hash, current).catch(() => false));
  if (!ok) throw refuse(400, 'wrong_password');
  if (current === password) {
    throw refuse(400, 'same_password');
  }
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_change_required: 0 })
      .where('id', '=', actor.id)
      .execute();
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', actor.id)
      .where('id', '!=', actor.sessionId)
      .execute();
  });
  await audit(ctx.db, ctx.clock.now(), { actorId: actor.id, action: 'auth.password_changed', ip: req.ip });
}
