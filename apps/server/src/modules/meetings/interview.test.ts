import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { meeting } from '../../test/factories.ts';
import { caller, desDepartment } from '../../test/factories-portfolio.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();
const NOW = new Date('2026-11-16T09:00:00Z');
const DAY = 86_400_000;

type Who = { id: string; cookie: string };
const call = caller(s);

/** A DES programme: a coordinator, a tutor paired with a DES1 resident, another resident. */
async function department(template: 'des-tutoring' | 'installation-mentoring' = 'des-tutoring') {
  const d = await desDepartment(s, {
    now: NOW,
    template,
    tutorName: 'Dr Élise Martin',
    tutorCapacity: 6,
    residents: ['Léo Dupont'],
    unpaired: ['Zoé Autre'],
  });
  const resident = d.residents[0] as (typeof d.residents)[number];
  const other = d.unpaired[0] as (typeof d.unpaired)[number];
  const pairing = d.pairings[0] as (typeof d.pairings)[number];
  return { ...d, resident, other, pairing };
}
type D = Awaited<ReturnType<typeof department>>;

const plan = (participantIds: string[], extra: object = {}) => ({
  kind: 'tutored-interview',
  mode: 'in-person',
  durationMinutes: 60,
  participantIds,
  options: [{ start: new Date(NOW.getTime() + 7 * DAY).toISOString() }],
  ...extra,
});

/** A confirmed interview that took place yesterday. */
async function interview(d: D) {
  const { id } = await meeting(s.ctx, { pairing: d.pairing, at: new Date(NOW.getTime() - DAY) });
  await s.db.updateTable('meetings').set({ kind: 'tutored-interview' }).where('id', '=', id).execute();
  return id;
}

const competencies = [
  'premier-recours',
  'relation',
  'approche-globale',
  'education',
  'continuite',
  'professionnalisme',
];
const grid = (level: 'novice' | 'intermediate' = 'novice', traceIds: string[] = []) => ({
  competencies: competencies.map((id) => ({ id, level, note: `Progrès en ${id}` })),
  traceIds,
  plan: 'Deux RSCA au prochain semestre.',
});
const file = (d: D, id: string, body: object) =>
  call(d.tutor, 'PUT', `/api/meetings/${id}/report`, {
    attendance: [{ userId: d.resident.id, status: 'present' }],
    durationMinutes: 60,
    interview: body,
    file: true,
  });

