import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { startSession } from '../../http/session.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { argon2id, type Passwords, PasswordsBusy, passwordHasher } from '../../lib/passwords.ts';
import { audit } from '../audit/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { enqueueAuthMail } from './mails.ts';
import { attemptSucceeded, beginSignInAttempt, forgetAttempt, mailQuota } from './policy.ts';

export const MAGIC_MINUTES = 20;
export const RESET_MINUTES = 60;
export const INVITE_DAYS = 14;

/** Hashes a password outside a request (the command line, the demo): requests use `passwordsOf`. */
export const hashPassword = (password: string) => argon2id.hash(password);

let processPasswords: Passwords | undefined;
/** The process's bounded password hasher (one queue for every request). */
export function passwordsOf(ctx: AppContext): Passwords {
  if (ctx.passwords) return ctx.passwords;
  processPasswords ??= passwordHasher({
    concurrency: ctx.config.PASSWORD_HASH_CONCURRENCY,
    queue: ctx.config.PASSWORD_HASH_QUEUE,
  });
  return processPasswords;
}

const invalidCredentials = () => refuse(401, 'invalid_credentials');

/** Runs password hashing, turning a full queue into "busy, retry in a few seconds". */
async function hashing<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof PasswordsBusy) throw refuse(503, 'sign_in_busy', { retryAfter: 5 });
    throw err;
  }
}

/**
 * Password sign-in, slowed down per account and address (policy.ts), each attempt recorded; returns
 * the user's id. An unknown e-mail, an account without a password and a disabled one cost one
 * password check like the others, so the answer's time does not tell which e-mails have accounts.
 */
export async function signIn(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
): Promise<string> {
  const attempt = await beginSignInAttempt(ctx, email, req.ip);
  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const matches = await hashing(passwordsOf(ctx).verify(user?.password_hash, password)).catch(async (err) => {
    // Turned away before any check (server busy): not a wrong password.
    await forgetAttempt(ctx, attempt);
    throw err;
  });
  const now = ctx.clock.now();
  if (!user || !matches || user.disabled_at) {
    await audit(ctx.db, now, {
      actorId: user?.id,
      action: 'auth.sign_in_failed',
      ip: req.ip,
      meta: { email },
    });
    throw invalidCredentials();
  }
  await attemptSucceeded(ctx, attempt);
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
      .select(['name', 'rules', 'template'])
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
    // Told before joining: whether the programme shares a member's phone by default.
    phoneShared: programme ? rulesOf(programme).phoneSharedByDefault : null,
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
 * Sends a single-use sign-in link (an `auth.mail` job). Unknown addresses get the same answer and
 * cost the same work, so accounts cannot be probed.
 */
/** `next`: the page of the app the link lands on once used (a path checked by isReturnPath). */
export async function requestMagicLink(ctx: AppContext, email: string, next?: string): Promise<void> {
  await requestAuthMail(ctx, 'magic', email, next);
}

export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  await requestAuthMail(ctx, 'reset', email);
}

/**
 * Each request is counted for its address, known or not (mailQuota): past the limit nothing is
 * queued, and the caller still answers 202, so neither the limit nor the account shows.
 */
async function requestAuthMail(
  ctx: AppContext,
  kind: 'magic' | 'reset',
  email: string,
  next?: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    const allowed = await mailQuota(trx, ctx.config, email, now);
    if (!user || user.disabled_at || !allowed) return;
    const returnTo = kind === 'magic' && next && next !== '/' ? { next } : {};
    await enqueueAuthMail(trx, { kind, userId: user.id, requestedAt: now.toISOString(), ...returnTo }, now);
  });
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

/**
 * Cancels the person's outstanding sign-in and reset links (they now answer "expired, ask for a new
 * one"): after a new password, only that password and links asked for later open the account.
 */
async function cancelLinks(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('tokens')
    .set({ expires_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('kind', 'in', ['magic', 'reset'])
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
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
  const hash = await hashing(passwordsOf(ctx).hash(password));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_change_required: 0, password_changed_at: now.toISOString() })
      .where('id', '=', row.user_id as string)
      .execute();
    // A new password ends every other session and link: whoever knew the old one is signed out.
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', row.user_id as string)
      .execute();
    await cancelLinks(trx, row.user_id as string, now);
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
  const hash = body.password ? await hashing(passwordsOf(ctx).hash(body.password)) : undefined;
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
  const ok = await hashing(passwordsOf(ctx).verify(user.password_hash, current));
  if (!ok) throw refuse(400, 'wrong_password');
  if (current === password) {
    throw refuse(400, 'same_password');
  }
  const hash = await hashing(passwordsOf(ctx).hash(password));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_change_required: 0, password_changed_at: now.toISOString() })
      .where('id', '=', actor.id)
      .execute();
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', actor.id)
      .where('id', '!=', actor.sessionId)
      .execute();
    await cancelLinks(trx, actor.id, now);
  });
  await audit(ctx.db, ctx.clock.now(), { actorId: actor.id, action: 'auth.password_changed', ip: req.ip });
}
