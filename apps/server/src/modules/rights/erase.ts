import { sql } from 'kysely';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { eraseAbsences } from '../absences/rights.ts';
import { eraseSignatureNames } from '../agreements/rights.ts';
import { eraseAnnouncementReplies } from '../announcements/rights.ts';
import { eraseCoaching } from '../coaching/rights.ts';
import { eraseFeedback } from '../feedback/rights.ts';
import { eraseGuideSuggestions } from '../guides/rights.ts';
import { eraseNetworkData } from '../networks/rights.ts';
import { erasePortfolio } from '../portfolio/rights.ts';
import { eraseRequests } from '../requests/rights.ts';
import { EMPTY_REPORT_CONTENT } from '../retention/purge.ts';
import { eraseReviews } from '../reviews/rights.ts';
import { eraseTeamWork } from '../teams/rights.ts';
import { eraseThreadMessages } from '../threads/rights.ts';
import { eraseTraining } from '../training/rights.ts';
import { eraseCheckins } from '../wellbeing/rights.ts';
import { eraseFromDifficulties } from './erase-difficulties.ts';

/** What an erased person is called wherever their name stood. */
export const ERASED_NAME = 'Personne supprimée';
/** A unique address nobody can receive mail at (.invalid is reserved, RFC 2606). */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;
const ERASED_PHONE = '—';

/** The person's own records, deleted whole (each has their id in `user_id`). */
const OWN_TABLES = [
  'org_members',
  'placements',
  'availability_rules',
  'calendar_sources',
  'calendar_feeds',
  'sessions',
  'notifications',
  'digest_items',
  'notification_prefs',
  'matching_choices',
  'phone_choices',
] as const;
/** Tables the generic pass never rewrites: the migrator's own bookkeeping. */
const SKIP_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/** The one column allowed to keep the address, until the e-mail saying the erasure is done leaves. */
const KEEP = new Set(['erasure_requests.notify_email']);

/** The ways a phone number is written in free text: E.164, national digits, grouped by two. */
export function phoneForms(phone: string | null): string[] {
  if (!phone) return [];
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed) return [phone];
  const national = parsed.formatNational(); // "06 11 22 33 44" for France
  const digits = national.replace(/\D/g, '');
  return [...new Set([parsed.number, national, digits, national.replace(/ /g, '.')])];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Removes or anonymises a person everywhere, inside the caller's transaction. What stays is what the
 * organisation counts: the account row (its id, with no name, address or phone), memberships
 * (ended), pairings (ended when live, no explanation or reason), meetings with their attendance and
 * the reports' dates and durations (no free text about the person), contact log entries, audit
 * entries (actor and subject point at the anonymised id). Their own records — profiles,
 * placements, availability, calendars, feed, sessions, links, notifications, preferences, rankings
 * — are deleted; difficulties and consultations as erase-difficulties.ts says, what they wrote in
 * pair threads emptied (threads/rights.ts), their portfolio deleted and their reviews of others'
 * kept without their authorship (portfolio/rights.ts), their end reviews kept as anonymous scales
 * (reviews/rights.ts), what they wrote in requests to join taken off (requests/rights.ts), the names
 * they typed to sign a charter replaced (agreements/rights.ts), their replies to announcements
 * emptied (announcements/rights.ts) and their guide suggestions taken off (guides/rights.ts). Last, every text
 * column of every table is searched for their name, address and phone, which are replaced wherever
 * someone else wrote them. Returns the number of rows touched.
 */
