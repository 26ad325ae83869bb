import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kysely, SqliteDialect } from 'kysely';
import { templates } from '../../modules/programmes/templates.ts';
import { openSqlite } from '../sqlite.ts';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_matching.ts';
import * as m0003 from './0003_meetings.ts';
import * as m0004 from './0004_followup.ts';
import * as m0005 from './0005_followup_sources.ts';
import * as m0006 from './0006_first_run.ts';
import * as m0007 from './0007_unsubscribe_hashed.ts';
import * as m0008 from './0008_report_visibility_web_links.ts';

test('reports written before keep the rule of their programme at that moment; stored video links are web addresses only', async () => {
  // biome-ignore lint/suspicious/noExplicitAny: the schema before 0008 is not the one types.ts describes
  const db: Kysely<any> = new Kysely({
    dialect: new SqliteDialect({ database: openSqlite(':memory:').database }),
  });
  for (const m of [m0001, m0002, m0003, m0004, m0005, m0006, m0007]) await m.up(db);
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
      created_at: at,
    })
    .execute();
  await db
    .insertInto('users')
    .values({ id: 'tutor', email: 't@x.test', name: 'T', locale: 'fr', created_at: at })
    .execute();
  for (const template of ['des-tutoring', 'peer-tutoring'] as const) {
    await db
      .insertInto('programmes')
      .values({
        id: template,
        org_id: 'o',
        name: template,
        template,
        rules: JSON.stringify(templates[template].rules),
        created_at: at,
      })
      .execute();
    await db
      .insertInto('meetings')
      .values({
        id: `m-${template}`,
        org_id: 'o',
        programme_id: template,
        organiser_id: 'tutor',
        title: 'Rencontre',
        mode: 'in-person',
        duration_minutes: 60,
        status: 'confirmed',
        starts_at: at,
        ends_at: at,
        ical_uid: `uid-${template}`,
        video_url:
          template === 'des-tutoring' ? 'javascript:alert(document.cookie)' : 'https://visio.example.org/a',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('meeting_reports')
      .values({
        meeting_id: `m-${template}`,
        author_id: 'tutor',
        status: 'filed',
        content: '{}',
        updated_at: at,
        filed_at: at,
      })
      .execute();
  }
  await m0008.up(db);
  const rows = await db
    .selectFrom('meeting_reports')
    .select(['meeting_id', 'visible_to_tutee', 'visible_to_coordinator'])
    .orderBy('meeting_id')
    .execute();
  assert.deepEqual(rows, [
    { meeting_id: 'm-des-tutoring', visible_to_tutee: 1, visible_to_coordinator: 0 },
    { meeting_id: 'm-peer-tutoring', visible_to_tutee: 1, visible_to_coordinator: 1 },
  ]);
  // A video link that is not a web address is removed; a web address stays.
  const links = await db.selectFrom('meetings').select(['id', 'video_url']).orderBy('id').execute();
  assert.deepEqual(links, [
    { id: 'm-des-tutoring', video_url: null },
    { id: 'm-peer-tutoring', video_url: 'https://visio.example.org/a' },
  ]);
  await db.destroy();
});
