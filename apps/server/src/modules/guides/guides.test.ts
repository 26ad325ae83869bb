import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld, type World } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();
// biome-ignore lint/suspicious/noExplicitAny: JSON answers
type Json = any;

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const res = await s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as Json, raw: res.body };
}
const library = (w: World, who: keyof World['actors'] = 'tutee', orgId = w.orgId) =>
  call(w.actors[who].cookie, 'GET', `/api/orgs/${orgId}/guides`);
const byKey = (_w: World, orgId: string, key: string) =>
  s.db
    .selectFrom('guides')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('default_key', '=', key)
    .executeTakeFirstOrThrow();

describe('the guides library', () => {
  test('each organisation gets its own copy of the defaults, in its language; an edit changes only its own', async () => {
    const w = await createWorld(s.ctx);
    await s.db.updateTable('organisations').set({ locale: 'en' }).where('id', '=', w.otherOrgId).execute();
    const mine = await library(w);
    assert.equal(mine.status, 200, mine.raw);
    const themes = new Set(mine.body.guides?.map((g: Json) => g.theme));
    for (const t of [
      'first-meeting',
      'internship-choice',
      'maquette',
      'rsca',
      'thesis',
      'installation',
      'difficulty',
    ])
      assert.ok(themes.has(t), `a guide on ${t}`);
    const theirs = await library(w, 'otherOrgCoordinator', w.otherOrgId);
    assert.equal(theirs.status, 200, theirs.raw);
    assert.ok(
      theirs.body.guides?.some((g: Json) => g.title === 'Finding a thesis topic'),
      'in English',
    );

    const thesis = await byKey(w, w.orgId, 'sujet-de-these');
    const edited = await call(w.actors.coordinator.cookie, 'PUT', `/api/guides/${thesis.id}`, {
      theme: 'thesis',
      title: 'Sujet de thèse (Amiens)',
      when: 'Deuxième année',
      body: '## Étapes\n- Voir la cellule thèse du département',
    });
    assert.equal(edited.status, 200, edited.raw);
    assert.equal(edited.body.editedBy?.name, w.actors.coordinator.name);
    assert.equal(edited.body.updatedAt, s.clock.now().toISOString());
    const other = await byKey(w, w.otherOrgId, 'sujet-de-these');
    assert.equal(other.title, 'Finding a thesis topic', 'the other organisation’s copy is untouched');
    // A guide of another organisation does not exist for this one.
    assert.equal((await call(w.actors.tutee.cookie, 'GET', `/api/guides/${other.id}`)).status, 404);
    // The guide for a tutee in difficulty points to the well-being tutor's guide.
    const difficulty = await byKey(w, w.orgId, 'tutore-en-difficulte');
    const read = await call(w.actors.tutee.cookie, 'GET', `/api/guides/${difficulty.id}`);
    assert.equal(read.body.wellbeingGuide, `/organisations/${w.orgId}/aide`);
    assert.match(read.body.body, new RegExp(`/organisations/${w.orgId}/aide`));
  });

  test('archived guides leave the readers’ library; the coordination sees and restores them', async () => {
    const w = await createWorld(s.ctx);
    const g = await byKey(w, w.orgId, 'installation');
    const archived = await call(w.actors.coordinator.cookie, 'POST', `/api/guides/${g.id}/archive`, {
      archived: true,
    });
    assert.equal(archived.status, 200, archived.raw);
    assert.ok(!(await library(w)).body.guides?.some((x: Json) => x.id === g.id));
    assert.equal((await call(w.actors.tutor.cookie, 'GET', `/api/guides/${g.id}`)).status, 404);
    assert.ok((await library(w, 'coordinator')).body.guides?.some((x: Json) => x.id === g.id));
  });
});

