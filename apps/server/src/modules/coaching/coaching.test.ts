import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, createOrg, createProgramme, createUser } from '../../test/factories.ts';
import { coaching, tutorSince } from '../../test/factories-coaching.ts';
import { team } from '../../test/factories-teams.ts';
import { setupTestServer } from '../../test/harness.ts';
import { erasePerson } from '../rights/erase.ts';
import { coachingSweep } from './sweep.ts';

const server = await setupTestServer();
// The harness's clock: 16 November 2026, 10:00 in Paris.
const DAY = 86_400_000;
const ago = (days: number) => new Date(server.clock.now().getTime() - days * DAY);

type Method = 'GET' | 'POST';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/**
 * A department: Ancienne and Aîné have tutored for three and two years (Aîné in the team of the
 * newcomer Nouvelle), Nouvelle and Novice started two months ago; a tutee and another organisation.
 */
async function department() {
  const orgId = await createOrg(server.ctx, 'DMG de test');
  const programme = await createProgramme(server.ctx, orgId);
  const coordinator = await createUser(server.ctx, orgId, { name: 'Coordinatrice' });
  await addMember(server.ctx, programme, coordinator.id, 'coordinator');
  const tutor = async (name: string, days: number, phone?: string) => {
    const u = await createUser(server.ctx, orgId, { name, ...(phone ? { phone, sharePhone: true } : {}) });
    await addMember(server.ctx, programme, u.id, 'tutor', 4);
    await tutorSince(server.ctx, u.id, ago(days));
    return u;
  };
  const ancienne = await tutor('Ancienne', 3 * 365, '+33611111111');
  const aine = await tutor('Aîné', 2 * 365, '+33622222222');
  const nouvelle = await tutor('Nouvelle', 60, '+33633333333');
  const novice = await tutor('Novice', 60);
  await team(server.ctx, { programme, memberIds: [aine.id, nouvelle.id] });
  const tutee = await createUser(server.ctx, orgId, { name: 'Interne' });
  await addMember(server.ctx, programme, tutee.id, 'tutee');
  const otherOrg = await createOrg(server.ctx, 'Autre DMG');
  const stranger = await createUser(server.ctx, otherOrg, { name: 'Ailleurs', admin: true });
  return { orgId, programme, coordinator, ancienne, aine, nouvelle, novice, tutee, stranger };
}
type Department = Awaited<ReturnType<typeof department>>;

const page = async (d: Department, cookie: string) =>
  call(cookie, 'GET', `/api/programmes/${d.programme.id}/coaching`);

async function noticesOf(userId: string) {
  return server.db
    .selectFrom('notifications')
    .select(['title', 'body'])
    .where('user_id', '=', userId)
    .execute();
}

describe('pairing a new tutor with an experienced one', () => {
  test('the coordination sees the first-year tutors, a teammate proposed; both tutors are told and reach each other', async () => {
    const d = await department();
    const view = (await page(d, d.coordinator.cookie)).json();
    assert.deepEqual(
      view.manage.newTutors.map((t: { name: string }) => t.name),
      ['Nouvelle', 'Novice'],
    );
    assert.deepEqual(
      view.manage.coaches.map((t: { name: string }) => t.name),
      ['Aîné', 'Ancienne'],
    );
    const nouvelle = view.manage.newTutors.find((t: { id: string }) => t.id === d.nouvelle.id);
    // Aîné is in Nouvelle's team: proposed before Ancienne.
    assert.equal(nouvelle.proposedCoachId, d.aine.id);

    const made = await call(d.coordinator.cookie, 'POST', `/api/programmes/${d.programme.id}/coaching`, {
      newTutorId: d.nouvelle.id,
      coachId: d.aine.id,
    });
    assert.equal(made.statusCode, 201, made.body);
    await server.deliver();
    const [toNew] = await noticesOf(d.nouvelle.id);
    assert.equal(toNew?.title, 'Votre tuteur·rice référent·e : Aîné');
    assert.match(toNew?.body ?? '', /jusqu’au 16 novembre 2027/);
    const [toCoach] = await noticesOf(d.aine.id);
    assert.equal(toCoach?.title, 'Vous accompagnez Nouvelle, nouveau·elle tuteur·rice');

    const mineNew = (await page(d, d.nouvelle.cookie)).json();
    assert.equal(mineNew.manage, null);
    assert.deepEqual(mineNew.mine[0].person, {
      id: d.aine.id,
      name: 'Aîné',
      email: d.aine.email,
      phone: '+33622222222',
    });
    assert.equal(mineNew.mine[0].role, 'newTutor');
    const mineCoach = (await page(d, d.aine.cookie)).json();
    assert.equal(mineCoach.mine[0].person.email, d.nouvelle.email);
    assert.equal(mineCoach.mine[0].role, 'coach');

    // Another tutor learns nothing of it, the tutee is refused the page, another organisation sees nothing.
    const other = (await page(d, d.ancienne.cookie)).json();
    assert.deepEqual(other.mine, []);
    assert.equal(other.manage, null);
    assert.equal(JSON.stringify(other).includes(d.nouvelle.email), false);
    assert.equal((await page(d, d.tutee.cookie)).statusCode, 403);
    assert.equal((await page(d, d.stranger.cookie)).statusCode, 404);

    const after = (await page(d, d.coordinator.cookie)).json();
    const paired = after.manage.newTutors.find((t: { id: string }) => t.id === d.nouvelle.id);
    assert.equal(paired.coaching.coach.name, 'Aîné');
    assert.equal(after.manage.coaches.find((c: { id: string }) => c.id === d.aine.id).coaching, 1);
    // The next new tutor is proposed the coach with nobody to coach yet.
    const novice = after.manage.newTutors.find((t: { id: string }) => t.id === d.novice.id);
    assert.equal(novice.proposedCoachId, d.ancienne.id);
  });

  test('refusals name who and why, in the reader’s language, and change nothing', async () => {
    const d = await department();
    const url = `/api/programmes/${d.programme.id}/coaching`;
    const ask = (newTutorId: string, coachId: string) =>
      call(d.coordinator.cookie, 'POST', url, { newTutorId, coachId });
    const coachNew = await ask(d.novice.id, d.nouvelle.id);
    assert.equal(coachNew.statusCode, 409);
    assert.match(coachNew.json().error.message, /Nouvelle est tuteur·rice depuis le 17 septembre 2026/);
    const notNew = await ask(d.ancienne.id, d.aine.id);
    assert.equal(notNew.statusCode, 409);
    assert.match(notNew.json().error.message, /première année/);
    assert.equal((await ask(d.aine.id, d.aine.id)).statusCode, 400);
    assert.equal((await ask(d.tutee.id, d.aine.id)).statusCode, 400);
    assert.equal((await ask(d.novice.id, d.ancienne.id)).statusCode, 201);
    const again = await ask(d.novice.id, d.aine.id);
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /Novice est déjà accompagné·e par Ancienne/);
    const count = await server.db
      .selectFrom('tutor_coachings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('programme_id', '=', d.programme.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
    // A tutor may not pair anyone.
    assert.equal(
      (await call(d.aine.cookie, 'POST', url, { newTutorId: d.nouvelle.id, coachId: d.aine.id })).statusCode,
      403,
    );
  });

  test('the coach and the new tutor invite each other to a meeting', async () => {
    const d = await department();
    await coaching(server.ctx, { programme: d.programme, coachId: d.ancienne.id, newTutorId: d.novice.id });
    const candidates = async (cookie: string) =>
      (await call(cookie, 'GET', `/api/programmes/${d.programme.id}/meetings`)).json().candidates as {
        id: string;
        role: string;
      }[];
    assert.deepEqual(
      (await candidates(d.ancienne.cookie)).map((c) => [c.id, c.role]),
      [[d.novice.id, 'coaching']],
    );
    assert.deepEqual(
      (await candidates(d.novice.cookie)).map((c) => [c.id, c.role]),
      [[d.ancienne.id, 'coaching']],
    );
    assert.equal(
      (await candidates(d.aine.cookie)).some((c) => c.id === d.novice.id),
      false,
    );
  });
});

