import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runDueJobs } from '../../jobs/index.ts';
import { newId } from '../../lib/ids.ts';
import { createOrg, createProgramme, createUser, meeting, pair } from '../../test/factories.ts';
import { changeLog, sessionCookie, setupTestServer } from '../../test/harness.ts';
import { auditRead } from '../audit/reads.ts';
import { retentionDefaults } from './schema.ts';

const s = await setupTestServer();
const DAY = 86_400_000;
const NOW = new Date('2026-11-16T09:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function put(orgId: string, cookie: string, body: unknown) {
  const res = await s.app.inject({
    method: 'PUT',
    url: `/api/orgs/${orgId}/retention`,
    headers: { cookie },
    payload: body as object,
  });
  return { status: res.statusCode, body: res.json() };
}

/**
 * An organisation with a record of every kind just older and just younger than `days` (or, for the
 * ended pairings, months): what the purge must remove and what it must keep.
 */
async function orgWithRecords(
  name: string,
  days: { audit: number; signIn: number; session: number; imports: number; pairingMonths: number },
) {
  s.clock.set(ago(5000));
  const orgId = await createOrg(s.ctx, name);
  const programme = await createProgramme(s.ctx, orgId);
  const admin = await createUser(s.ctx, orgId, { name: `Admin ${name}`, admin: true });
  const tutor = await createUser(s.ctx, orgId);
  const tutee = await createUser(s.ctx, orgId);
  const actor = {
    kind: 'user' as const,
    id: admin.id,
    email: admin.email,
    name: admin.name,
    locale: 'fr',
    sessionId: 'x',
    memberships: [],
    orgIds: new Set([orgId]),
    adminOf: new Set([orgId]),
  };
  const ids = { old: {} as Record<string, string>, young: {} as Record<string, string> };
  for (const [age, offset] of [
    ['old', 1],
    ['young', -1],
  ] as const) {
    const read = async (d: number) => {
      await auditRead(s.db, ago(d), {
        orgId,
        actor,
        subjectPersonIds: [tutee.id],
        kind: 'contact',
        recordType: 'person',
        recordId: tutee.id,
      });
      const row = await s.db
        .selectFrom('audit_log')
        .select('id')
        .where('org_id', '=', orgId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    ids[age].audit = await read(days.audit + offset);
    ids[age].signIn = newId();
    await s.db
      .insertInto('sign_in_attempts')
      .values({
        id: ids[age].signIn,
        email: tutee.email,
        ip: '192.0.2.1',
        at: ago(days.signIn + offset).toISOString(),
        success: 0,
      })
      .execute();
    ids[age].session = newId();
    const expired = ago(days.session + offset).toISOString();
    await s.db
      .insertInto('sessions')
      .values({
        id: ids[age].session,
        user_id: tutee.id,
        created_at: expired,
        expires_at: expired,
        last_seen_at: expired,
        ip: null,
        user_agent: null,
      })
      .execute();
    ids[age].token = newId();
    await s.db
      .insertInto('tokens')
      .values({
        id: ids[age].token,
        kind: 'invite',
        token_hash: newId(),
        email: tutee.email,
        user_id: null,
        org_id: orgId,
        programme_id: programme.id,
        role: 'tutee',
        created_by: admin.id,
        created_at: expired,
        expires_at: expired,
        used_at: null,
      })
      .execute();
    ids[age].import = newId();
    await s.db
      .insertInto('imports')
      .values({
        id: ids[age].import,
        org_id: orgId,
        programme_id: programme.id,
        created_by: admin.id,
        filename: 'internes.csv',
        status: 'preview',
        rows: '[{"name":"Interne"}]',
        summary: '{}',
        created_at: ago(days.imports + offset).toISOString(),
        committed_at: null,
      })
      .execute();
    // A pairing that ended just over / under the period ago, with a filed report and a repair reason.
    const ended = new Date(NOW);
    ended.setUTCMonth(ended.getUTCMonth() - days.pairingMonths);
    const endedAt = new Date(ended.getTime() - offset * 3 * DAY);
    const p = await pair(s.ctx, programme, tutor.id, (await createUser(s.ctx, orgId)).id, { state: 'ended' });
    await s.db
      .updateTable('pairings')
      .set({ ended_at: endedAt.toISOString() })
      .where('id', '=', p.id)
      .execute();
    await s.db
      .insertInto('pairing_events')
      .values({
        id: newId(),
        org_id: orgId,
        programme_id: programme.id,
        pairing_id: p.id,
        at: endedAt.toISOString(),
        actor_id: p.tuteeId,
        kind: 'repair-requested',
        from_state: null,
        to_state: null,
        reason: 'Nous ne nous entendons pas',
      })
      .execute();
    const m = await meeting(s.ctx, { pairing: p, at: new Date(endedAt.getTime() - 30 * DAY) });
    await s.db
      .insertInto('meeting_reports')
      .values({
        meeting_id: m.id,
        author_id: tutor.id,
        status: 'filed',
        duration_minutes: 60,
        content: JSON.stringify({
          place: 'Cabinet',
          themes: 'Thèse',
          problems: 'Confidentiel',
          conclusions: '',
          remarks: '',
          nextMeetingDate: null,
        }),
        updated_at: endedAt.toISOString(),
        filed_at: endedAt.toISOString(),
        visible_to_tutee: 1,
        visible_to_coordinator: 1,
      })
      .execute();
    ids[age].report = m.id;
    ids[age].pairing = p.id;
  }
  s.clock.set(NOW);
  return { orgId, admin: { ...admin, cookie: await sessionCookie(s.ctx, admin.id) }, ids };
}

async function present(ids: Record<string, string>) {
  const has = async (t: 'audit_log' | 'sign_in_attempts' | 'sessions' | 'tokens' | 'imports', id: string) =>
    !!(await s.db.selectFrom(t).select('id').where('id', '=', id).executeTakeFirst());
  const report = await s.db
    .selectFrom('meeting_reports')
    .select(['content', 'content_purged_at', 'duration_minutes'])
    .where('meeting_id', '=', ids.report as string)
    .executeTakeFirstOrThrow();
  const reason = await s.db
    .selectFrom('pairing_events')
    .select('reason')
    .where('pairing_id', '=', ids.pairing as string)
    .executeTakeFirstOrThrow();
  const subjects = await s.db
    .selectFrom('audit_subjects')
    .select('user_id')
    .where('audit_id', '=', ids.audit as string)
    .execute();
  return {
    audit: (await has('audit_log', ids.audit as string)) && subjects.length === 1,
    signIn: await has('sign_in_attempts', ids.signIn as string),
    session: await has('sessions', ids.session as string),
    token: await has('tokens', ids.token as string),
    import: await has('imports', ids.import as string),
    reportContent:
      JSON.parse(report.content).problems === 'Confidentiel' && report.content_purged_at === null,
    reportKept: report.duration_minutes === 60,
    reason: reason.reason !== null,
  };
}

const allKept = {
  audit: true,
  signIn: true,
  session: true,
  token: true,
  import: true,
  reportContent: true,
  reportKept: true,
  reason: true,
};
const allGone = {
  audit: false,
  signIn: false,
  session: false,
  token: false,
  import: false,
  reportContent: false,
  reportKept: true,
  reason: false,
};

describe('retention', () => {
  test('the daily sweep removes what is older than each organisation’s periods and keeps the rest', async () => {
    const d = retentionDefaults;
    const byDefault = await orgWithRecords('Par défaut', {
      audit: d.auditDays,
      signIn: d.signInDays,
      session: d.sessionDays,
      imports: d.importDays,
      pairingMonths: d.pairingMonths,
    });
    const own = {
      auditDays: 365,
      signInDays: 60,
      sessionDays: 10,
      importDays: 2,
      pairingMonths: 12,
      difficultyMonths: 12,
    };
    const custom = await orgWithRecords('Réglée', {
      audit: own.auditDays,
      signIn: own.signInDays,
      session: own.sessionDays,
      imports: own.importDays,
      pairingMonths: own.pairingMonths,
    });
    // The admin sets the custom periods through the screen's route.
    const saved = await put(custom.orgId, custom.admin.cookie, own);
    assert.equal(saved.status, 200);
    assert.equal(saved.body.importDays, 2);

    await runDueJobs(s.ctx, { now: NOW });
    for (const org of [byDefault, custom]) {
      assert.deepEqual(await present(org.ids.old), allGone, `old records of ${org.orgId}`);
      assert.deepEqual(await present(org.ids.young), allKept, `young records of ${org.orgId}`);
    }
    // A purged report still reads as a report, with empty content.
    const purged = await s.db
      .selectFrom('meeting_reports')
      .select(['content', 'status'])
      .where('meeting_id', '=', byDefault.ids.old.report as string)
      .executeTakeFirstOrThrow();
    assert.equal(purged.status, 'filed');
    assert.equal(JSON.parse(purged.content).themes, '');

    // Once a day: running again at the same instant enqueues nothing new and removes nothing more.
    const log = await changeLog(s.ctx);
    const mark = await log.mark();
    await runDueJobs(s.ctx, { now: NOW });
    assert.deepEqual(await log.changedSince(mark), []);
  });

  test('periods outside their bounds are refused and nothing is saved', async () => {
    s.clock.set(NOW);
    const orgId = await createOrg(s.ctx, 'Bornes');
    const admin = await createUser(s.ctx, orgId, { admin: true });
    const ok = {
      auditDays: 365,
      signInDays: 60,
      sessionDays: 10,
      importDays: 2,
      pairingMonths: 12,
      difficultyMonths: 12,
    };
    for (const bad of [
      { ...ok, auditDays: 30 },
      { ...ok, importDays: 0 },
      { ...ok, pairingMonths: 240 },
      { ...ok, signInDays: 1.5 },
    ]) {
      const r = await put(orgId, admin.cookie, bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
    }
    assert.equal(
      await s.db
        .selectFrom('retention_settings')
        .select('org_id')
        .where('org_id', '=', orgId)
        .executeTakeFirst(),
      undefined,
    );
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/retention`,
      headers: { cookie: admin.cookie },
    });
    assert.equal(res.json().auditDays, retentionDefaults.auditDays);
    const changed = await put(orgId, admin.cookie, ok);
    assert.equal(changed.status, 200);
    const entry = await s.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', orgId)
      .where('action', '=', 'org.retention_changed')
      .execute();
    assert.equal(entry.length, 1);
  });
});
