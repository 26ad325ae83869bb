import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newId } from '../../lib/ids.ts';
import { caller, desDepartment } from '../../test/factories-portfolio.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();
const NOW = new Date('2026-11-16T09:00:00Z');

type Who = { id: string; cookie: string };
const call = caller(s);

async function department() {
  const d = await desDepartment(s, {
    now: NOW,
    tutorCapacity: 6,
    residents: ['Léo Dupont'],
    unpaired: ['Zoé Autre'],
  });
  const resident = d.residents[0] as (typeof d.residents)[number];
  const other = d.unpaired[0] as (typeof d.unpaired)[number];
  await s.db
    .insertInto('placements')
    .values({
      id: newId(),
      org_id: d.orgId,
      user_id: resident.id,
      period: '2026-2027 S1',
      site: 'Cabinet du Port, Nice',
      city: 'Nice',
      kind: 'internship',
      created_at: NOW.toISOString(),
    })
    .execute();
  return { ...d, resident, other };
}
type D = Awaited<ReturnType<typeof department>>;

const supervisorsUrl = (d: D) =>
  `/api/programmes/${d.programme.id}/portfolio/residents/${d.resident.id}/supervisors`;

/** Invites a supervisor and returns the private link's token the e-mail brought. */
async function invite(d: D, who: Who, email: string) {
  const res = await call(who, 'POST', supervisorsUrl(d), { name: 'Dr Maître', email });
  assert.equal(res.statusCode, 201, res.body);
  await s.deliver();
  const mail = s.mailer.sent.findLast((m) => m.to === email);
  assert.ok(mail, 'the supervisor received an e-mail');
  const token = /\/maitre-de-stage\/([\w-]+)/.exec(mail.text)?.[1];
  assert.ok(token);
  return { request: res.json(), mail, token };
}

