import { type Kysely, sql } from 'kysely';
import { v7 as newId } from 'uuid';
import { templates } from '../../modules/programmes/templates.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Follow-up reads one source of truth: meetings held and their reports come from the meetings
 * tables, calls, messages and unanswered attempts from the contact log. The contact log gains
 * `answered` (0 for an attempt nobody answered), the follow-up ledger's rows move into the
 * meetings tables and the contact log, and the ledger is dropped. Programme rules gain their alert
 * thresholds, from each programme's template.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('contact_logs')
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The dashboard and the sweep join meetings and contacts to pairings by (programme, tutee), and
  // keep those that were live at the time: all read from the index.
  await db.schema
    .createIndex('pairings_programme_tutee')
    .on('pairings')
    .columns(['programme_id', 'tutee_user_id', 'state', 'created_at', 'ended_at', 'id'])
    .execute();
  // Covering indexes: meetings held in a programme, then who attended, read from indexes alone.
  await db.schema
    .createIndex('meetings_programme_status')
    .on('meetings')
    .columns(['programme_id', 'status', 'starts_at', 'id'])
    .execute();
  await db.schema
    .createIndex('meeting_participants_attendance')
    .on('meeting_participants')
    .columns(['meeting_id', 'user_id', 'attendance'])
    .execute();
  // And per pair: the tutee's participations, the tutee's answered contacts, latest last.
  await db.schema
    .createIndex('meeting_participants_user_attendance')
    .on('meeting_participants')
    .columns(['user_id', 'meeting_id', 'attendance'])
    .execute();
  await db.schema
    .createIndex('meetings_held_by_id')
    .on('meetings')
    .columns(['id', 'programme_id', 'status', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('contact_logs_answered')
    .on('contact_logs')
    .columns(['programme_id', 'tutee_id', 'answered', 'happened_at'])
    .execute();

  await moveLedger(db);
  await db.schema.dropTable('followup_activity').execute();

  const programmes = await db.selectFrom('programmes').select(['id', 'template', 'rules']).execute();
  for (const p of programmes) {
    const rules = JSON.parse(p.rules as string) as Record<string, unknown>;
    if (rules.alerts) continue;
    const template = templates[p.template as keyof typeof templates] ?? templates['des-tutoring'];
    rules.alerts = template.rules.alerts;
    await db
      .updateTable('programmes')
      .set({ rules: JSON.stringify(rules) })
      .where('id', '=', p.id)
      .execute();
  }
}

const EMPTY_REPORT = JSON.stringify({
  place: '',
  themes: '',
  problems: '',
  conclusions: '',
  remarks: '',
  nextMeetingDate: null,
});

/**
 * Ledger meetings become confirmed meetings organised by the tutor (one per group and time for
 * group programmes, every tutee present), ledger reports become filed reports without content,
 * ledger contacts and attempts become contact-log entries.
 */
async function moveLedger(db: Db) {
  const rows = (await db
    .selectFrom('followup_activity as a')
    .innerJoin('pairings as p', 'p.id', 'a.pairing_id')
    .select([
      'a.id',
      'a.org_id',
      'a.programme_id',
      'a.kind',
      'a.channel',
      'a.at',
      'a.meeting_ref',
      'a.created_by',
      'a.created_at',
      'p.id as pairing_id',
      'p.group_key',
      'p.tutor_user_id',
      'p.tutee_user_id',
    ])
    .orderBy('a.at')
    .execute()) as {
    id: string;
    org_id: string;
    programme_id: string;
    kind: string;
    channel: string | null;
    at: string;
    meeting_ref: string | null;
    created_by: string | null;
    created_at: string;
    pairing_id: string;
    group_key: string | null;
    tutor_user_id: string;
    tutee_user_id: string;
  }[];
  if (rows.length === 0) return;

  const meetingOf = new Map<string, string>(); // ledger meeting id → meetings.id
  const byOccasion = new Map<string, { id: string; people: Set<string> }>();
  for (const r of rows.filter((x) => x.kind === 'meeting')) {
    const occasion = `${r.programme_id}|${r.group_key ?? r.pairing_id}|${r.at}`;
    let m = byOccasion.get(occasion);
    if (!m) {
      m = { id: newId(), people: new Set() };
      byOccasion.set(occasion, m);
      const mode = r.channel === 'video' ? 'video' : r.channel === 'phone' ? 'phone' : 'in-person';
      await db
        .insertInto('meetings')
        .values({
          id: m.id,
          org_id: r.org_id,
          programme_id: r.programme_id,
          organiser_id: r.tutor_user_id,
          title: 'Rencontre',
          mode,
          place: null,
          video_url: null,
          guide_id: null,
          duration_minutes: 60,
          status: 'confirmed',
          starts_at: r.at,
          ends_at: new Date(Date.parse(r.at) + 3_600_000).toISOString(),
          ical_uid: `${m.id}@compagnon`,
          sequence: 0,
          poll_expires_at: null,
          reminded_at: r.at,
          created_at: r.created_at,
          updated_at: r.created_at,
        })
        .execute();
    }
    meetingOf.set(r.id, m.id);
    for (const [user, required] of [
      [r.tutor_user_id, 1],
      [r.tutee_user_id, 0],
    ] as const) {
      if (m.people.has(user)) continue;
      m.people.add(user);
      await db
        .insertInto('meeting_participants')
        .values({
          id: newId(),
          meeting_id: m.id,
          user_id: user,
          required,
          poll_token_hash: null,
          answered_at: null,
          poll_reminded_at: null,
          attendance: 'present',
        })
        .execute();
    }
  }
  const reported = new Set<string>();
  for (const r of rows.filter((x) => x.kind === 'report' && x.meeting_ref)) {
    const meetingId = meetingOf.get(r.meeting_ref as string);
    if (!meetingId || reported.has(meetingId)) continue;
    reported.add(meetingId);
    await db
      .insertInto('meeting_reports')
      .values({
        meeting_id: meetingId,
        author_id: r.created_by ?? r.tutor_user_id,
        status: 'filed',
        duration_minutes: null,
        content: EMPTY_REPORT,
        updated_at: r.at,
        filed_at: r.at,
      })
      .execute();
  }
  const contacts = new Set<string>();
  for (const r of rows.filter((x) => x.kind === 'contact' || x.kind === 'attempt')) {
    // Group programmes logged one row per member of the group; the contact log has one per tutee.
    const key = `${r.programme_id}|${r.tutee_user_id}|${r.at}|${r.kind}`;
    if (contacts.has(key)) continue;
    contacts.add(key);
    await db
      .insertInto('contact_logs')
      .values({
        id: newId(),
        org_id: r.org_id,
        programme_id: r.programme_id,
        author_id: r.created_by ?? r.tutor_user_id,
        tutee_id: r.tutee_user_id,
        channel: r.channel === 'phone' || !r.channel ? 'call' : r.channel,
        happened_at: r.at,
        created_at: r.created_at,
        answered: r.kind === 'attempt' ? 0 : 1,
      })
      .execute();
  }
}

export async function down(db: Db): Promise<void> {
  await db.schema
    .createTable('followup_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.notNull())
    .addColumn('pairing_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('meeting_ref', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.dropIndex('contact_logs_answered').execute();
  await db.schema.dropIndex('meetings_held_by_id').execute();
  await db.schema.dropIndex('meeting_participants_user_attendance').execute();
  await db.schema.dropIndex('meeting_participants_attendance').execute();
  await db.schema.dropIndex('meetings_programme_status').execute();
  await db.schema.dropIndex('pairings_programme_tutee').execute();
  await sql`alter table contact_logs drop column answered`.execute(db);
}
