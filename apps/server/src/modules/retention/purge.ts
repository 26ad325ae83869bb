import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';
import { ENDED_PAIRING_STATES } from '../../domain/pairings.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { purgeClosedConcerns } from '../difficulties/purge.ts';
import { purgeTutorFeedbackAsks } from '../feedback/rights.ts';
import { reportContent } from '../meetings/schema.ts';
import { purgeLeftResidents } from '../portfolio/rights.ts';
import { purgeRequests } from '../requests/rights.ts';
import { CONFIRM_DAYS } from '../requests/schema.ts';
import { purgeReviews } from '../reviews/rights.ts';
import { purgeEndedThreads } from '../threads/rights.ts';
import { purgeCheckins } from '../wellbeing/rights.ts';
import { type Retention, retentionDefaults } from './schema.ts';
import { retentionOf } from './service.ts';

const DAY = 86_400_000;

/**
 * What an emptied report's content reads as — past retention, or about an erased person: every
 * field empty, so readers still get a valid report.
 */
export const EMPTY_REPORT_CONTENT = JSON.stringify(reportContent.parse({}));

export interface Purged {
  audit: number;
  signIns: number;
  sessions: number;
  tokens: number;
  imports: number;
  reports: number;
  pairingReasons: number;
  /** Messages of ended pairs' threads removed. */
  pairMessages: number;
  checkins: number;
  /** Closed difficulties and consultations removed. */
  difficulties: number;
  /** Portfolio rows of residents who left a programme longer ago than ended pairs are kept. */
  portfolio: number;
  /** End reviews of pairs ended past the period, kept as anonymous scales; questionnaire asks removed. */
  endReviews: number;
  /** Requests to join past their period (requests/rights.ts). */
  joinRequests: number;
  /** Asks of tutees about their tutor older than ended pairs are kept (feedback/rights.ts). */
  tutorFeedbackAsks: number;
}

type Before = (days: number) => string;

/**
 * Removes what each organisation's retention periods no longer allow, as of `now`.
 *
 * Records of an organisation (audit entries, import previews, ended pairings' records) follow its
 * own periods. A person's sign-in attempts, sessions and links belong to no one organisation: each
 * organisation's pass removes those of its members past its period, so a person in several
 * organisations is kept to the shortest (data minimisation), and people in none — attempts on
 * unknown e-mails, sign-ins before any membership — to the defaults. Running it twice removes
 * nothing more.
 */
export async function purgeExpired(db: Db, now: Date): Promise<Purged> {
  const out: Purged = {
    audit: 0,
    signIns: 0,
    sessions: 0,
    tokens: 0,
    imports: 0,
    reports: 0,
    pairingReasons: 0,
    pairMessages: 0,
    checkins: 0,
    difficulties: 0,
    portfolio: 0,
    endReviews: 0,
    joinRequests: 0,
    tutorFeedbackAsks: 0,
  };
  const add = (counts: Partial<Purged>) => {
    for (const [key, n] of Object.entries(counts)) out[key as keyof Purged] += n;
  };
  const orgs = await db.selectFrom('organisations').select('id').execute();
  const before: Before = (days) => new Date(now.getTime() - days * DAY).toISOString();
  for (const org of orgs) {
    const r = await retentionOf(db, org.id);
    add(await purgeMembersRecords(db, org.id, r, before));
    add({ imports: await purgeImports(db, org.id, before(r.importDays)) });
    const pairingCut = DateTime.fromJSDate(now, { zone: 'utc' })
      .minus({ months: r.pairingMonths })
      .toISO() as string;
    const purged = await purgeEndedPairings(db, org.id, pairingCut, now.toISOString());
    add({ reports: purged.reports, pairingReasons: purged.reasons });
    add({ pairMessages: await purgeEndedThreads(db, org.id, pairingCut) });
    add({ portfolio: await purgeLeftResidents(db, org.id, pairingCut) });
    add({ endReviews: await purgeReviews(db, org.id, pairingCut, now) });
    add({ tutorFeedbackAsks: await purgeTutorFeedbackAsks(db, org.id, pairingCut) });
    add({ checkins: await purgeCheckins(db, org.id, r.checkinMonths, now) });
    const difficultyCut = DateTime.fromJSDate(now, { zone: 'utc' })
      .minus({ months: r.difficultyMonths })
      .toISO() as string;
    add({ difficulties: await purgeClosedConcerns(db, org.id, difficultyCut) });
    const requestCut = DateTime.fromJSDate(now, { zone: 'utc' })
      .minus({ months: r.joinRequestMonths })
      .toISO() as string;
    add({
      joinRequests: await purgeRequests(db, org.id, {
        ended: requestCut,
        unconfirmed: before(CONFIRM_DAYS + r.sessionDays),
        leftMembers: pairingCut,
      }),
    });
  }
  add(await purgeUnaffiliated(db, before));
  return out;
}