describe('suggestions', () => {
  test('a tutor suggests a change; accepted, it becomes the guide and the tutor is told', async () => {
    const w = await createWorld(s.ctx);
    const g = await byKey(w, w.orgId, 'ecriture-rsca');
    const sent = await call(w.actors.otherTutor.cookie, 'POST', `/api/orgs/${w.orgId}/guide-suggestions`, {
      guideId: g.id,
      theme: 'rsca',
      title: 'Écrire un RSCA',
      when: g.when_to_use,
      body: `${g.body}\n- Relire la grille d’évaluation du département`,
      message: 'La grille aide beaucoup mes internes.',
    });
    assert.equal(sent.status, 201, sent.raw);
    await s.deliver();
    const told = await s.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', w.actors.coordinator.id)
      .execute();
    assert.ok(
      told.some((n) => n.title.includes('Écrire un RSCA')),
      'the coordination is told',
    );
    // The tutee may not suggest; the other tutor does not see this tutor's suggestions.
    const mine = await call(w.actors.tutor.cookie, 'GET', `/api/orgs/${w.orgId}/guide-suggestions`);
    assert.ok(!JSON.stringify(mine.body).includes('La grille aide'));

    const accepted = await call(
      w.actors.coordinator.cookie,
      'POST',
      `/api/guide-suggestions/${sent.body.id}/accept`,
    );
    assert.equal(accepted.status, 200, accepted.raw);
    assert.equal(accepted.body.state, 'accepted');
    const now = await call(w.actors.tutee.cookie, 'GET', `/api/guides/${g.id}`);
    assert.match(now.body.body, /grille d’évaluation/);
    assert.equal(now.body.editedBy?.name, w.actors.coordinator.name);
    await s.deliver();
    const notices = await s.db
      .selectFrom('notifications')
      .select(['title', 'link'])
      .where('user_id', '=', w.actors.otherTutor.id)
      .execute();
    assert.ok(notices.some((n) => n.link === `/guides/${g.id}` && n.title.includes('acceptée')));
    const again = await call(
      w.actors.coordinator.cookie,
      'POST',
      `/api/guide-suggestions/${sent.body.id}/decline`,
      { note: 'Non' },
    );
    assert.equal(again.status, 409);
  });

  test('a new guide suggested and declined with a note: the library is unchanged, the tutor told the note', async () => {
    const w = await createWorld(s.ctx);
    const before = (await library(w)).body.guides?.length;
    const sent = await call(w.actors.tutor.cookie, 'POST', `/api/orgs/${w.orgId}/guide-suggestions`, {
      guideId: null,
      theme: 'other',
      title: 'Préparer les gardes',
      when: 'Avant le premier semestre',
      body: '- Les repos de sécurité',
      message: 'Beaucoup de questions là-dessus.',
    });
    assert.equal(sent.status, 201, sent.raw);
    const declined = await call(
      w.actors.orgAdmin.cookie,
      'POST',
      `/api/guide-suggestions/${sent.body.id}/decline`,
      {
        note: 'Le département publie déjà ce guide.',
      },
    );
    assert.equal(declined.status, 200, declined.raw);
    assert.equal(declined.body.note, 'Le département publie déjà ce guide.');
    assert.equal((await library(w)).body.guides?.length, before);
    await s.deliver();
    const notices = await s.db
      .selectFrom('notifications')
      .select('body')
      .where('user_id', '=', w.actors.tutor.id)
      .execute();
    assert.ok(notices.some((n) => n.body.includes('Le département publie déjà ce guide.')));
  });
});

describe('guides attached to meetings', () => {
  test('the meeting form lists the library; the organiser reads the guide’s text; a former static id still works', async () => {
    const w = await createWorld(s.ctx);
    const list = await call(w.actors.tutor.cookie, 'GET', `/api/programmes/${w.programme.id}/meetings`);
    assert.equal(list.status, 200, list.raw);
    const thesis = await byKey(w, w.orgId, 'sujet-de-these');
    assert.ok(list.body.guides?.some((g: Json) => g.id === thesis.id));
    const start = new Date(s.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const make = (guideId: string) =>
      call(w.actors.tutor.cookie, 'POST', `/api/programmes/${w.programme.id}/meetings`, {
        title: 'Thèse',
        mode: 'in-person',
        durationMinutes: 60,
        guideId,
        participantIds: [w.actors.tutee.id],
        options: [{ start }],
      });
    const created = await make(thesis.id);
    assert.equal(created.status, 201, created.raw);
    const organiser = await call(w.actors.tutor.cookie, 'GET', `/api/meetings/${created.body.id}`);
    assert.equal(organiser.body.guide?.id, thesis.id);
    assert.match(organiser.body.guide?.body ?? '', /directeur ou de directrice/);
    const participant = await call(w.actors.tutee.cookie, 'GET', `/api/meetings/${created.body.id}`);
    assert.equal(participant.body.guide?.title, thesis.title);
    assert.equal(participant.body.guide?.body, null, 'the text is the organiser’s');

    // A meeting made before the library stored the static id: it reads the organisation's copy.
    await s.db
      .updateTable('meetings')
      .set({ guide_id: 'sujet-de-these' })
      .where('id', '=', created.body.id)
      .execute();
    const legacy = await call(w.actors.tutor.cookie, 'GET', `/api/meetings/${created.body.id}`);
    assert.equal(legacy.body.guide?.id, thesis.id);
    const byOldId = await make('premiere-rencontre');
    assert.equal(byOldId.status, 201, byOldId.raw);
    const stored = await s.db
      .selectFrom('meetings')
      .select('guide_id')
      .where('id', '=', byOldId.body.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.guide_id, (await byKey(w, w.orgId, 'premiere-rencontre')).id);
    assert.equal((await make('no-such-guide')).status, 400);
  });
});
