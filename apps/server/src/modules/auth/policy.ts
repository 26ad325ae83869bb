import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';

/**
 * Who may try a password, and how often. Wrong passwords are counted per account *and address*:
 * past `SIGN_IN_FREE_FAILURES` within the window, each new try from that address for that account
 * waits 1, 2, 4… minutes after the last one (a right password from the address forgives it), so a
 * guesser is slowed down without locking the owner out: from another address, or with a sign-in
 * link, the owner signs in as usual. A ceiling per account over all addresses
 * (`SIGN_IN_ACCOUNT_CEILING`, high) stops guessing spread over many addresses; it pauses password
 * sign-in only, never a sign-in link. A ceiling per address over all accounts stops one address
 * trying many accounts.
 *
 * Which routes a person with a temporary password reaches is a route setting
 * (`config.duringPasswordChange`), enforced for every route in http/app.ts.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const FIRST_WAIT_MS = 60 * 1000;
export const MAX_FAILED_PER_ADDRESS = 30;

const minutesUntil = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const throttled = (code: 'sign_in_throttled' | 'account_throttled' | 'address_throttled', waitMs: number) =>
  refuse(429, code, { minutes: minutesUntil(waitMs), retryAfter: Math.ceil(waitMs / 1000) });

/**
 * Records a password attempt *before* the password is checked (as a failure until
 * `attemptSucceeded`), so simultaneous attempts count each other. Attempts for one e-mail are
 * recorded one at a time (SQLite writes one transaction at a time; PostgreSQL takes a lock on the
 * e-mail until the transaction ends), so each one sees every attempt before its own. A refused
 * attempt is not kept, so waiting is all it takes. Returns the attempt's id.
 */
export async function beginSignInAttempt(ctx: AppContext, email: string, ip: string): Promise<string> {
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (ctx.dbKind === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${email}))`.execute(trx);
    await trx
      .insertInto('sign_in_attempts')
      .values({ id, email, ip, at: now.toISOString(), success: 0 })
      .execute();
    await assertMayTry(trx, ctx.config, id, email, ip, now);
  });
  return id;
}

export async function forgetAttempt(ctx: AppContext, attemptId: string): Promise<void> {
  await ctx.db.deleteFrom('sign_in_attempts').where('id', '=', attemptId).execute();
}

export async function attemptSucceeded(ctx: AppContext, attemptId: string): Promise<void> {
  await ctx.db.updateTable('sign_in_attempts').set({ success: 1 }).where('id', '=', attemptId).execute();
}

async function assertMayTry(db: Db, config: Config, id: string, email: string, ip: string, now: Date) {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const earlier = () =>
    db
      .selectFrom('sign_in_attempts')
      .where('id', '!=', id)
      .where('at', '>', windowStart)
      .where('at', '<=', now.toISOString());

  const lastSuccess = await earlier()
    .select((eb) => eb.fn.max('id').as('id'))
    .where('email', '=', email)
    .where('ip', '=', ip)
    .where('success', '=', 1)
    .executeTakeFirst();
  let pair = earlier()
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('at').as('last')])
    .where('email', '=', email)
    .where('ip', '=', ip)
    .where('success', '=', 0);
  if (lastSuccess?.id) pair = pair.where('id', '>', lastSuccess.id);
  const mine = await pair.executeTakeFirstOrThrow();
  const over = Number(mine.n) - config.SIGN_IN_FREE_FAILURES;
  if (over >= 0 && mine.last) {
    const wait = Math.min(FIRST_WAIT_MS * 2 ** over, SIGN_IN_WINDOW_MS);
    const left = Date.parse(mine.last) + wait - now.getTime();
    if (left > 0) throw throttled('sign_in_throttled', left);
  }

  const failures = async (column: 'email' | 'ip', value: string) =>
    Number(
      (
        await earlier()
          .select((eb) => eb.fn.countAll().as('n'))
          .where(column, '=', value)
          .where('success', '=', 0)
          .executeTakeFirstOrThrow()
      ).n,
    );
  if ((await failures('email', email)) >= config.SIGN_IN_ACCOUNT_CEILING) {
    throw throttled('account_throttled', SIGN_IN_WINDOW_MS);
  }
  if ((await failures('ip', ip)) >= MAX_FAILED_PER_ADDRESS) {
    throw throttled('address_throttled', SIGN_IN_WINDOW_MS);
  }
}

/**
 * Counts a sign-in link or reset e-mail asked for `email` and says whether it may be sent: at most
 * AUTH_MAIL_LIMIT per window of AUTH_MAIL_WINDOW_MINUTES (the window opens with the first request).
 * One statement reads and moves the count, so simultaneous requests, on one server or several,
 * cannot both take the last place.
 */
export async function mailQuota(db: Db, config: Config, email: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const windowOver = new Date(now.getTime() - config.AUTH_MAIL_WINDOW_MINUTES * 60_000).toISOString();
  const row = await db
    .insertInto('auth_mail_quota')
    .values({ email, window_start: at, requests: 1 })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        requests: sql<number>`CASE WHEN auth_mail_quota.window_start <= ${windowOver} THEN 1 ELSE auth_mail_quota.requests + 1 END`,
        window_start: sql<string>`CASE WHEN auth_mail_quota.window_start <= ${windowOver} THEN ${at} ELSE auth_mail_quota.window_start END`,
      }),
    )
    .returning('requests')
    .executeTakeFirstOrThrow();
  return Number(row.requests) <= config.AUTH_MAIL_LIMIT;
}