/** Two traces of the resident, each with a sent version. */
async function sentTraces(d: D) {
  const view = await call(
    d.resident,
    'GET',
    `/api/programmes/${d.programme.id}/portfolio/residents/${d.resident.id}`,
  );
  const ids = (view.json().traces as Array<{ id: string }>).slice(0, 2).map((t) => t.id);
  for (const [i, id] of ids.entries()) {
    const saved = await call(d.resident, 'PUT', `/api/portfolio/traces/${id}/draft`, {
      title: `Trace ${i + 1}`,
      body: `Texte de la trace ${i + 1}`,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const sent = await call(d.resident, 'POST', `/api/portfolio/traces/${id}/submit`);
    assert.equal(sent.statusCode, 200, sent.body);
  }
  return ids as [string, string];
}

const feedback = {
  competencies: [
    { id: 'premier-recours', level: 'intermediate', comment: 'Sûr·e aux urgences.' },
    { id: 'relation', level: 'novice', comment: '' },
  ],
  strengths: 'Écoute, rigueur.',
  improvements: 'La coordination avec les infirmières.',
};

describe('internship supervisor', () => {
  test('invited by the resident, the supervisor answers from the e-mailed link, without an account', async () => {
    const d = await department();
    const { request, mail, token } = await invite(d, d.resident, 'maitre@cabinet.test');
    assert.equal(request.period, '2026-2027 S1');
    assert.equal(request.site, 'Cabinet du Port, Nice');
    assert.equal(request.state, 'invited');
    assert.match(mail.subject, /Léo Dupont/);
    assert.match(mail.text, /http:\/\/compagnon\.test\/maitre-de-stage\//);
    const page = await call(undefined, 'GET', `/api/portfolio/supervisor/${token}`);
    assert.equal(page.statusCode, 200, page.body);
    const p = page.json();
    assert.equal(p.resident.name, 'Léo Dupont');
    assert.equal(p.internship.site, 'Cabinet du Port, Nice');
    assert.equal(p.competencies.length, 6);
    assert.equal(p.competencies[0].expected.level, 'novice');
    assert.deepEqual(p.traces, []);
    const sent = await call(undefined, 'POST', `/api/portfolio/supervisor/${token}/feedback`, feedback);
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().feedback.strengths, 'Écoute, rigueur.');
    const again = await call(undefined, 'POST', `/api/portfolio/supervisor/${token}/feedback`, feedback);
    assert.equal(again.statusCode, 409);
    const ratings = await s.db
      .selectFrom('competency_ratings')
      .selectAll()
      .where('source_id', '=', request.id)
      .execute();
    assert.deepEqual(ratings.map((r) => [r.source, r.competency_id, r.level]).sort(), [
      ['supervisor', 'premier-recours', 'intermediate'],
      ['supervisor', 'relation', 'novice'],
    ]);
    // The resident and their tutor are told, and read the feedback; the coordination does neither.
    await s.deliver();
    const told = await s.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('title', 'like', 'Dr Maître a donné son retour%')
      .execute();
    assert.deepEqual(told.map((n) => n.user_id).sort(), [d.resident.id, d.tutor.id].sort());
    for (const who of [d.resident, d.tutor]) {
      const list = await call(who, 'GET', supervisorsUrl(d));
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.json().requests[0].state, 'answered');
      assert.equal(list.json().requests[0].feedback.improvements, 'La coordination avec les infirmières.');
    }
    assert.equal((await call(d.coordinator, 'GET', supervisorsUrl(d))).statusCode, 404);
    assert.equal((await call(d.other, 'GET', supervisorsUrl(d))).statusCode, 404);
    // A link that is no link, or one past its 60 days, opens nothing.
    assert.equal(
      (await call(undefined, 'GET', `/api/portfolio/supervisor/${'z'.repeat(43)}`)).statusCode,
      404,
    );
    s.clock.set(new Date(NOW.getTime() + 61 * 86_400_000));
    assert.equal((await call(undefined, 'GET', `/api/portfolio/supervisor/${token}`)).statusCode, 404);
  });

  test('the supervisor reads only the traces the resident shared with their request', async () => {
    const d = await department();
    const [shared, kept] = await sentTraces(d);
    const first = await invite(d, d.tutor, 'premier@cabinet.test');
    const second = await invite(d, d.resident, 'second@cabinet.test');
    const url = `/api/portfolio/supervisors/${first.request.id}/shares`;
    // Only the resident shares; the tutor may not, the coordination does not see the request.
    assert.equal((await call(d.tutor, 'PUT', url, { traceIds: [shared] })).statusCode, 403);
    assert.equal((await call(d.coordinator, 'PUT', url, { traceIds: [shared] })).statusCode, 404);
    assert.equal((await call(d.other, 'PUT', url, { traceIds: [shared] })).statusCode, 404);
    assert.equal((await call(d.resident, 'PUT', url, { traceIds: ['nope'] })).statusCode, 400);
    const ok = await call(d.resident, 'PUT', url, { traceIds: [shared] });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json().sharedTraceIds, [shared]);
    const page = (await call(undefined, 'GET', `/api/portfolio/supervisor/${first.token}`)).json();
    assert.deepEqual(
      page.traces.map((t: { id: string; body: string; version: number }) => [t.id, t.body, t.version]),
      [[shared, 'Texte de la trace 1', 1]],
    );
    assert.ok(!JSON.stringify(page).includes('Texte de la trace 2'));
    assert.ok(!JSON.stringify(page).includes(kept));
    // The other request's link reads none of this one's traces.
    const other = (await call(undefined, 'GET', `/api/portfolio/supervisor/${second.token}`)).json();
    assert.deepEqual(other.traces, []);
    // Unshared, it is gone from the page.
    await call(d.resident, 'PUT', url, { traceIds: [] });
    assert.deepEqual(
      (await call(undefined, 'GET', `/api/portfolio/supervisor/${first.token}`)).json().traces,
      [],
    );
  });
});
