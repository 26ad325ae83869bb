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
import * as m0009 from './0009_programme_invitations.ts';
import * as m0010 from './0010_data_rights.ts';
import * as m0011 from './0011_sign_in_limits.ts';
import * as m0012 from './0012_audit_retention.ts';
import * as m0013 from './0013_import_mapping.ts';
import * as m0014 from './0014_poll_nudges.ts';
import * as m0016 from './0016_wellbeing.ts';
import * as m0017 from './0017_difficulties_consultations.ts';
import * as m0018 from './0018_phone_choices.ts';

test('people who could choose keep their phone consent in each programme; the others keep what they were under', async () => {
  // biome-ignore lint/suspicious/noExplicitAny: the schema before 0018 is not the one types.ts describes
  const db: Kysely<any> = new Kysely({
    dialect: new SqliteDialect({ database: openSqlite(':memory:').database }),
  });
  const before = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010];
  for (const m of [...before, m0011, m0012, m0013, m0014, m0016, m0017]) await m.up(db);
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
    .insertInto('programmes')
    .values({
      id: 'p',
      org_id: 'o',
      name: 'Pairs',
      template: 'peer-tutoring',
      rules: JSON.stringify(templates['peer-tutoring'].rules),
      created_at: at,
    })
    .execute();
  // Chose not to share, chose to share, imported and never signed in.
  const people = [
    { id: 'kept', share: 0, signedIn: at },
    { id: 'shared', share: 1, signedIn: at },
    { id: 'imported', share: 0, signedIn: null },
  ];
  for (const p of people) {
    await db
      .insertInto('users')
      .values({
        id: p.id,
        email: `${p.id}@x.test`,
        name: p.id,
        locale: 'fr',
        created_at: at,
        last_sign_in_at: p.signedIn,
      })
      .execute();
    await db
      .insertInto('org_members')
      .values({ id: `om-${p.id}`, org_id: 'o', user_id: p.id, share_phone: p.share, created_at: at })
      .execute();
    await db
      .insertInto('memberships')
      .values({
        id: `m-${p.id}`,
        org_id: 'o',
        programme_id: 'p',
        user_id: p.id,
        role: 'tutee',
        created_at: at,
      })
      .execute();
  }
  await m0018.up(db);
  const rows = await db
    .selectFrom('phone_choices')
    .select(['user_id', 'shared', 'decided_by'])
    .orderBy('user_id')
    .execute();
  assert.deepEqual(rows, [
    { user_id: 'imported', shared: 0, decided_by: 'rule' },
    { user_id: 'kept', shared: 0, decided_by: 'person' },
    { user_id: 'shared', shared: 1, decided_by: 'person' },
  ]);
  await db.destroy();
});
