import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { purgeClosedConcerns } from '../difficulties/purge.ts';
import { retentionDefaults } from './schema.ts';
import { retentionOf } from './service.ts';

const DAY = 86_400_000;
const ENDED = ['completed', 'ended'];

/** What a purged report's content reads as: every field empty, so readers still get a valid report. */
export const PURGED_REPORT_CONTENT = JSON.stringify({
  place: '',
  themes: '',
  problems: '',
  conclusions: '',
  remarks: '',
  nextMeetingDate: null,
});

export interface Purged {
  audit: number;
  signIns: number;
  sessions: number;
  tokens: number;
  imports: number;
  reports: number;
  pairingReasons: number;
  /** Closed difficulties and consultations removed. */
  difficulties: number;
}

const count = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }[]) =>
  r.reduce((n, x) => n + Number(x.numDeletedRows ?? x.numUpdatedRows ?? 0), 0);

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
    difficulties: 0,
  };
  const orgs = await db.selectFrom('organisations').select('id').execute();
  const before = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  for (const org of orgs) {
    const r = await retentionOf(db, org.id);
    const members = db
      .selectFrom('org_members')
      .select('org_members.user_id')
      .where('org_members.org_id', '=', org.id);
    const memberEmails = db
      .selectFrom('org_members')
      .innerJoin('users', 'users.id', 'org_members.user_id')
      .select('users.email')
      .where('org_members.org_id', '=', org.id);

    const auditCut = before(r.auditDays);
    out.audit += count([
      await db
        .deleteFrom('audit_subjects')
        .where('org_id', '=', org.id)
        .where('at', '<', auditCut)
        .executeTakeFirst(),
      await db
        .deleteFrom('audit_log')
        .where('org_id', '=', org.id)
        .where('at', '<', auditCut)
        .executeTakeFirst(),
      // Entries of no organisation (sign-ins, password changes) follow their actor's organisations.
      await db
        .deleteFrom('audit_log')
        .where('org_id', 'is', null)
        .where('actor_id', 'in', members)
        .where('at', '<', auditCut)
        .executeTakeFirst(),
    ]);
    out.signIns += count([
      await db
        .deleteFrom('sign_in_attempts')
        .where('email', 'in', memberEmails)
        .where('at', '<', before(r.signInDays))
        .executeTakeFirst(),
    ]);
    const expiredCut = before(r.sessionDays);
    out.sessions += count([
      await db
        .deleteFrom('sessions')
        .where('user_id', 'in', members)
        .where('expires_at', '<', expiredCut)
        .executeTakeFirst(),
    ]);
    out.tokens += count([
      await db
        .deleteFrom('tokens')
        .where((eb) => eb.or([eb('org_id', '=', org.id), eb('user_id', 'in', members)]))
        .where('expires_at', '<', expiredCut)
        .executeTakeFirst(),
    ]);
    const importCut = before(r.importDays);
    out.imports += count([
      await db
        .deleteFrom('imports')
        .where('org_id', '=', org.id)
        .where('status', '=', 'preview')
        .where('created_at', '<', importCut)
        .executeTakeFirst(),
      // A committed import keeps its summary (who was added, invited); the uploaded rows go.
      await db
        .updateTable('imports')
        .set({ rows: '[]' })
        .where('org_id', '=', org.id)
        .where('status', '=', 'committed')
        .where('created_at', '<', importCut)
        .where('rows', '!=', '[]')
        .executeTakeFirst(),
    ]);
    const pairingCut = DateTime.fromJSDate(now, { zone: 'utc' })
      .minus({ months: r.pairingMonths })
      .toISO() as string;
    const purged = await purgeEndedPairings(db, org.id, pairingCut, now.toISOString());
    out.reports += purged.reports;
    out.pairingReasons += purged.reasons;
    const difficultyCut = DateTime.fromJSDate(now, { zone: 'utc' })
      .minus({ months: r.difficultyMonths })
      .toISO() as string;
    out.difficulties += await purgeClosedConcerns(db, org.id, difficultyCut);
  }

  // People who belong to no organisation: the defaults.
  const anyMember = db.selectFrom('org_members').select('org_members.user_id');
  const anyMemberEmail = db
    .selectFrom('org_members')
    .innerJoin('users', 'users.id', 'org_members.user_id')
    .select('users.email');
  out.audit += count([
    await db
      .deleteFrom('audit_log')
      .where('org_id', 'is', null)
      .where((eb) => eb.or([eb('actor_id', 'is', null), eb('actor_id', 'not in', anyMember)]))
      .where('at', '<', before(retentionDefaults.auditDays))
      .executeTakeFirst(),
  ]);
  out.signIns += count([
    await db
      .deleteFrom('sign_in_attempts')
      .where('email', 'not in', anyMemberEmail)
      .where('at', '<', before(retentionDefaults.signInDays))
      .executeTakeFirst(),
  ]);
  const defaultExpiredCut = before(retentionDefaults.sessionDays);
  out.sessions += count([
    await db
      .deleteFrom('sessions')
      .where('user_id', 'not in', anyMember)
      .where('expires_at', '<', defaultExpiredCut)
      .executeTakeFirst(),
  ]);
  out.tokens += count([
    await db
      .deleteFrom('tokens')
      .where('org_id', 'is', null)
      .where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', 'not in', anyMember)]))
      .where('expires_at', '<', defaultExpiredCut)
      .executeTakeFirst(),
  ]);
  return out;
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
    .where('pairings.state', 'in', ENDED)
    .where('pairings.ended_at', '<', cut);
  const reasons = await db
    .updateTable('pairing_events')
    .set({ reason: null })
    .where('pairing_id', 'in', expired)
    .where('reason', 'is not', null)
    .executeTakeFirst();
  const reports = await db
    .updateTable('meeting_reports')
    .set({ content: PURGED_REPORT_CONTENT, content_purged_at: now })
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
                  ? w.and([w('pr.state', 'in', ENDED), w('pr.ended_at', '<', cut)])
                  : w.or([
                      w('pr.state', 'not in', ENDED),
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
