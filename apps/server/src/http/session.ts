import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { hashSecret, newSecret } from '../lib/ids.ts';
import { type Actor, loadActor, type UserActor } from '../policy/actor.ts';
import { unauthenticated } from './errors.ts';

export const SESSION_COOKIE = 'compagnon_session';
// Last use is written at most this often, not on every request; an idle session ends
// SESSION_IDLE_HOURS after the last write, so it may last these few minutes longer.
const TOUCH_EVERY_MS = 5 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/**
 * Resolves the session cookie into an actor; an unknown or expired cookie, or a session unused for
 * SESSION_IDLE_HOURS, is simply anonymous.
 */
export async function resolveActor(ctx: AppContext, req: FastifyRequest): Promise<Actor> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return { kind: 'anonymous' };
  const now = ctx.clock.now();
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sid',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.disabled_at',
      'users.password_change_required',
    ])
    .where('sessions.id', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at <= now.toISOString()) return { kind: 'anonymous' };
  if (now.getTime() - Date.parse(row.last_seen_at) > ctx.config.SESSION_IDLE_HOURS * 3_600_000) {
    await ctx.db.deleteFrom('sessions').where('id', '=', row.sid).execute();
    return { kind: 'anonymous' };
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.sid)
      .execute();
  }
  const actor = await loadActor(ctx.db, row, row.sid);
  actor.passwordChangeRequired = row.password_change_required === 1;
  return actor;
}

export function requireUser(req: FastifyRequest): UserActor {
  if (req.actor.kind !== 'user') throw unauthenticated();
  return req.actor;
}

/** Opens a session for the user and sets the HttpOnly cookie. */
export async function startSession(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const token = newSecret();
  const now = ctx.clock.now();
  const expires = new Date(now.getTime() + ctx.config.SESSION_DAYS * 86_400_000);
  await ctx.db
    .insertInto('sessions')
    .values({
      id: hashSecret(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
      last_seen_at: now.toISOString(),
      ip: req.ip,
      user_agent: req.headers['user-agent']?.slice(0, 300) ?? null,
    })
    .execute();
  await ctx.db
    .updateTable('users')
    .set({ last_sign_in_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.NODE_ENV === 'production',
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