describe('tutored interview', () => {
  test('only a pair’s tutor plans it, in a programme with a portfolio; its title by default', async () => {
    const d = await department();
    const created = await call(
      d.tutor,
      'POST',
      `/api/programmes/${d.programme.id}/meetings`,
      plan([d.resident.id]),
    );
    assert.equal(created.statusCode, 201, created.body);
    const m = await call(d.tutor, 'GET', `/api/meetings/${created.json().id}`);
    assert.equal(m.json().kind, 'tutored-interview');
    assert.equal(m.json().title, 'Entretien tuteuré');
    const list = await call(d.tutor, 'GET', `/api/programmes/${d.programme.id}/meetings`);
    assert.equal(list.json().actions.createInterview, true);
    // The coordinator organises meetings, not a resident's interview; nor a tutor with a resident not theirs.
    const byCoordinator = await call(
      d.coordinator,
      'POST',
      `/api/programmes/${d.programme.id}/meetings`,
      plan([d.resident.id]),
    );
    assert.equal(byCoordinator.statusCode, 403, byCoordinator.body);
    assert.equal(byCoordinator.json().error.code, 'interview_tutor_only');
    const notTheirs = await call(
      d.tutor,
      'POST',
      `/api/programmes/${d.programme.id}/meetings`,
      plan([d.other.id]),
    );
    assert.equal(notTheirs.statusCode, 403);
    const both = await call(
      d.tutor,
      'POST',
      `/api/programmes/${d.programme.id}/meetings`,
      plan([d.resident.id, d.other.id]),
    );
    assert.equal(both.statusCode, 403);
    // An ordinary meeting still needs its title.
    const untitled = await call(d.tutor, 'POST', `/api/programmes/${d.programme.id}/meetings`, {
      ...plan([d.resident.id]),
      kind: 'meeting',
    });
    assert.equal(untitled.statusCode, 400);
    const e = await department('installation-mentoring');
    const off = await call(
      e.tutor,
      'POST',
      `/api/programmes/${e.programme.id}/meetings`,
      plan([e.resident.id]),
    );
    assert.equal(off.statusCode, 409, off.body);
    assert.equal(off.json().error.code, 'portfolio_off');
  });

  test('the grid is checked against the framework and the resident’s traces', async () => {
    const d = await department();
    const id = await interview(d);
    const start = await call(d.tutor, 'GET', `/api/meetings/${id}/report`);
    assert.equal(start.statusCode, 200, start.body);
    assert.equal(start.json().interview.competencies.length, 6);
    assert.equal(start.json().interview.competencies[0].expected.level, 'novice');
    assert.equal(start.json().content, null);
    const incomplete = await file(d, id, { ...grid(), competencies: grid().competencies.slice(1) });
    assert.equal(incomplete.statusCode, 400);
    assert.equal(incomplete.json().error.code, 'interview_incomplete');
    const unknown = await file(d, id, {
      ...grid(),
      competencies: [...grid().competencies, { id: 'astrologie', level: 'novice', note: '' }],
    });
    assert.equal(unknown.json().error.code, 'unknown_competency');
    const otherTrace = await file(d, id, grid('novice', ['not-a-trace']));
    assert.equal(otherTrace.json().error.code, 'unknown_trace');
    // The resident's own traces may be named (their plan is written when the portfolio is opened).
    const portfolio = await call(
      d.resident,
      'GET',
      `/api/programmes/${d.programme.id}/portfolio/residents/${d.resident.id}`,
    );
    const traceId = portfolio.json().traces[0].id as string;
    await s.db
      .updateTable('portfolio_traces')
      .set({ state: 'submitted' })
      .where('id', '=', traceId)
      .execute();
    const filed = await file(d, id, grid('novice', [traceId]));
    assert.equal(filed.statusCode, 200, filed.body);
    assert.deepEqual(filed.json().interview.record.traceIds, [traceId]);
    // A draft saved without levels is fine: only filing asks for them all.
    const id2 = await interview(d);
    const draft = await call(d.tutor, 'PUT', `/api/meetings/${id2}/report`, {
      attendance: [],
      durationMinutes: 30,
      interview: { competencies: [], traceIds: [], plan: 'À compléter' },
    });
    assert.equal(draft.statusCode, 200, draft.body);
    assert.equal(draft.json().status, 'draft');
  });

  test('both sign the content as it stands; an edit voids the signatures; both signed put the levels on the map', async () => {
    const d = await department();
    const id = await interview(d);
    const report = (who: Who) => call(who, 'GET', `/api/meetings/${id}/report`);
    const sign = (who: Who, name: string, hash: string) =>
      call(who, 'POST', `/api/meetings/${id}/report/signatures`, { name, consent: true, hash });
    // Nothing is signed before the tutor files it.
    const early = await call(d.tutor, 'PUT', `/api/meetings/${id}/report`, {
      attendance: [],
      durationMinutes: 60,
      interview: grid(),
    });
    assert.equal(
      (await sign(d.tutor, 'Élise Martin', early.json().interview.hash)).json().error.code,
      'report_not_filed',
    );
    const filed = await file(d, id, grid());
    const hash1 = filed.json().interview.hash as string;
    assert.match(hash1, /^[0-9a-f]{64}$/);
    // The resident is told, reads it and writes their own view; the tutor may not write it.
    await s.deliver();
    const told = await s.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', d.resident.id)
      .where('link', '=', `/rencontres/${id}`)
      .execute();
    assert.deepEqual(
      told.map((n) => n.title),
      ['Le compte rendu de votre entretien tuteuré est déposé'],
    );
    const read = await report(d.resident);
    assert.equal(read.json().interview.record.plan, 'Deux RSCA au prochain semestre.');
    assert.equal(read.json().interview.can.writeView, true);
    const byTutor = await call(d.tutor, 'PUT', `/api/meetings/${id}/report/resident-view`, { text: 'x' });
    assert.equal(byTutor.statusCode, 403);
    const view = await call(d.resident, 'PUT', `/api/meetings/${id}/report/resident-view`, {
      text: 'Une année riche.',
    });
    assert.equal(view.statusCode, 200, view.body);
    const hash2 = view.json().interview.hash as string;
    assert.notEqual(hash2, hash1);
    // A signature names the content read: an older one is refused; a name not theirs too.
    assert.equal((await sign(d.tutor, 'Élise Martin', hash1)).json().error.code, 'report_changed');
    assert.equal((await sign(d.tutor, 'Léo Dupont', hash2)).json().error.code, 'signature_name');
    const consentless = await call(d.tutor, 'POST', `/api/meetings/${id}/report/signatures`, {
      name: 'Élise Martin',
      consent: false,
      hash: hash2,
    });
    assert.equal(consentless.statusCode, 400);
    const tutorSigned = await sign(d.tutor, 'elise MARTIN', hash2);
    assert.equal(tutorSigned.statusCode, 200, tutorSigned.body);
    assert.equal(tutorSigned.json().interview.signatures.length, 1);
    // The tutor edits the grid after signing: the signature goes.
    const edited = await file(d, id, grid('intermediate'));
    assert.equal(edited.json().interview.signatures.length, 0);
    const hash3 = edited.json().interview.hash as string;
    assert.equal(edited.json().interview.record.residentView, 'Une année riche.');
    assert.equal((await sign(d.tutor, 'Dr Élise Martin', hash3)).statusCode, 200);
    const ratings = () =>
      s.db.selectFrom('competency_ratings').selectAll().where('source_id', '=', id).execute();
    assert.equal((await ratings()).length, 0);
    const residentSigned = await sign(d.resident, 'Dupont Léo', hash3);
    assert.equal(residentSigned.statusCode, 200, residentSigned.body);
    assert.equal(residentSigned.json().interview.signed, true);
    const rows = await ratings();
    assert.equal(rows.length, 6);
    assert.ok(rows.every((r) => r.source === 'interview' && r.level === 'intermediate'));
    const map = await call(
      d.resident,
      'GET',
      `/api/programmes/${d.programme.id}/portfolio/residents/${d.resident.id}`,
    );
    assert.equal(map.json().ratings.filter((r: { source: string }) => r.source === 'interview').length, 6);
    // A change after both signed voids them and takes the levels off the map.
    await call(d.resident, 'PUT', `/api/meetings/${id}/report/resident-view`, { text: 'Une année riche !' });
    assert.equal((await ratings()).length, 0);
  });

  test('the resident reads their interview report; the coordination does not, whatever the rule', async () => {
    const d = await department();
    const programme = await s.db
      .selectFrom('programmes')
      .select('rules')
      .where('id', '=', d.programme.id)
      .executeTakeFirstOrThrow();
    const rules = JSON.parse(programme.rules);
    await s.db
      .updateTable('programmes')
      .set({ rules: JSON.stringify({ ...rules, reportVisibility: { tutee: false, coordinator: true } }) })
      .where('id', '=', d.programme.id)
      .execute();
    const id = await interview(d);
    assert.equal((await file(d, id, grid())).statusCode, 200);
    const resident = await call(d.resident, 'GET', `/api/meetings/${id}/report`);
    assert.equal(resident.json().contentVisible, true);
    assert.equal(resident.json().interview.record.plan, 'Deux RSCA au prochain semestre.');
    const coordinator = await call(d.coordinator, 'GET', `/api/meetings/${id}/report`);
    assert.equal(coordinator.statusCode, 200);
    assert.equal(coordinator.json().contentVisible, false);
    assert.equal(coordinator.json().interview.record, null);
    assert.ok(!coordinator.body.includes('Deux RSCA'));
    assert.equal((await call(d.coordinator, 'GET', `/api/meetings/${id}`)).json().actions.viewReport, false);
    assert.equal((await call(d.resident, 'GET', `/api/meetings/${id}`)).json().actions.viewReport, true);
    const sign = await call(d.coordinator, 'POST', `/api/meetings/${id}/report/signatures`, {
      name: 'Coordinatrice',
      consent: true,
      hash: 'a'.repeat(64),
    });
    assert.equal(sign.statusCode, 403);
  });
});
