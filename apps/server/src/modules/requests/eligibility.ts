import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Eligibility } from '../programmes/templates.ts';
import type { JoinRole } from './schema.ts';

/**
 * A programme's eligibility rules applied to a request, when it is sent: facts, not sentences, so
 * that the verdict can be explained later in the reader's language (texts.ts) and kept as it was
 * even if the rules change.
 */
export const checkFacts = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('mentorMinYears'), ok: z.boolean(), years: z.number(), min: z.number() }),
  z.object({
    rule: z.literal('menteeInstalledMaxMonths'),
    ok: z.boolean(),
    /** Whole months since the installation; 0 while it is planned. */
    months: z.number(),
    max: z.number(),
    planned: z.boolean(),
    installedOn: z.string(),
  }),
]);
export type CheckFacts = z.infer<typeof checkFacts>;
export const eligibilityFacts = z.array(checkFacts);

/**
 * Checks a request against the rules, on `today` (the organisation's calendar day): a tutor needs
 * at least `mentorMinYears` years since the year they started practising; a tutee's installation
 * is planned, or happened less than `menteeInstalledMaxMonths` months ago (on the day the months
 * are up, it no longer fits). A rule that is null checks nothing; a missing answer fails its rule.
 */
export function checkEligibility(
  rules: Eligibility,
  req: { role: JoinRole; installedOn: string | null; practisingSince: number | null },
  today: string,
): { eligible: boolean; checks: CheckFacts[] } {
  const checks: CheckFacts[] = [];
  const day = DateTime.fromISO(today, { zone: 'utc' });
  if (req.role === 'tutor' && rules.mentorMinYears !== null) {
    const years = req.practisingSince === null ? 0 : Math.max(0, day.year - req.practisingSince);
    checks.push({
      rule: 'mentorMinYears',
      ok: years >= rules.mentorMinYears,
      years,
      min: rules.mentorMinYears,
    });
  }
  if (req.role === 'tutee' && rules.menteeInstalledMaxMonths !== null && req.installedOn) {
    const installed = DateTime.fromISO(req.installedOn, { zone: 'utc' });
    const planned = installed > day;
    const months = planned ? 0 : Math.floor(day.diff(installed, 'months').months);
    const ok = planned || installed.plus({ months: rules.menteeInstalledMaxMonths }) > day;
    checks.push({
      rule: 'menteeInstalledMaxMonths',
      ok,
      months,
      max: rules.menteeInstalledMaxMonths,
      planned,
      installedOn: req.installedOn,
    });
  }
  return { eligible: checks.every((c) => c.ok), checks };
}