export async function erasePerson(trx: Db, userId: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const user = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'phone'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  let rows = await deleteOwnRecords(trx, user);
  rows += await endMembershipsAndPairings(trx, userId, at);
  rows += await clearFreeTextAbout(trx, userId);
  rows += await eraseFromDifficulties(trx, userId, at);
  rows += await eraseThreadMessages(trx, userId, at);
  rows += await eraseTeamWork(trx, userId, at);
  rows += await erasePortfolio(trx, userId, ERASED_NAME);
  rows += await eraseReviews(trx, userId, at);
  rows += await eraseFeedback(trx, userId);
  rows += await eraseRequests(trx, user, { name: ERASED_NAME, email: erasedEmail(userId) });
  rows += await eraseSignatureNames(trx, userId, ERASED_NAME);
  rows += await eraseAnnouncementReplies(trx, userId, at);
  rows += await eraseGuideSuggestions(trx, userId);
  rows += await eraseTraining(trx, userId);
  rows += await eraseAbsences(trx, userId);
  rows += await eraseCoaching(trx, userId, at);
  rows += await eraseNetworkData(trx, userId, at);
  rows += rowsTouched(
    await trx
      .updateTable('users')
      .set({
        name: ERASED_NAME,
        email: erasedEmail(userId),
        phone: null,
        password_hash: null,
        last_sign_in_at: null,
        password_change_required: 0,
        disabled_at: at,
        erased_at: at,
      })
      .where('id', '=', userId)
      .execute(),
  );
  const needles: [string, string][] = [
    ...(user.name.trim().length >= 3 ? [[user.name.trim(), ERASED_NAME] as [string, string]] : []),
    [user.email, erasedEmail(userId)],
    ...phoneForms(user.phone).map((p) => [p, ERASED_PHONE] as [string, string]),
  ];
  rows += await replaceEverywhere(trx, needles);
  return rows;
}

/** The person's own records, and the messages still waiting for them (they would go nowhere). */
async function deleteOwnRecords(trx: Db, user: { id: string; email: string }): Promise<number> {
  let rows = 0;
  for (const table of OWN_TABLES) {
    rows += rowsTouched(await trx.deleteFrom(table).where('user_id', '=', user.id).execute());
  }
  rows += rowsTouched(await eraseCheckins(trx, user.id));
  const email = user.email.toLowerCase();
  return (
    rows +
    rowsTouched([
      ...(await trx
        .deleteFrom('tokens')
        .where((eb) => eb.or([eb('user_id', '=', user.id), eb(eb.fn('lower', ['email']), '=', email)]))
        .execute()),
      ...(await trx.deleteFrom('sign_in_attempts').where(sql<string>`lower(email)`, '=', email).execute()),
      ...(await trx
        .deleteFrom('matching_constraints')
        .where((eb) => eb.or([eb('tutor_user_id', '=', user.id), eb('tutee_user_id', '=', user.id)]))
        .execute()),
      ...(await trx
        .deleteFrom('jobs')
        .where('status', '=', 'pending')
        .where('payload', 'like', `%"userId":"${escapeLike(user.id)}"%`)
        .execute()),
    ])
  );
}

/** Memberships ended, pairings ended when live, without their explanation, reasons or notes. */
async function endMembershipsAndPairings(trx: Db, userId: string, at: string): Promise<number> {
  let rows = rowsTouched(
    await trx
      .updateTable('memberships')
      .set({ ended_at: at })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .execute(),
  );
  const pairingIds = (
    await trx
      .selectFrom('pairings')
      .select('id')
      .where((eb) => eb.or([eb('tutor_user_id', '=', userId), eb('tutee_user_id', '=', userId)]))
      .execute()
  ).map((p) => p.id);
  if (pairingIds.length === 0) return rows;
  rows += rowsTouched([
    ...(await trx
      .updateTable('pairings')
      .set({ state: 'ended', ended_at: at })
      .where('id', 'in', pairingIds)
      .where('state', 'in', [...LIVE_PAIRING_STATES, 'proposed'])
      .execute()),
    ...(await trx
      .updateTable('pairings')
      .set({ explanation: null, end_reason: null })
      .where('id', 'in', pairingIds)
      .execute()),
    ...(await trx
      .updateTable('pairing_events')
      .set({ reason: null })
      .where('pairing_id', 'in', pairingIds)
      .execute()),
    ...(await trx
      .updateTable('followup_alerts')
      .set({ close_note: null })
      .where('pairing_id', 'in', pairingIds)
      .execute()),
  ]);
  return rows;
}

