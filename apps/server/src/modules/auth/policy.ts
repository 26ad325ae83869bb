import type { AppContext } from '../../context.ts';
import { refuse } from '../../http/errors.ts';

/**
 * Who may try to sign in, and how often: failed password attempts are counted per account and per
 * address over a window; past the limit, sign-in by password waits (a sign-in link still works).
 * Which routes a person with a temporary password reaches is a route setting
 * (`config.duringPasswordChange`), enforced for every route in http/app.ts.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_PER_ACCOUNT = 5;
export const MAX_FAILED_PER_ADDRESS = 30;

export async function assertSignInAllowed(ctx: AppContext, email: string, ip: string): Promise<void> {
  const since = new Date(ctx.clock.now().getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const failures = async (column: 'email' | 'ip', value: string) =>
    Number(
      (
        await ctx.db
          .selectFrom('sign_in_attempts')
          .select((eb) => eb.fn.countAll().as('n'))
          .where(column, '=', value)
          .where('at', '>', since)
          .where('success', '=', 0)
          .executeTakeFirstOrThrow()
      ).n,
    );
  if ((await failures('email', email)) >= MAX_FAILED_PER_ACCOUNT) throw refuse(429, 'account_throttled');
  if ((await failures('ip', ip)) >= MAX_FAILED_PER_ADDRESS) throw refuse(429, 'address_throttled');
}
