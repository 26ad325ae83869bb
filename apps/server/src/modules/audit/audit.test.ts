import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld, meeting, type World } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import { templates } from '../programmes/templates.ts';

const s = await setupTestServer();

async function get(url: string, cookie: string) {
  const res = await s.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, body: res.json(), raw: res.body };
}

/** Read entries naming `personId`, newest first. */
async function readsOf(personId: string) {
  return s.db
    .selectFrom('audit_subjects')
    .innerJoin('audit_log', 'audit_log.id', 'audit_subjects.audit_id')
    .select(['audit_log.id', 'audit_log.action', 'audit_log.actor_id', 'audit_log.subject_id'])
    .where('audit_subjects.user_id', '=', personId)
    .orderBy('audit_log.at', 'desc')
    .execute();
}

const readRows = (w: World) =>
  s.db
    .selectFrom('audit_log')
    .select(['id', 'action', 'actor_id'])
    .where('org_id', '=', w.orgId)
    .where('action', 'in', ['person.contact_read', 'meeting.report_read', 'pairing.history_read'])
    .execute();

/** A filed report of the tutor's meeting with the tutee, readable by the coordinator. */
async function filedReport(w: World) {
  const rules = { ...templates['des-tutoring'].rules, reportVisibility: { tutee: true, coordinator: true } };
  await s.db
    .updateTable('programmes')
    .set({ rules: JSON.stringify(rules) })
    .where('id', '=', w.programme.id)
    .execute();
  const m = await meeting(s.ctx, { pairing: w.pairing, at: new Date('2026-11-10T15:00:00Z') });
  await s.db
    .insertInto('meeting_reports')
    .values({
      meeting_id: m.id,
      author_id: w.actors.tutor.id,
      status: 'filed',
      duration_minutes: 60,
      content: JSON.stringify({
        place: 'Cabinet',
        themes: 'Thèse',
        problems: 'Gardes',
        conclusions: 'Écrire',
        remarks: '',
        nextMeetingDate: null,
      }),
      updated_at: '2026-11-10T17:00:00Z',
      filed_at: '2026-11-10T17:00:00Z',
      visible_to_tutee: 1,
      visible_to_coordinator: 1,
    })
    .execute();
  return m.id;
}

describe('reads of sensitive records are audited', () => {
  test('a list of people with contact details is one entry naming everyone whose contact it showed', async () => {
    const w = await createWorld(s.ctx);
    const before = (await readRows(w)).length;
    const r = await get(`/api/programmes/${w.programme.id}/people`, w.actors.coordinator.cookie);
    assert.equal(r.status, 200);
    const rows = await readRows(w);
    assert.equal(rows.length, before + 1, 'one entry for the request');
    const subjects = await s.db
      .selectFrom('audit_subjects')
      .select('user_id')
      .where('audit_id', '=', rows.find((x) => x.actor_id === w.actors.coordinator.id)?.id ?? '')
      .execute();
    const ids = new Set(subjects.map((x) => x.user_id));
    assert.ok(ids.has(w.actors.tutee.id) && ids.has(w.actors.otherTutee.id) && ids.has(w.actors.tutor.id));
    assert.ok(!ids.has(w.actors.coordinator.id), 'reading one’s own details is not audited');
  });

  test('a tutee’s list shows their tutor’s contact: audited with the tutor as the person read', async () => {
    const w = await createWorld(s.ctx);
    await get(`/api/programmes/${w.programme.id}/people`, w.actors.tutee.cookie);
    const reads = await readsOf(w.actors.tutor.id);
    assert.ok(reads.some((x) => x.actor_id === w.actors.tutee.id && x.action === 'person.contact_read'));
    assert.ok(!(await readsOf(w.actors.otherTutee.id)).some((x) => x.actor_id === w.actors.tutee.id));
  });

  test('one person’s card is audited as a read of that person only', async () => {
    const w = await createWorld(s.ctx);
    const r = await get(
      `/api/programmes/${w.programme.id}/people/${w.actors.tutee.id}`,
      w.actors.tutor.cookie,
    );
    assert.equal(r.status, 200);
    const reads = await readsOf(w.actors.tutee.id);
    assert.equal(reads[0]?.subject_id, w.actors.tutee.id);
    assert.equal(reads[0]?.actor_id, w.actors.tutor.id);
  });

  test('a person reading only their own details writes nothing', async () => {
    const w = await createWorld(s.ctx);
    const before = (await readRows(w)).length;
    // The expert sees no one's details but their own.
    await get(`/api/programmes/${w.programme.id}/people`, w.actors.expert.cookie);
    assert.equal((await readRows(w)).length, before);
  });

  test('the coordinator reading a report names everyone who met; the people who met are not audited', async () => {
    const w = await createWorld(s.ctx);
    const id = await filedReport(w);
    const asTutee = await get(`/api/meetings/${id}/report`, w.actors.tutee.cookie);
    assert.equal(asTutee.body.contentVisible, true);
    assert.equal(
      (await readsOf(w.actors.tutor.id)).filter((x) => x.action === 'meeting.report_read').length,
      0,
    );
    const r = await get(`/api/meetings/${id}/report`, w.actors.coordinator.cookie);
    assert.equal(r.body.content.problems, 'Gardes');
    const reads = (await readsOf(w.actors.tutee.id)).filter((x) => x.action === 'meeting.report_read');
    assert.deepEqual(
      reads.map((x) => [x.actor_id, x.subject_id]),
      [[w.actors.coordinator.id, id]],
    );
    assert.equal(
      (await readsOf(w.actors.tutor.id)).filter((x) => x.action === 'meeting.report_read').length,
      1,
    );
  });

  test('a pairing’s history read by the coordinator is audited for both people; by the pair, not', async () => {
    const w = await createWorld(s.ctx);
    await get(`/api/pairings/${w.pairing.id}/history`, w.actors.tutee.cookie);
    assert.equal(
      (await readsOf(w.actors.tutor.id)).filter((x) => x.action === 'pairing.history_read').length,
      0,
    );
    const r = await get(`/api/pairings/${w.pairing.id}/history`, w.actors.coordinator.cookie);
    assert.equal(r.status, 200);
    for (const person of [w.actors.tutor.id, w.actors.tutee.id]) {
      const reads = (await readsOf(person)).filter((x) => x.action === 'pairing.history_read');
      assert.deepEqual(
        reads.map((x) => x.actor_id),
        [w.actors.coordinator.id],
      );
    }
  });

  test('a refused read writes no audit entry', async () => {
    const w = await createWorld(s.ctx);
    const id = await filedReport(w);
    const before = (await readRows(w)).length;
    assert.equal((await get(`/api/meetings/${id}/report`, w.actors.otherTutor.cookie)).status, 404);
    assert.equal(
      (await get(`/api/pairings/${w.pairing.id}/history`, w.actors.otherTutee.cookie)).status,
      404,
    );
    assert.equal((await readRows(w)).length, before);
  });
});