/**
 * An organisation's audit entries past its period, and its members' entries of no organisation
 * (sign-ins, password changes), sign-in attempts, expired sessions and links.
 */
async function purgeMembersRecords(db: Db, orgId: string, r: Retention, before: Before) {
  const members = db
    .selectFrom('org_members')
    .select('org_members.user_id')
    .where('org_members.org_id', '=', orgId);
  const memberEmails = db
    .selectFrom('org_members')
    .innerJoin('users', 'users.id', 'org_members.user_id')
    .select('users.email')
    .where('org_members.org_id', '=', orgId);
  const auditCut = before(r.auditDays);
  const expiredCut = before(r.sessionDays);
  return {
    audit: rowsTouched([
      await db
        .deleteFrom('audit_subjects')
        .where('org_id', '=', orgId)
        .where('at', '<', auditCut)
        .executeTakeFirst(),
      await db
        .deleteFrom('audit_log')
        .where('org_id', '=', orgId)
        .where('at', '<', auditCut)
        .executeTakeFirst(),
      await db
        .deleteFrom('audit_log')
        .where('org_id', 'is', null)
        .where('actor_id', 'in', members)
        .where('at', '<', auditCut)
        .executeTakeFirst(),
    ]),
    signIns: rowsTouched([
      await db
        .deleteFrom('sign_in_attempts')
        .where('email', 'in', memberEmails)
        .where('at', '<', before(r.signInDays))
        .executeTakeFirst(),
    ]),
    sessions: rowsTouched([
      await db
        .deleteFrom('sessions')
        .where('user_id', 'in', members)
        .where('expires_at', '<', expiredCut)
        .executeTakeFirst(),
    ]),
    tokens: rowsTouched([
      await db
        .deleteFrom('tokens')
        .where((eb) => eb.or([eb('org_id', '=', orgId), eb('user_id', 'in', members)]))
        .where('expires_at', '<', expiredCut)
        .executeTakeFirst(),
    ]),
  };
}

/** Import previews past the period go; a committed import keeps its summary (who was added, invited), not the uploaded rows. */
async function purgeImports(db: Db, orgId: string, cut: string): Promise<number> {
  return rowsTouched([
    await db
      .deleteFrom('imports')
      .where('org_id', '=', orgId)
      .where('status', '=', 'preview')
      .where('created_at', '<', cut)
      .executeTakeFirst(),
    await db
      .updateTable('imports')
      .set({ rows: '[]' })
      .where('org_id', '=', orgId)
      .where('status', '=', 'committed')
      .where('created_at', '<', cut)
      .where('rows', '!=', '[]')
      .executeTakeFirst(),
  ]);
}

