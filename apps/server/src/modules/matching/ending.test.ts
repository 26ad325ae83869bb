import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld, meeting, pair } from '../../test/factories.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { recordsActivitySource } from '../followup/activity.ts';

const s = await setupTestServer();
const MINUTE = 60_000;
const DAY = 86_400_000;

const call = (cookie: string, method: 'POST' | 'GET', url: string, payload?: unknown) =>
  s.app.inject({ method, url, payload: payload as object, headers: { cookie } });

async function world() {
  const w = await createWorld(s.ctx);
  const cookie = await sessionCookie(s.ctx, w.actors.coordinator.id);
  const now = s.clock.now();
  // A 1:1 meeting of the pair next week, and a group meeting of the tutor with both tutees.
  const single = await meeting(s.ctx, { pairing: w.pairing, at: new Date(now.getTime() + 7 * DAY) });
  const group = await meeting(s.ctx, {
    pairing: w.pairing,
    at: new Date(now.getTime() + 8 * DAY),
    participants: [{ id: w.actors.tutee.id }, { id: w.actors.otherTutee.id }],
  });
  await s.deliver();
  return { w, cookie, single: single.id, group: group.id };
}

const status = async (id: string) =>
  (await s.db.selectFrom('meetings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const participants = async (id: string) =>
  (
    await s.db.selectFrom('meeting_participants').select('user_id').where('meeting_id', '=', id).execute()
  ).map((r) => r.user_id);
const notices = async (userId: string) =>
  s.db.selectFrom('notifications').select(['title', 'body']).where('user_id', '=', userId).execute();

describe('ending a pairing', () => {
  test('after the undo window, the pair’s future meetings are cancelled and both people are told', async () => {
    const { w, cookie, single, group } = await world();
    const sentBefore = s.mailer.sent.length;
    const end = await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/transition`, {
      to: 'ended',
      reason: 'Conflit confidentiel entre les deux',
    });
    assert.equal(end.statusCode, 200, end.body);
    // During the window nothing happens yet: the end may still be undone.
    await s.deliver();
    assert.equal(await status(single), 'confirmed');
    assert.equal((await notices(w.actors.tutee.id)).length, 0);
    s.clock.advance(15 * MINUTE);
    await s.deliver();
    assert.equal(await status(single), 'cancelled');
    // In a group meeting only the tutee's place is withdrawn.
    assert.equal(await status(group), 'confirmed');
    assert.deepEqual((await participants(group)).sort(), [w.actors.tutor.id, w.actors.otherTutee.id].sort());
    const cancellations = s.mailer.sent.slice(sentBefore).filter((m) => /annul/i.test(m.subject));
    assert.deepEqual(
      cancellations.map((m) => m.to).sort(),
      [w.actors.tutor.email, w.actors.tutee.email].sort(),
    );
    for (const who of [w.actors.tutor.id, w.actors.tutee.id]) {
      const n = await notices(who);
      assert.equal(n.length, 1, `one notice for ${who}`);
      assert.doesNotMatch(`${n[0]?.title} ${n[0]?.body}`, /confidentiel/);
    }
  });

  test('completing is followed by the same consequences', async () => {
    const { w, cookie, single } = await world();
    const done = await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/transition`, { to: 'completed' });
    assert.equal(done.statusCode, 200, done.body);
    s.clock.advance(15 * MINUTE);
    await s.deliver();
    assert.equal(await status(single), 'cancelled');
  });

  test('an end undone within 15 minutes restores the pairing and changes nothing else', async () => {
    const { w, cookie, single, group } = await world();
    await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/transition`, { to: 'paused' });
    await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/transition`, { to: 'ended', reason: 'Erreur' });
    s.clock.advance(10 * MINUTE);
    const tutee = await sessionCookie(s.ctx, w.actors.tutee.id);
    assert.equal((await call(tutee, 'POST', `/api/pairings/${w.pairing.id}/undo-end`)).statusCode, 403);
    const undo = await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/undo-end`);
    assert.equal(undo.statusCode, 200, undo.body);
    const p = await s.db
      .selectFrom('pairings')
      .selectAll()
      .where('id', '=', w.pairing.id)
      .executeTakeFirstOrThrow();
    assert.equal(p.state, 'paused');
    assert.equal(p.ended_at, null);
    assert.equal(p.end_reason, null);
    s.clock.advance(10 * MINUTE);
    await s.deliver();
    assert.equal(await status(single), 'confirmed');
    assert.equal((await participants(group)).length, 3);
    assert.equal((await notices(w.actors.tutee.id)).length, 0);
    const history = (await call(cookie, 'GET', `/api/pairings/${w.pairing.id}/history`)).json();
    assert.equal(history.at(-1).kind, 'end-undone');
    // Nothing left to undo.
    assert.equal((await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/undo-end`)).statusCode, 409);
  });

  test('after 15 minutes the end can no longer be undone', async () => {
    const { w, cookie } = await world();
    await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/transition`, { to: 'ended', reason: 'Départ' });
    s.clock.advance(15 * MINUTE);
    const undo = await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/undo-end`);
    assert.equal(undo.statusCode, 409);
    assert.match(undo.json().error.message, /15 minutes/);
    s.clock.advance(-15 * MINUTE);
  });

  test('re-pairing the same two people keeps their meeting count', async () => {
    const { w, cookie } = await world();
    const t0 = s.clock.now();
    const held = (at: Date, pairing = w.pairing) => meeting(s.ctx, { pairing, at, createdAt: at });
    await held(new Date(t0.getTime() - 30 * DAY));
    await held(new Date(t0.getTime() - 20 * DAY));
    // Backdate the first pairing so its meetings fall within it.
    await s.db
      .updateTable('pairings')
      .set({ created_at: new Date(t0.getTime() - 40 * DAY).toISOString() })
      .where('id', '=', w.pairing.id)
      .execute();
    await call(cookie, 'POST', `/api/pairings/${w.pairing.id}/transition`, { to: 'ended', reason: 'Pause' });
    s.clock.advance(DAY);
    const again = await pair(s.ctx, w.programme, w.actors.tutor.id, w.actors.tutee.id);
    await held(new Date(s.clock.now().getTime() + DAY), again);
    s.clock.advance(2 * DAY);
    const now = s.clock.now().toISOString();
    const facts = await recordsActivitySource.facts(s.db, w.programme.id, { start: now, end: now, now });
    assert.equal(facts.get(again.id)?.meetingsTotal, 3);
    // The first pairing counts only what happened before it ended.
    assert.equal(facts.get(w.pairing.id)?.meetingsTotal, 2);
  });
});