/**
 * Meetings keep their attendance, reports their date, status and duration. A report's free text
 * goes when they wrote it, or when it is about them alone (a meeting of two); in a group's report
 * only their name is replaced (by the pass over every text column). Their poll links, the video
 * links of meetings they organised, their addresses in the audit log and the reasons given on their
 * erasure request go too.
 */
async function clearFreeTextAbout(trx: Db, userId: string): Promise<number> {
  const meetingsOfTwo = trx
    .selectFrom('meeting_participants as mine')
    .select('mine.meeting_id')
    .where('mine.user_id', '=', userId)
    .where(
      (eb) =>
        eb
          .selectFrom('meeting_participants as all')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('all.meeting_id', '=', 'mine.meeting_id'),
      '<=',
      2,
    );
  const requestIds = trx.selectFrom('erasure_requests').select('id').where('user_id', '=', userId);
  return rowsTouched([
    ...(await trx
      .updateTable('meeting_participants')
      .set({ poll_token_hash: null })
      .where('user_id', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('meetings')
      .set({ video_url: null })
      .where('organiser_id', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('meeting_reports')
      .set({ content: EMPTY_REPORT_CONTENT })
      .where((eb) => eb.or([eb('author_id', '=', userId), eb('meeting_id', 'in', meetingsOfTwo)]))
      .execute()),
    ...(await trx.updateTable('audit_log').set({ ip: null }).where('actor_id', '=', userId).execute()),
    ...(await trx
      .updateTable('erasure_approvals')
      .set({ reason: null })
      .where('request_id', 'in', requestIds)
      .execute()),
  ]);
}

/**
 * Replaces each needle (any case) in every text column of every table, listed from the database
 * itself, so a table added later is covered without anyone remembering to add it here. One read per
 * table (its text columns together), then one update per distinct value found.
 */
async function replaceEverywhere(trx: Db, needles: [string, string][]): Promise<number> {
  const tables = (await trx.introspection.getTables()).filter((t) => !SKIP_TABLES.has(t.name));
  const patterns = needles.flatMap(([n]) => [`%${escapeLike(n)}%`, `%${escapeLike(n.toLowerCase())}%`]);
  let changed = 0;
  for (const t of tables) {
    const columns = t.columns
      .filter((c) => /text|char/i.test(c.dataType) && !KEEP.has(`${t.name}.${c.name}`))
      .map((c) => c.name);
    if (columns.length === 0) continue;
    const hits = sql.join(
      columns.flatMap((c) =>
        patterns.flatMap((p) => [
          sql`${sql.ref(c)} like ${p} escape '\\'`,
          sql`lower(${sql.ref(c)}) like ${p} escape '\\'`,
        ]),
      ),
      sql` or `,
    );
    const found = await sql<
      Record<string, string | null>
    >`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(t.name)} where ${hits}`.execute(
      trx,
    );
    const values = new Map<string, Set<string>>();
    for (const row of found.rows) {
      for (const c of columns) {
        const v = row[c];
        if (typeof v === 'string') values.set(c, (values.get(c) ?? new Set()).add(v));
      }
    }
    for (const [c, set] of values) {
      for (const v of set) {
        let next = v;
        for (const [needle, replacement] of needles) {
          next = next.replace(new RegExp(escapeRegExp(needle), 'giu'), replacement);
        }
        if (next === v) continue;
        const r =
          await sql`update ${sql.table(t.name)} set ${sql.ref(c)} = ${next} where ${sql.ref(c)} = ${v}`.execute(
            trx,
          );
        changed += Number(r.numAffectedRows ?? 0);
      }
    }
  }
  return changed;
}
