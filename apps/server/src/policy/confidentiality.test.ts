import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld, meeting, type World } from '../test/factories.ts';
import { setupTestServer } from '../test/harness.ts';
import { type Access, access, type Relation, recordKinds, table } from './confidentiality.ts';

// Each row of the table, enforced: for every relation the world can stand in, a request as that
// viewer, and what came back matches what the table says. Changing a cell of the table without
// the code (or the code without the table) fails here.

const s = await setupTestServer();

const get = (cookie: string, url: string) => s.app.inject({ method: 'GET', url, headers: { cookie } });

/** One viewer of the world for each relation to the tutee (or, for `ownTutor`, to the tutor). */
const viewers = (w: World): [Relation, { cookie: string }][] => [
  ['self', w.actors.tutee],
  ['tutor', w.actors.tutor],
  ['otherTutor', w.actors.otherTutor],
  ['coordinator', w.actors.coordinator],
  ['coordinator', w.actors.orgAdmin],
  ['expert', w.actors.expert],
  ['peer', w.actors.otherTutee],
  ['none', w.actors.otherOrgCoordinator],
];

test('the table covers exactly the records the product keeps', () => {
  assert.deepEqual(Object.keys(table).sort(), [...recordKinds].sort());
});

describe('profile and contact details', () => {
  /** What a viewer got of a person in the programme's people list. */
  async function seen(cookie: string, w: World, subjectId: string): Promise<Access> {
    const res = await get(cookie, `/api/programmes/${w.programme.id}/people`);
    if (res.statusCode === 404) return 'none';
    assert.equal(res.statusCode, 200, res.body);
    const person = (res.json() as { userId: string; email?: string }[]).find((p) => p.userId === subjectId);
    if (!person) return 'none';
    return person.email ? 'full' : 'nameOnly';
  }

  test('each relation sees what its cell says, in the people list', async () => {
    const w = await createWorld(s.ctx);
    for (const [relation, viewer] of viewers(w)) {
      assert.equal(await seen(viewer.cookie, w, w.actors.tutee.id), access('profile', relation), relation);
    }
    assert.equal(await seen(w.actors.tutee.cookie, w, w.actors.tutor.id), access('profile', 'ownTutor'));
  });

  test('a phone reaches a tutor or a tutee only with its owner’s consent; a coordinator always', async () => {
    const w = await createWorld(s.ctx);
    // The other tutee did not consent to share their phone.
    const phoneOf = async (cookie: string) => {
      const res = await get(cookie, `/api/programmes/${w.programme.id}/people`);
      const list = res.json() as { userId: string; phone?: string | null }[];
      return list.find((p) => p.userId === w.actors.otherTutee.id)?.phone ?? null;
    };
    assert.equal(await phoneOf(w.actors.otherTutor.cookie), null, 'their own tutor, without consent');
    assert.equal(await phoneOf(w.actors.coordinator.cookie), '+33699887766');
    assert.equal(await phoneOf(w.actors.otherTutee.cookie), '+33699887766', 'their own');
  });

  test('the matching page gives the counterpart’s contact by the same rule, and takes it back when the pair ends', async () => {
    const w = await createWorld(s.ctx);
    const counterpart = async () => {
      const res = await get(w.actors.tutee.cookie, `/api/programmes/${w.programme.id}/matching/mine`);
      assert.equal(res.statusCode, 200, res.body);
      const mine = res.json() as { pairings: { id: string; counterpart: { email: string | null } }[] };
      return mine.pairings.find((p) => p.id === w.pairing.id)?.counterpart;
    };
    assert.equal(access('profile', 'ownTutor'), 'full');
    assert.equal((await counterpart())?.email, w.actors.tutor.email);
    await s.db
      .updateTable('pairings')
      .set({ state: 'ended', end_reason: 'moved' })
      .where('id', '=', w.pairing.id)
      .execute();
    // A former tutor is one more tutor of the programme: their name, no contact.
    assert.equal(access('profile', 'peer'), 'nameOnly');
    assert.equal((await counterpart())?.email, null);
  });
});

describe('meeting metadata', () => {
  test('each relation sees the meeting, or is told it does not exist, as its cell says', async () => {
    const w = await createWorld(s.ctx);
    const { id } = await meeting(s.ctx, {
      pairing: w.pairing,
      at: new Date(s.clock.now().getTime() - 86_400_000),
    });
    for (const [relation, viewer] of viewers(w)) {
      const res = await get(viewer.cookie, `/api/meetings/${id}`);
      const seen: Access = res.statusCode === 200 ? 'full' : 'none';
      if (seen === 'none') assert.equal(res.statusCode, 404, `${relation}: ${res.body}`);
      assert.equal(seen, access('meetingMeta', relation), relation);
    }
  });
});

describe('meeting report content', () => {
  test('the tutor reads it; the tutee and the coordinator as the programme’s setting says; nobody else', async () => {
    const w = await createWorld(s.ctx);
    const at = new Date(s.clock.now().getTime() - 86_400_000);
    const { id } = await meeting(s.ctx, { pairing: w.pairing, at });
    await s.db
      .insertInto('meeting_reports')
      .values({
        meeting_id: id,
        author_id: w.actors.tutor.id,
        status: 'filed',
        duration_minutes: 60,
        content: JSON.stringify({
          place: 'Cabinet',
          themes: 'Choix de stage',
          problems: '',
          conclusions: '',
          remarks: '',
          nextMeetingDate: null,
        }),
        updated_at: at.toISOString(),
        filed_at: at.toISOString(),
      })
      .execute();
    const rules = (
      await s.db
        .selectFrom('programmes')
        .select('rules')
        .where('id', '=', w.programme.id)
        .executeTakeFirstOrThrow()
    ).rules;
    for (const setting of [
      { tutee: true, coordinator: false },
      { tutee: false, coordinator: true },
    ]) {
      await s.db
        .updateTable('programmes')
        .set({ rules: JSON.stringify({ ...JSON.parse(rules), reportVisibility: setting }) })
        .where('id', '=', w.programme.id)
        .execute();
      for (const [relation, viewer] of viewers(w)) {
        const res = await get(viewer.cookie, `/api/meetings/${id}/report`);
        const read = res.statusCode === 200 && (res.json() as { content: unknown }).content !== null;
        const cell = access('reportContent', relation);
        const expected =
          cell === 'setting'
            ? relation === 'coordinator'
              ? setting.coordinator
              : setting.tutee
            : cell === 'full';
        assert.equal(
          read,
          expected,
          `${relation} with ${JSON.stringify(setting)}: ${res.body.slice(0, 200)}`,
        );
        // The meeting page offers the report by the same rule.
        const page = await get(viewer.cookie, `/api/meetings/${id}`);
        if (page.statusCode === 200) assert.equal(page.json().actions.viewReport, expected, relation);
      }
    }
  });
});