describe('the end of a coaching', () => {
  test('one of the two ends it early with a note: the other is told, once', async () => {
    const d = await department();
    const id = await coaching(server.ctx, {
      programme: d.programme,
      coachId: d.ancienne.id,
      newTutorId: d.novice.id,
    });
    const end = (cookie: string) =>
      call(cookie, 'POST', `/api/coaching/${id}/end`, { note: 'Je change de région.' });
    assert.equal((await end(d.aine.cookie)).statusCode, 404);
    assert.equal((await end(d.tutee.cookie)).statusCode, 404);
    assert.equal((await end(d.novice.cookie)).statusCode, 200);
    assert.equal((await end(d.novice.cookie)).statusCode, 409);
    await server.deliver();
    const told = await noticesOf(d.ancienne.id);
    assert.equal(told.length, 1);
    assert.match(told[0]?.body ?? '', /Novice a mis fin .* Son message : « Je change de région. »/);
    assert.equal((await noticesOf(d.novice.id)).length, 0);
    const view = (await page(d, d.coordinator.cookie)).json();
    assert.equal(view.manage.ended[0].reason, 'ended');
    assert.equal(view.manage.ended[0].note, 'Je change de région.');
  });

  test('after its year the sweep ends it and tells both, once however often it runs', async () => {
    const d = await department();
    const id = await coaching(server.ctx, {
      programme: d.programme,
      coachId: d.ancienne.id,
      newTutorId: d.novice.id,
      startedAt: ago(366),
    });
    const run = () =>
      coachingSweep.handler({
        ctx: server.ctx,
        now: server.clock.now(),
        payload: {},
        job: { id: 'x', attempt: 1 },
      });
    await run();
    await run();
    await server.deliver();
    for (const u of [d.ancienne, d.novice]) {
      const told = await noticesOf(u.id);
      assert.deepEqual(
        told.map((n) => n.title),
        ['Un an d’accompagnement : c’est terminé'],
      );
    }
    const row = await server.db
      .selectFrom('tutor_coachings')
      .select(['ended_at', 'end_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.end_reason, 'completed');
    assert.deepEqual((await page(d, d.novice.cookie)).json().mine, []);
  });

  test('export lists a coaching; erasure ends it and empties the note its author wrote', async () => {
    const d = await department();
    const id = await coaching(server.ctx, {
      programme: d.programme,
      coachId: d.ancienne.id,
      newTutorId: d.novice.id,
    });
    const exported = (await call(d.novice.cookie, 'GET', '/api/me/data/export.json')).json();
    assert.equal(exported.coachings[0].coach, 'Ancienne');
    await call(d.ancienne.cookie, 'POST', `/api/coaching/${id}/end`, { note: 'Merci pour cette année.' });
    const other = await coaching(server.ctx, {
      programme: d.programme,
      coachId: d.ancienne.id,
      newTutorId: d.nouvelle.id,
    });
    await server.db.transaction().execute((trx) => erasePerson(trx, d.ancienne.id, server.clock.now()));
    const rows = await server.db
      .selectFrom('tutor_coachings')
      .select(['id', 'end_reason', 'end_note'])
      .where('id', 'in', [id, other])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get(id)?.end_note, null);
    assert.equal(byId.get(other)?.end_reason, 'erased');
  });
});