describe('the audit screen and “who read my records”', () => {
  test('the admin filters by kind of read, person read, reader and days, and pages', async () => {
    // Within a session's idle time: the world's sessions are used again before they lapse.
    s.clock.set(new Date('2026-11-16T14:00:00Z'));
    const w = await createWorld(s.ctx);
    const id = await filedReport(w);
    s.clock.set(new Date('2026-11-16T15:00:00Z'));
    await get(`/api/meetings/${id}/report`, w.actors.coordinator.cookie);
    // 00:30 on the 17th in Paris, still the 16th in UTC.
    s.clock.set(new Date('2026-11-16T23:30:00Z'));
    await get(`/api/programmes/${w.programme.id}/people`, w.actors.tutor.cookie);
    await get(`/api/pairings/${w.pairing.id}/history`, w.actors.coordinator.cookie);
    const base = `/api/orgs/${w.orgId}/audit`;
    const admin = w.actors.orgAdmin.cookie;

    const reports = await get(`${base}?action=meeting.report_read`, admin);
    assert.equal(reports.status, 200, reports.raw);
    assert.equal(reports.body.timeZone, 'Europe/Paris');
    assert.deepEqual(
      reports.body.entries.map((e: { subjectId: string }) => e.subjectId),
      [id],
    );
    const entry = reports.body.entries[0];
    assert.equal(entry.actor.name, 'Coordinatrice A');
    assert.equal(entry.role, 'coordinator');
    assert.deepEqual(entry.people.map((p: { name: string }) => p.name).sort(), ['Interne A', 'Tuteur A']);

    const byTutor = await get(`${base}?action=reads&actorId=${w.actors.tutor.id}`, admin);
    assert.deepEqual(
      byTutor.body.entries.map((e: { action: string }) => e.action),
      ['person.contact_read'],
    );
    const aboutOther = await get(`${base}?action=reads&personId=${w.actors.otherTutee.id}`, admin);
    assert.ok(
      aboutOther.body.entries.every(
        (e: { people: { id: string }[] }) => e.people[0]?.id === w.actors.otherTutee.id,
      ),
    );
    assert.ok(!aboutOther.body.entries.some((e: { action: string }) => e.action === 'meeting.report_read'));

    // Days are the organisation's (Paris): the 16th holds the report read only.
    const day16 = await get(`${base}?action=reads&from=2026-11-16&to=2026-11-16`, admin);
    assert.deepEqual(
      day16.body.entries.map((e: { action: string }) => e.action),
      ['meeting.report_read'],
    );

    const first = await get(`${base}?action=reads&limit=1`, admin);
    assert.equal(first.body.entries.length, 1);
    assert.ok(first.body.next);
    const second = await get(
      `${base}?action=reads&limit=1&before=${encodeURIComponent(first.body.next)}`,
      admin,
    );
    assert.equal(second.body.entries.length, 1);
    assert.notEqual(second.body.entries[0].id, first.body.entries[0].id);

    assert.equal((await get(`${base}?from=16-11-2026`, admin)).status, 400);
  });

  test('a person sees who read their records: name, role, what and when; nobody else’s', async () => {
    const w = await createWorld(s.ctx);
    const id = await filedReport(w);
    await get(`/api/meetings/${id}/report`, w.actors.coordinator.cookie);
    await get(`/api/programmes/${w.programme.id}/people/${w.actors.tutee.id}`, w.actors.tutor.cookie);
    const mine = await get('/api/me/record-reads', w.actors.tutee.cookie);
    assert.equal(mine.status, 200, mine.raw);
    assert.deepEqual(
      mine.body.entries.map((e: { reader: string; role: string; kind: string }) => [
        e.reader,
        e.role,
        e.kind,
      ]),
      [
        ['Tuteur A', 'tutor', 'contact'],
        ['Coordinatrice A', 'coordinator', 'report'],
      ],
    );
    assert.equal(mine.body.entries[0].organisation, 'Département A');
    const theirs = await get('/api/me/record-reads', w.actors.otherTutee.cookie);
    assert.ok(!theirs.body.entries.some((e: { reader: string }) => e.reader === 'Tuteur A'));
  });
});
