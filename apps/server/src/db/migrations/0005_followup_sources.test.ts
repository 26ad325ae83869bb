import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { openSqlite } from '../sqlite.ts';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_matching.ts';
import * as m0003 from './0003_meetings.ts';
import * as m0004 from './0004_followup.ts';
import * as m0005 from './0005_followup_sources.ts';

test('the follow-up ledger moves into the meetings tables and the contact log, and rules gain thresholds', async () => {
  // biome-ignore lint/suspicious/noExplicitAny: the schema before 0005 is not the one types.ts describes
  const db: Kysely<any> = new Kysely({
    dialect: new SqliteDialect({ database: openSqlite(':memory:').database }),
  });
  for (const m of [m0001, m0002, m0003, m0004]) await m.up(db);
  const at = '2026-03-02T09:00:00.000Z';
  await db
    .insertInto('organisations')
    .values({
      id: 'o',
      name: 'DMG',
      slug: 'dmg',
      kind: 'university-department',
      time_zone: 'Europe/Paris',
      locale: 'fr',
      is_demo: 0,
      created_at: at,
    })
    .execute();
  const { alerts: _, ...oldRules } = (await import('../../modules/programmes/templates.ts')).templates[
    'peer-tutoring'
  ].rules;
  await db
    .insertInto('programmes')
    .values({
      id: 'p',
      org_id: 'o',
      name: 'Pairs',
      template: 'peer-tutoring',
      rules: JSON.stringify(oldRules),
      created_at: at,
    })
    .execute();
  for (const u of ['tutor', 'a', 'b']) {
    await db
      .insertInto('users')
      .values({ id: u, email: `${u}@x.test`, name: u, locale: 'fr', is_demo: 0, created_at: at })
      .execute();
  }
  for (const t of ['a', 'b']) {
    await db
      .insertInto('pairings')
      .values({
        id: `pair-${t}`,
        org_id: 'o',
        programme_id: 'p',
        tutor_user_id: 'tutor',
        tutee_user_id: t,
        group_key: 'g1',
        state: 'active',
        created_at: at,
      })
      .execute();
  }
  const row = (
    id: string,
    pairing: string,
    kind: string,
    channel: string | null,
    when: string,
    ref: string | null = null,
  ) => ({
    id,
    org_id: 'o',
    programme_id: 'p',
    pairing_id: pairing,
    kind,
    channel,
    at: when,
    meeting_ref: ref,
    created_by: 'tutor',
    created_at: when,
  });
  const met = '2026-04-01T17:00:00.000Z';
  await db
    .insertInto('followup_activity')
    .values([
      // A group meeting was logged once per member of the group.
      row('m-a', 'pair-a', 'meeting', 'video', met),
      row('m-b', 'pair-b', 'meeting', 'video', met),
      row('r-a', 'pair-a', 'report', null, '2026-04-02T08:00:00.000Z', 'm-a'),
      row('c-a', 'pair-a', 'contact', 'phone', '2026-04-10T08:00:00.000Z'),
      row('t-b', 'pair-b', 'attempt', 'email', '2026-04-11T08:00:00.000Z'),
    ])
    .execute();

  await m0005.up(db);

  const meetings = await db
    .selectFrom('meetings')
    .select(['status', 'mode', 'starts_at', 'organiser_id'])
    .execute();
  assert.deepEqual(
    meetings,
    [{ status: 'confirmed', mode: 'video', starts_at: met, organiser_id: 'tutor' }],
    'one group meeting',
  );
  const people = await db
    .selectFrom('meeting_participants')
    .select(['user_id', 'attendance'])
    .orderBy('user_id')
    .execute();
  assert.deepEqual(people, [
    { user_id: 'a', attendance: 'present' },
    { user_id: 'b', attendance: 'present' },
    { user_id: 'tutor', attendance: 'present' },
  ]);
  const reports = await db.selectFrom('meeting_reports').select(['status', 'filed_at']).execute();
  assert.deepEqual(reports, [{ status: 'filed', filed_at: '2026-04-02T08:00:00.000Z' }]);
  const contacts = await db
    .selectFrom('contact_logs')
    .select(['tutee_id', 'channel', 'answered'])
    .orderBy('happened_at')
    .execute();
  assert.deepEqual(contacts, [
    { tutee_id: 'a', channel: 'call', answered: 1 },
    { tutee_id: 'b', channel: 'email', answered: 0 },
  ]);
  const tables = (await db.introspection.getTables()).map((t) => t.name);
  assert.ok(!tables.includes('followup_activity'), 'the ledger is gone');
  const rules = JSON.parse(
    (await db.selectFrom('programmes').select('rules').executeTakeFirstOrThrow()).rules,
  );
  assert.equal(rules.alerts.firstMeetingWeeks, 4, 'the peer-tutoring template’s thresholds');
  assert.equal((await sql<{ n: number }>`select count(*) as n from contact_logs`.execute(db)).rows[0]?.n, 2);
  await db.destroy();
});
