import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { enqueue } from '../../jobs/registry.ts';
import { caller, desDepartment } from '../../test/factories-portfolio.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { portfolioSweep } from './jobs.ts';

const s = await setupTestServer();
// Monday 16 November 2026, 10:00 in Paris: the first semester of 2026-2027 runs to 30 April 2027.
const NOW = new Date('2026-11-16T09:00:00Z');

const call = caller(s);

/** A DES programme with a coordinator, a tutor and `n` residents in DES1, all paired with the tutor. */
async function department(n = 1) {
  const residents = Array.from({ length: n }, (_, i) => `Interne ${i + 1}`);
  const d = await desDepartment(s, { now: NOW, otherTutor: true, residents });
  assert.ok(d.otherTutor);
  return { ...d, otherTutor: d.otherTutor };
}

type D = Awaited<ReturnType<typeof department>>;
const portfolioOf = (d: D, who: { cookie: string }, resident = d.residents[0] as { id: string }) =>
  call(who.cookie, 'GET', `/api/programmes/${d.programme.id}/portfolio/residents/${resident.id}`);

describe('portfolio plan', () => {
  test('a DES1 resident owes their semester’s traces on dates spread over the internship', async () => {
    const d = await department();
    const res = await portfolioOf(d, d.residents[0] as { cookie: string });
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json();
    assert.equal(view.phase.id, 'socle');
    assert.deepEqual(view.period, {
      label: '2026-2027 S1',
      startsOn: '2026-11-01',
      endsOn: '2027-04-30',
      site: null,
    });
    // Socle, first semester: 1 RSCA, 2 learning traces, 1 progress report, 1 self-evaluation, and
    // the phase's one complementary learning in its first semester.
    assert.deepEqual(
      view.quotas.map((q: { typeId: string; expected: number }) => [q.typeId, q.expected]),
      [
        ['rsca', 1],
        ['trace', 2],
        ['progress', 1],
        ['self-evaluation', 1],
        ['complementary', 1],
      ],
    );
    const due = view.traces.map((t: { dueOn: string }) => t.dueOn);
    // Calendar days in Paris: the same on both sides of the clock change of 28 March 2027.
    assert.deepEqual(due, [
      '2026-11-27',
      '2026-12-22',
      '2027-01-15',
      '2027-02-12',
      '2027-03-10',
      '2027-04-02',
    ]);
    assert.equal(new Set(view.traces.map((t: { typeId: string }) => t.typeId)).size, 5);
    // Seen again (or by the sweep), the plan is not written twice.
    assert.equal((await portfolioOf(d, d.tutor)).json().traces.length, 6);
  });

  test('a reminder comes at 9:00 Paris time a week before each due date, across the clock change', async () => {
    const d = await department();
    await portfolioOf(d, d.residents[0] as { cookie: string });
    const reminders = async (at: string) => {
      s.clock.set(new Date(at));
      await enqueue(s.db, portfolioSweep, {}, { runAt: new Date(at) });
      await s.deliver();
      return (
        await s.db
          .selectFrom('notifications')
          .select(['title'])
          .where('user_id', '=', (d.residents[0] as { id: string }).id)
          .where('link', 'like', '/portfolio/traces/%')
          .execute()
      ).map((n) => n.title);
    };
    // Due 10 March 2027: on 3 March, 8:59 in Paris (7:59 UTC) is too early, 9:00 is the time.
    assert.deepEqual(await reminders('2027-03-03T07:59:00Z'), []);
    assert.deepEqual(await reminders('2027-03-03T08:00:00Z'), [
      '« Validation d’apprentissages complémentaires » est attendue le 10 mars 2027',
    ]);
    // Due 2 April: on 26 March, still winter time, 9:00 in Paris is 8:00 UTC.
    assert.equal((await reminders('2027-03-26T07:59:00Z')).length, 1);
    assert.equal((await reminders('2027-03-26T08:00:00Z')).length, 2);
    // A trace the resident added is due at the end of the internship, 30 April: reminded on 23
    // April, after the change to summer time, when 9:00 in Paris is 7:00 UTC.
    const fresh = await sessionCookie(s.ctx, (d.residents[0] as { id: string }).id);
    const added = await call(
      fresh,
      'POST',
      `/api/programmes/${d.programme.id}/portfolio/residents/${(d.residents[0] as { id: string }).id}/traces`,
      { typeId: 'trace' },
    );
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().dueOn, '2027-04-30');
    assert.equal((await reminders('2027-04-23T06:59:00Z')).length, 2);
    assert.equal((await reminders('2027-04-23T07:00:00Z')).length, 3);
    // Once per trace: the next sweeps send nothing more.
    assert.equal((await reminders('2027-04-24T10:00:00Z')).length, 3);
  });
});