/** The same records of people who belong to no organisation, past the default periods. */
async function purgeUnaffiliated(db: Db, before: Before) {
  const anyMember = db.selectFrom('org_members').select('org_members.user_id');
  const anyMemberEmail = db
    .selectFrom('org_members')
    .innerJoin('users', 'users.id', 'org_members.user_id')
    .select('users.email');
  const expiredCut = before(retentionDefaults.sessionDays);
  return {
    audit: rowsTouched([
      await db
        .deleteFrom('audit_log')
        .where('org_id', 'is', null)
        .where((eb) => eb.or([eb('actor_id', 'is', null), eb('actor_id', 'not in', anyMember)]))
        .where('at', '<', before(retentionDefaults.auditDays))
        .executeTakeFirst(),
    ]),
    signIns: rowsTouched([
      await db
        .deleteFrom('sign_in_attempts')
        .where('email', 'not in', anyMemberEmail)
        .where('at', '<', before(retentionDefaults.signInDays))
        .executeTakeFirst(),
    ]),
    sessions: rowsTouched([
      await db
        .deleteFrom('sessions')
        .where('user_id', 'not in', anyMember)
        .where('expires_at', '<', expiredCut)
        .executeTakeFirst(),
    ]),
    tokens: rowsTouched([
      await db
        .deleteFrom('tokens')
        .where('org_id', 'is', null)
        .where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', 'not in', anyMember)]))
        .where('expires_at', '<', expiredCut)
        .executeTakeFirst(),
    ]),
  };
}

/**
 * Erases the content of an ended pairing's records once it ended before `cut`: its meeting
 * reports' content (the tutor's meetings with that tutee before the end) and the free-text reasons
 * of its history. A meeting that also counts for a pairing still live, or ended after `cut`, keeps
 * its report. What the figures are made of — meetings, report dates, durations, contacts — stays.
 */
async function purgeEndedPairings(db: Db, orgId: string, cut: string, now: string) {
  const expired = db
    .selectFrom('pairings')
    .select('pairings.id')
    .where('pairings.org_id', '=', orgId)
    .where('pairings.state', 'in', ENDED_PAIRING_STATES)
    .where('pairings.ended_at', '<', cut);
  const reasons = await db
    .updateTable('pairing_events')
    .set({ reason: null })
    .where('pairing_id', 'in', expired)
    .where('reason', 'is not', null)
    .executeTakeFirst();
  const reports = await db
    .updateTable('meeting_reports')
    .set({ content: EMPTY_REPORT_CONTENT, content_purged_at: now })
    .where('content_purged_at', 'is', null)
    .where('meeting_id', 'in', (eb) =>
      eb
        .selectFrom('meetings as m')
        .select('m.id')
        .where('m.org_id', '=', orgId)
        .where('m.starts_at', '<', cut)
        .where(({ exists, not, selectFrom }) => {
          const pairOf = (ended: boolean) =>
            selectFrom('pairings as pr')
              .innerJoin('meeting_participants as mp', 'mp.user_id', 'pr.tutee_user_id')
              .select('pr.id')
              .whereRef('mp.meeting_id', '=', 'm.id')
              .whereRef('pr.tutor_user_id', '=', 'm.organiser_id')
              .whereRef('pr.programme_id', '=', 'm.programme_id')
              .where((w) =>
                ended
                  ? w.and([w('pr.state', 'in', ENDED_PAIRING_STATES), w('pr.ended_at', '<', cut)])
                  : w.or([
                      w('pr.state', 'not in', ENDED_PAIRING_STATES),
                      w('pr.ended_at', 'is', null),
                      w('pr.ended_at', '>=', cut),
                    ]),
              );
          return exists(pairOf(true)).and(not(exists(pairOf(false))));
        }),
    )
    .executeTakeFirst();
  return { reports: Number(reports.numUpdatedRows), reasons: Number(reasons.numUpdatedRows) };
}

/** The daily sweep of jobs/index.ts. */
export const retentionSweep = defineJob('retention.sweep', noPayload, async ({ ctx, now }) => {
  await purgeExpired(ctx.db, now);
});
