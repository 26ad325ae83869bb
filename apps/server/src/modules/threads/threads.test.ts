import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld, type World } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import { purgeExpired } from '../retention/purge.ts';
import { erasePerson } from '../rights/erase.ts';

const s = await setupTestServer();
const NOW = new Date('2026-11-16T09:00:00Z');

async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}
const write = (w: World, who: 'tutor' | 'tutee', body: string) =>
  call(w.actors[who].cookie, 'POST', `/api/pairings/${w.pairing.id}/messages`, { body });
const read = (cookie: string, w: World) => call(cookie, 'GET', `/api/pairings/${w.pairing.id}/messages`);

async function noticesOf(userId: string) {
  await s.deliver();
  return s.db
    .selectFrom('notifications')
    .select(['title', 'body', 'link'])
    .where('user_id', '=', userId)
    .where('link', 'like', '/echanges/%')
    .execute();
}

const unreadFor = async (w: World, who: 'tutor' | 'tutee') => {
  const res = await call(w.actors[who].cookie, 'GET', '/api/me/threads');
  assert.equal(res.statusCode, 200, res.body);
  const t = (res.json().threads as { pairingId: string; unread: number }[]).find(
    (x) => x.pairingId === w.pairing.id,
  );
  return t?.unread;
};

describe('a pair’s thread', () => {
  test('the tutee writes to the tutor at any time; a run of messages brings one notice, without the text', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    assert.equal(
      (await write(w, 'tutee', 'Bonjour, je voudrais vous parler de mes gardes.')).statusCode,
      201,
    );
    assert.equal((await write(w, 'tutee', 'Surtout celles du week-end.')).statusCode, 201);
    const notices = await noticesOf(w.actors.tutor.id);
    assert.equal(notices.length, 1, 'one notice for two unread messages');
    assert.equal(notices[0]?.link, `/echanges/${w.pairing.id}`);
    assert.ok(!JSON.stringify(notices).includes('gardes'), 'the notice never carries the text');
    assert.equal(await unreadFor(w, 'tutor'), 2);

    const thread = await read(w.actors.tutor.cookie, w);
    assert.equal(thread.statusCode, 200, thread.body);
    const view = thread.json();
    assert.equal(view.other.id, w.actors.tutee.id);
    assert.equal(view.open, true);
    assert.deepEqual(
      view.messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine]),
      [
        ['Bonjour, je voudrais vous parler de mes gardes.', false],
        ['Surtout celles du week-end.', false],
      ],
    );
    assert.equal(await unreadFor(w, 'tutor'), 0, 'reading marks the thread read');

    // Once read, the next message is told again; the tutee hears of the tutor's answer.
    s.clock.set(new Date(NOW.getTime() + 60_000));
    await write(w, 'tutor', 'Bien sûr, appelons-nous jeudi.');
    assert.equal((await noticesOf(w.actors.tutee.id)).length, 1);
    s.clock.set(new Date(NOW.getTime() + 120_000));
    await write(w, 'tutee', 'Merci !');
    assert.equal((await noticesOf(w.actors.tutor.id)).length, 2);
  });

  test('only its two people read or write it; anyone else is told it does not exist', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    await write(w, 'tutee', 'Un message pour mon tuteur seulement.');
    const others = [
      w.actors.otherTutor,
      w.actors.otherTutee,
      w.actors.coordinator,
      w.actors.orgAdmin,
      w.actors.expert,
      w.actors.otherOrgCoordinator,
    ];
    for (const viewer of others) {
      const got = await read(viewer.cookie, w);
      assert.equal(got.statusCode, 404, got.body);
      assert.ok(!got.body.includes('tuteur seulement'));
      const posted = await call(viewer.cookie, 'POST', `/api/pairings/${w.pairing.id}/messages`, {
        body: 'x',
      });
      assert.equal(posted.statusCode, 404, posted.body);
      const mine = await call(viewer.cookie, 'GET', '/api/me/threads');
      assert.ok(!mine.body.includes(w.pairing.id));
    }
  });

  test('an empty message is refused with a clear message and nothing is written', async () => {
    const w = await createWorld(s.ctx);
    const res = await write(w, 'tutee', '   ');
    assert.equal(res.statusCode, 400, res.body);
    const rows = await s.db
      .selectFrom('pair_messages')
      .select('id')
      .where('pairing_id', '=', w.pairing.id)
      .execute();
    assert.equal(rows.length, 0);
  });

  test('after the pair ends the thread is read, not written', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    await write(w, 'tutee', 'Merci pour cette année.');
    await s.db
      .updateTable('pairings')
      .set({ state: 'completed', ended_at: NOW.toISOString() })
      .where('id', '=', w.pairing.id)
      .execute();
    const res = await write(w, 'tutor', 'Avec plaisir.');
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'thread_closed');
    const fr = await s.app.inject({
      method: 'POST',
      url: `/api/pairings/${w.pairing.id}/messages`,
      headers: { cookie: w.actors.tutor.cookie, 'accept-language': 'fr' },
      payload: { body: 'Avec plaisir.' },
    });
    assert.match(fr.json().error.message, /a pris fin/);
    const view = (await read(w.actors.tutor.cookie, w)).json();
    assert.equal(view.open, false);
    assert.equal(view.messages.length, 1);
  });
});

describe('pair threads in data rights and retention', () => {
  test('the export holds what was written and received; erasure empties what the person wrote', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    await write(w, 'tutee', 'Ma question sur le portfolio.');
    await write(w, 'tutor', 'Ma réponse sur le portfolio.');
    const exported = await call(w.actors.tutor.cookie, 'GET', '/api/me/data/export.json');
    assert.equal(exported.statusCode, 200);
    const bodies = (exported.json().pairMessages as { body: string }[]).map((m) => m.body);
    assert.deepEqual(bodies, ['Ma question sur le portfolio.', 'Ma réponse sur le portfolio.']);

    await s.db.transaction().execute((trx) => erasePerson(trx, w.actors.tutee.id, NOW));
    const view = (await read(w.actors.tutor.cookie, w)).json();
    assert.deepEqual(
      view.messages.map((m: { body: string; erased: boolean }) => [m.body, m.erased]),
      [
        ['', true],
        ['Ma réponse sur le portfolio.', false],
      ],
    );
  });

  test('the thread of a pair ended longer ago than the organisation keeps pairs’ records is removed', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    await write(w, 'tutee', 'Un vieux message.');
    await s.db
      .updateTable('pairings')
      .set({ state: 'ended', ended_at: '2022-01-10T10:00:00.000Z' })
      .where('id', '=', w.pairing.id)
      .execute();
    const live = await createWorld(s.ctx);
    await write(live, 'tutee', 'Un message d’un binôme en cours.');
    const purged = await purgeExpired(s.db, NOW);
    assert.ok(purged.pairMessages >= 1);
    const left = async (pairingId: string) =>
      (await s.db.selectFrom('pair_messages').select('id').where('pairing_id', '=', pairingId).execute())
        .length;
    assert.equal(await left(w.pairing.id), 0);
    assert.equal(await left(live.pairing.id), 1);
  });
});
