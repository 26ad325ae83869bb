import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { visibilityColumns } from '../modules/meetings/reports.ts';
import { createWorld, meeting, type World } from '../test/factories.ts';
import { absence } from '../test/factories-absences.ts';
import { createCoachingWorld } from '../test/factories-coaching.ts';
import { createFeedbackWorld, type FeedbackWorld } from '../test/factories-feedback.ts';
import { createNetworkWorld, type NetworkWorld } from '../test/factories-networks.ts';
import { joinRequest } from '../test/factories-requests.ts';
import { endReview } from '../test/factories-reviews.ts';
import { createTeamWorld, type TeamWorld } from '../test/factories-teams.ts';
import { sessionCookie, setupTestServer } from '../test/harness.ts';
import { type Access, access, type Relation, recordKinds, table } from './confidentiality.ts';
import { type NetworkRelation, networkReadable, networkTable } from './confidentiality-networks.ts';
import {
  type CoachingRelation,
  coachingReadable,
  type TeamRelation,
  teamReadable,
  teamTable,
} from './confidentiality-teams.ts';

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
  test('the tutor reads it; the tutee and the coordinator as the report’s visibility says; nobody else', async () => {
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
        ...visibilityColumns({ tutee: false, coordinator: false }),
      })
      .execute();
    for (const setting of [
      { tutee: true, coordinator: false },
      { tutee: false, coordinator: true },
    ]) {
      // As filed under this setting of the programme (a report keeps the visibility it was filed with).
      await s.db
        .updateTable('meeting_reports')
        .set(visibilityColumns(setting))
        .where('meeting_id', '=', id)
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

describe('a change of a confidentiality rule', () => {
  const send = (cookie: string, method: 'PUT' | 'PATCH', url: string, payload: object) =>
    s.app.inject({ method, url, headers: { cookie }, payload });

  /** A meeting of the world's pair held yesterday, its report filed by the tutor through the API. */
  async function filedReport(w: World, themes: string) {
    const { id } = await meeting(s.ctx, {
      pairing: w.pairing,
      at: new Date(s.clock.now().getTime() - 86_400_000),
    });
    const res = await send(w.actors.tutor.cookie, 'PUT', `/api/meetings/${id}/report`, {
      attendance: [{ userId: w.actors.tutee.id, status: 'present' }],
      durationMinutes: 45,
      content: { themes },
      file: true,
    });
    assert.equal(res.statusCode, 200, res.body);
    return id;
  }
  /** The report's content as the viewer gets it, null when hidden; and whether the meeting offers it. */
  async function readAs(cookie: string, meetingId: string) {
    const res = await get(cookie, `/api/meetings/${meetingId}/report`);
    assert.equal(res.statusCode, 200, res.body);
    const page = await get(cookie, `/api/meetings/${meetingId}`);
    assert.equal(page.statusCode, 200, page.body);
    const content = (res.json() as { content: { themes: string } | null }).content;
    return { themes: content?.themes ?? null, offered: page.json().actions.viewReport as boolean };
  }
  async function setCoordinatorVisibility(w: World, coordinator: boolean) {
    const p = (await get(w.actors.coordinator.cookie, `/api/programmes/${w.programme.id}`)).json();
    const rules = { ...p.rules, reportVisibility: { ...p.rules.reportVisibility, coordinator } };
    const res = await send(w.actors.coordinator.cookie, 'PATCH', `/api/programmes/${w.programme.id}`, {
      rules,
    });
    assert.equal(res.statusCode, 200, res.body);
  }

  test('switching coordinator visibility on reads no past report; a report keeps the visibility it was filed with', async () => {
    const w = await createWorld(s.ctx);
    const coordinator = w.actors.coordinator.cookie;
    const before = await filedReport(w, 'Difficultés personnelles confidentielles');
    assert.deepEqual(await readAs(coordinator, before), { themes: null, offered: false });

    // The attack: the coordinator turns the rule on to read past reports.
    await setCoordinatorVisibility(w, true);
    assert.deepEqual(await readAs(coordinator, before), { themes: null, offered: false }, 'still hidden');
    // Its author editing it after the change does not widen it either.
    const edit = await send(w.actors.tutor.cookie, 'PUT', `/api/meetings/${before}/report`, {
      attendance: [{ userId: w.actors.tutee.id, status: 'present' }],
      durationMinutes: 50,
      content: { themes: 'Difficultés personnelles confidentielles (relu)' },
      file: true,
    });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.equal((await readAs(coordinator, before)).themes, null);
    assert.equal(
      (await readAs(w.actors.tutor.cookie, before)).themes,
      'Difficultés personnelles confidentielles (relu)',
    );

    // A report filed after the change follows the new rule.
    const after = await filedReport(w, 'Choix de stage');
    assert.deepEqual(await readAs(coordinator, after), { themes: 'Choix de stage', offered: true });

    // Switching back applies to later reports: the one filed in between stays as it was filed.
    await setCoordinatorVisibility(w, false);
    assert.deepEqual(await readAs(coordinator, after), { themes: 'Choix de stage', offered: true });
    assert.deepEqual(await readAs(coordinator, before), { themes: null, offered: false });
    const later = await filedReport(w, 'Thèse');
    assert.deepEqual(await readAs(coordinator, later), { themes: null, offered: false });
    // The tutee's own visibility (on in this programme) was never touched.
    assert.equal(
      (await readAs(w.actors.tutee.cookie, before)).themes,
      'Difficultés personnelles confidentielles (relu)',
    );
  });

  test('is announced to every member of the programme, in their language, and audited with before and after', async () => {
    const w = await createWorld(s.ctx);
    await s.db.updateTable('users').set({ locale: 'en' }).where('id', '=', w.actors.otherTutee.id).execute();
    const jobsBefore = await s.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', 'notify.send')
      .executeTakeFirstOrThrow();
    // Other rules change nothing of who sees what: no announcement.
    const p = (await get(w.actors.coordinator.cookie, `/api/programmes/${w.programme.id}`)).json();
    const other = await send(w.actors.coordinator.cookie, 'PATCH', `/api/programmes/${w.programme.id}`, {
      rules: { ...p.rules, contactEveryDays: 60 },
    });
    assert.equal(other.statusCode, 200, other.body);
    const jobsAfterOther = await s.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', 'notify.send')
      .executeTakeFirstOrThrow();
    assert.equal(Number(jobsAfterOther.n), Number(jobsBefore.n));

    await setCoordinatorVisibility(w, true);
    await s.deliver();
    const members = [
      w.actors.tutor,
      w.actors.otherTutor,
      w.actors.tutee,
      w.actors.otherTutee,
      w.actors.expert,
    ];
    for (const m of members) {
      const notes = await s.db.selectFrom('notifications').selectAll().where('user_id', '=', m.id).execute();
      assert.equal(notes.length, 1, m.email);
      const mails = s.mailer.sent.filter((x) => x.to === m.email);
      assert.equal(mails.length, 1, m.email);
      if (m === w.actors.otherTutee)
        assert.match(mails[0]?.text ?? '', /coordination.*read|filed from now on/i);
      else assert.match(notes[0]?.body ?? '', /comptes rendus/);
    }
    // The coordinator who made the change is not told about it.
    const own = await s.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', w.actors.coordinator.id)
      .execute();
    assert.equal(own.length, 0);

    const entries = await s.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', w.programme.id)
      .where('action', '=', 'programme.confidentiality_changed')
      .execute();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.actor_id, w.actors.coordinator.id);
    assert.deepEqual(JSON.parse(entries[0]?.meta ?? '{}'), {
      before: { reportVisibility: { tutee: true, coordinator: false } },
      after: { reportVisibility: { tutee: true, coordinator: true } },
    });
  });
});

describe('well-being check-in answers', () => {
  test('the tutee reads all, their tutor what is not hidden and no score, coordinators aggregates, nobody else anything', async () => {
    const w = await createWorld(s.ctx);
    await s.db
      .updateTable('checkin_answers')
      .set({ hidden: 1 })
      .where('checkin_id', '=', w.wellbeing.checkinId)
      .where('question', '=', 'note')
      .execute();
    for (const [relation, viewer] of viewers(w)) {
      const res = await get(
        viewer.cookie,
        `/api/programmes/${w.programme.id}/people/${w.actors.tutee.id}/checkins`,
      );
      let seen: Access = 'none';
      if (res.statusCode === 200) {
        const c = (res.json() as { checkins: { percent: number | null; answers: { question: string }[] }[] })
          .checkins[0];
        const hiddenShown = c?.answers.some((a) => a.question === 'note');
        seen = c?.percent !== null && hiddenShown ? 'full' : 'unlessHidden';
      } else {
        assert.equal(res.statusCode, 404, `${relation}: ${res.body}`);
        const summary = await get(viewer.cookie, `/api/programmes/${w.programme.id}/wellbeing/summary`);
        if (summary.statusCode === 200) {
          assert.equal(summary.json().shown, false, 'fewer than five people: withheld');
          assert.ok(!summary.body.includes(w.actors.tutee.id));
          seen = 'aggregate';
        }
      }
      assert.equal(seen, access('checkIn', relation), relation);
    }
  });
});

describe('escalations (difficulties raised to the coordination)', () => {
  const raise = async (cookie: string, w: World, anonymised: boolean) => {
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/difficulties`,
      headers: { cookie },
      payload: {
        category: 'internship',
        scope: 'individual',
        description: 'Aucun encadrement dans le service depuis trois semaines.',
        anonymised,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };

  test('each relation to its author reads it as its cell says; the coordination without the name when anonymised', async () => {
    const w = await createWorld(s.ctx);
    for (const anonymised of [true, false]) {
      const id = await raise(w.actors.tutee.cookie, w, anonymised);
      for (const [relation, viewer] of viewers(w)) {
        const res = await get(viewer.cookie, `/api/difficulties/${id}`);
        const cell = access('escalation', relation);
        // 'own' is what one raised oneself: never the tutee's, for their tutor.
        const readable = cell === 'full' || cell === 'anonymised';
        assert.equal(res.statusCode, readable ? 200 : 404, `${relation}: ${res.body.slice(0, 200)}`);
        if (!readable) continue;
        const named = (res.json() as { author: { id: string } | null }).author?.id === w.actors.tutee.id;
        assert.equal(named, cell === 'full' || !anonymised, `${relation}, anonymised: ${anonymised}`);
        assert.ok(!anonymised || cell === 'full' || !res.body.includes(w.actors.tutee.email));
      }
    }
  });

  test('a tutor reads the difficulties they raised (own); their tutee does not', async () => {
    const w = await createWorld(s.ctx);
    assert.equal(access('escalation', 'tutor'), 'own');
    const id = await raise(w.actors.tutor.cookie, w, false);
    assert.equal((await get(w.actors.tutor.cookie, `/api/difficulties/${id}`)).statusCode, 200);
    assert.equal(access('escalation', 'ownTutor'), 'none');
    assert.equal((await get(w.actors.tutee.cookie, `/api/difficulties/${id}`)).statusCode, 404);
  });
});

describe('consultations (an expert consulted on a case)', () => {
  const ask = async (asker: { cookie: string }, w: World) => {
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/orgs/${w.orgId}/consultations`,
      headers: { cookie: asker.cookie },
      payload: {
        programmeId: w.programme.id,
        expertId: w.actors.expert.id,
        subjectId: w.actors.tutee.id,
        anonymised: false,
        question: 'Comment l’accompagner après un arrêt de travail ?',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };

  test('each relation to the tutee it is about reads it as its cell says: the asker and the expert asked only', async () => {
    const w = await createWorld(s.ctx);
    const byTutor = await ask(w.actors.tutor, w);
    const byCoordinator = await ask(w.actors.coordinator, w);
    await s.deliver();
    for (const [relation, viewer] of viewers(w)) {
      const cell = access('consultation', relation);
      for (const [id, asker] of [
        [byTutor, w.actors.tutor],
        [byCoordinator, w.actors.coordinator],
      ] as const) {
        const res = await get(viewer.cookie, `/api/consultations/${id}`);
        const own = viewer === asker || viewer === w.actors.expert;
        assert.equal(res.statusCode, cell === 'own' && own ? 200 : 404, `${relation} on ${asker.name}'s`);
        if (res.statusCode !== 200) continue;
        // The expert reads the question, never whom it is about.
        const subject = (res.json() as { subject: { id: string } | null }).subject;
        assert.equal(subject?.id ?? null, relation === 'expert' ? null : w.actors.tutee.id, relation);
      }
      if (cell === 'notice') {
        const told = await s.db
          .selectFrom('notifications')
          .select('id')
          .where('user_id', '=', w.actors.tutee.id)
          .where('title', '=', 'Votre situation a été évoquée avec un·e expert·e')
          .execute();
        assert.equal(told.length, 2, 'the tutee is told of each');
      }
    }
  });
});

describe('pair threads', () => {
  test('the tutee and the pair’s tutor read the thread; every other relation is told it does not exist', async () => {
    const w = await createWorld(s.ctx);
    const posted = await s.app.inject({
      method: 'POST',
      url: `/api/pairings/${w.pairing.id}/messages`,
      headers: { cookie: w.actors.tutee.cookie },
      payload: { body: 'Un message entre nous deux.' },
    });
    assert.equal(posted.statusCode, 201, posted.body);
    for (const [relation, viewer] of viewers(w)) {
      const res = await get(viewer.cookie, `/api/pairings/${w.pairing.id}/messages`);
      const seen: Access = res.statusCode === 200 && res.body.includes('entre nous deux') ? 'full' : 'none';
      if (seen === 'none') assert.equal(res.statusCode, 404, `${relation}: ${res.body}`);
      assert.equal(seen, access('pairThread', relation), relation);
    }
  });
});

describe('pair agreements', () => {
  test('the pair’s two people and the coordination read its agreement; every other relation is told it does not exist', async () => {
    const w = await createWorld(s.ctx);
    for (const [relation, viewer] of viewers(w)) {
      const res = await get(viewer.cookie, `/api/pairings/${w.pairing.id}/agreement`);
      const seen: Access = res.statusCode === 200 && res.json().pairing.id === w.pairing.id ? 'full' : 'none';
      if (seen === 'none') assert.equal(res.statusCode, 404, `${relation}: ${res.body}`);
      assert.equal(seen, access('agreement', relation), relation);
    }
  });
});

describe('portfolio traces and reviews', () => {
  test('the resident and their tutor read the trace; the coordination gets counts only; nobody else anything', async () => {
    const w = await createWorld(s.ctx);
    const trace = `/api/portfolio/traces/${w.portfolio.traceId}`;
    const overview = `/api/programmes/${w.programme.id}/portfolio/overview`;
    for (const [relation, viewer] of viewers(w)) {
      const res = await get(viewer.cookie, trace);
      const counts = await get(viewer.cookie, overview);
      let seen: Access = 'none';
      if (res.statusCode === 200 && res.body.includes('consultation difficile')) seen = 'full';
      else if (counts.statusCode === 200) {
        // Counts by phase and tutors' load: no title, no text of any trace.
        assert.ok(!counts.body.includes('consultation difficile'), `${relation} saw content in the counts`);
        assert.equal(
          counts.json().phases.find((p: { phaseId: string }) => p.phaseId === 'approfondissement').submitted,
          1,
        );
        seen = 'status';
      }
      if (seen !== 'full') assert.equal(res.statusCode, 404, `${relation}: ${res.body}`);
      if (seen === 'none') assert.equal(counts.statusCode, 404, `${relation}: ${counts.body}`);
      assert.equal(seen, access('portfolio', relation), relation);
    }
  });
});

describe('end reviews', () => {
  test('its author reads it; the coordination only what was shared with it, else aggregates; nobody else', async () => {
    const w = await createWorld(s.ctx);
    const submitted = await s.app.inject({
      method: 'POST',
      url: `/api/end-reviews/${w.reviews.reviewId}/submit`,
      headers: { cookie: w.actors.tutee.cookie },
      payload: {
        texts: { achieved: 'Partagé avec la coordination' },
        scales: { relationship: 5, programme: 4, goals: 4, portfolio: 3 },
        shared: true,
      },
    });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const at = s.clock.now().toISOString();
    const base = {
      orgId: w.orgId,
      programmeId: w.programme.id,
      pairingId: w.pairing.id,
      endedAt: at,
      submitted: at,
    };
    const kept = await endReview(s.db, {
      ...base,
      unitKey: 'earlier pair',
      userId: w.actors.tutee.id,
      shared: false,
      texts: { achieved: 'Gardé pour moi' },
    });
    const ends = `/api/programmes/${w.programme.id}/end-reviews`;
    for (const [relation, viewer] of viewers(w)) {
      const shared = await get(viewer.cookie, `/api/end-reviews/${w.reviews.reviewId}`);
      const own = await get(viewer.cookie, `/api/end-reviews/${kept}`);
      const aggregates = await get(viewer.cookie, ends);
      let seen: Access = 'none';
      if (shared.statusCode === 200 && own.statusCode === 200 && own.body.includes('Gardé pour moi'))
        seen = 'full';
      else if (shared.statusCode === 200 && shared.body.includes('Partagé avec la coordination')) {
        assert.equal(own.statusCode, 404, `${relation}: ${own.body}`);
        assert.equal(aggregates.statusCode, 200, `${relation}: ${aggregates.body}`);
        assert.ok(!aggregates.body.includes('Gardé pour moi'));
        seen = 'consent';
      } else {
        assert.equal(shared.statusCode, 404, `${relation}: ${shared.body}`);
        assert.equal(own.statusCode, 404, `${relation}: ${own.body}`);
      }
      assert.equal(seen, access('endReview', relation), relation);
    }
    // The tutor's own review, shared with the coordination: their tutee (ownTutor) never reads it.
    const tutors = await endReview(s.db, { ...base, userId: w.actors.tutor.id, role: 'tutor' });
    const res = await get(w.actors.tutee.cookie, `/api/end-reviews/${tutors}`);
    assert.equal(res.statusCode, 404);
    assert.equal(access('endReview', 'ownTutor'), 'none');
  });
});

describe('requests to join', () => {
  test('the person who asked reads it through their link, the coordination in its queue; no member learns of it', async () => {
    const w = await createWorld(s.ctx);
    const r = await joinRequest(s.ctx, { programme: w.programme, name: 'Quelqu’un de dehors' });
    const own = await s.app.inject({ method: 'GET', url: `/api/join-link/${r.token}` });
    assert.equal(own.json().name, 'Quelqu’un de dehors');
    assert.equal(access('joinRequest', 'self'), 'full');
    for (const [relation, viewer] of viewers(w)) {
      if (relation === 'self') continue;
      const res = await get(viewer.cookie, `/api/programmes/${w.programme.id}/join-requests`);
      const seen: Access =
        res.statusCode === 200 && res.body.includes('Quelqu’un de dehors') ? 'full' : 'none';
      if (seen === 'none') assert.ok([403, 404].includes(res.statusCode), `${relation}: ${res.body}`);
      assert.equal(seen, access('joinRequest', relation), relation);
    }
  });
});

describe('tutor teams (the team rows)', () => {
  /** One viewer per team relation: the world's team holds the tutor and Tuteur C. */
  const teamViewers = (w: TeamWorld): [TeamRelation, { cookie: string }][] => [
    ['teammate', w.actors.tutor],
    ['coordinator', w.actors.coordinator],
    ['coordinator', w.actors.orgAdmin],
    ['otherTutor', w.actors.otherTutor],
    ['tutee', w.actors.tutee],
    ['none', w.actors.otherOrgCoordinator],
  ];

  test('team contacts: teammates (and the coordination) read them; another tutor and a tutee none of them', async () => {
    const w = await createTeamWorld(s.ctx);
    for (const [relation, viewer] of teamViewers(w)) {
      const page = await get(viewer.cookie, `/api/teams/${w.teams.teamId}`);
      const people = await get(viewer.cookie, `/api/programmes/${w.programme.id}/people`);
      const inPage = page.statusCode === 200 && page.body.includes(w.teams.mate.email);
      const inPeople = people.statusCode === 200 && people.body.includes(w.teams.mate.email);
      const expected = teamTable.teamContact[relation] === 'full';
      assert.equal(inPage || inPeople, expected, relation);
    }
  });

  test('team thread and team meeting reports: the members only', async () => {
    const w = await createTeamWorld(s.ctx);
    const report = `/api/teams/${w.teams.teamId}/meetings/${w.teams.meetingId}/report`;
    for (const [relation, viewer] of teamViewers(w)) {
      const thread = await get(viewer.cookie, `/api/teams/${w.teams.teamId}/messages`);
      assert.equal(thread.statusCode === 200, teamReadable('teamThread', relation), `thread: ${relation}`);
      const r = await get(viewer.cookie, report);
      assert.equal(r.statusCode === 200, teamReadable('teamReport', relation), `report: ${relation}`);
      const page = await get(viewer.cookie, `/api/teams/${w.teams.teamId}`);
      assert.equal(page.statusCode === 200, teamReadable('teamCaseload', relation), `caseload: ${relation}`);
    }
  });
});

describe('coaching of new tutors (the coaching rows)', () => {
  test('a coaching and the two tutors’ contacts: the pair reads both, the coordination the coaching, nobody else anything', async () => {
    const w = await createCoachingWorld(s.ctx);
    const newTutor = await s.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', w.teams.newcomerId)
      .executeTakeFirstOrThrow();
    const viewers: [CoachingRelation, { cookie: string }][] = [
      ['coach', w.actors.tutor],
      ['coordinator', w.actors.coordinator],
      ['coordinator', w.actors.orgAdmin],
      ['otherTutor', w.actors.otherTutor],
      ['none', w.actors.tutee],
      ['none', w.actors.expert],
      ['none', w.actors.otherOrgCoordinator],
    ];
    for (const [relation, viewer] of viewers) {
      const page = await get(viewer.cookie, `/api/programmes/${w.programme.id}/coaching`);
      const seen = page.statusCode === 200 && page.body.includes(w.coaching.coachingId);
      assert.equal(seen, coachingReadable('coaching', relation), `coaching: ${relation}`);
      const contact = page.statusCode === 200 && page.body.includes(newTutor.email);
      assert.equal(contact, coachingReadable('coachingContact', relation), `contact: ${relation}`);
    }
  });
});

describe('team cases and feedback on one’s tutoring', () => {
  /** One viewer of the world for each relation to the tutor (the author, the tutor asking, the tutor rated). */
  const aboutTutor = (w: FeedbackWorld): [Relation, { cookie: string }][] => [
    ['self', w.actors.tutor],
    ['otherTutor', w.actors.otherTutor],
    ['ownTutor', w.actors.tutee],
    ['coordinator', w.actors.coordinator],
    ['coordinator', w.actors.orgAdmin],
    ['expert', w.actors.expert],
    ['peer', w.actors.otherTutee],
    ['none', w.actors.otherOrgCoordinator],
  ];
  const put = (cookie: string, url: string, payload: object) =>
    s.app.inject({ method: 'PUT', url, headers: { cookie }, payload });

  test('a team case: its author and their team read it; the coordination once shared; nobody else', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const url = `/api/team-cases/${w.feedback.caseId}`;
    for (const shared of [false, true]) {
      if (shared)
        assert.equal((await put(w.actors.tutor.cookie, `${url}/share`, { shared: true })).statusCode, 200);
      for (const [relation, viewer] of aboutTutor(w)) {
        const res = await get(viewer.cookie, url);
        if (res.statusCode !== 200) assert.equal(res.statusCode, 404, `${relation}: ${res.body}`);
        const cell = access('teamCase', relation);
        const expected = cell === 'full' || cell === 'team' || (cell === 'consent' && shared);
        assert.equal(res.statusCode === 200, expected, `${relation} (shared: ${shared})`);
      }
    }
  });

  test('a self-evaluation is read by its author only', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const url = `/api/orgs/${w.orgId}/self-evaluation`;
    const saved = await put(w.actors.tutor.cookie, url, {
      ratings: { listening: { level: 2, note: 'Mon secret' } },
      save: false,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    for (const [relation, viewer] of aboutTutor(w)) {
      const res = await get(viewer.cookie, url);
      const seen: Access = res.statusCode === 200 && res.body.includes('Mon secret') ? 'full' : 'none';
      assert.equal(seen, access('selfEvaluation', relation), relation);
    }
  });

  test('peer feedback: the asking tutor reads it, the teammate asked their own, nobody else', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const url = `/api/peer-feedback/${w.feedback.peerRequestId}`;
    for (const [relation, viewer] of aboutTutor(w)) {
      const res = await get(viewer.cookie, url);
      if (res.statusCode !== 200) assert.equal(res.statusCode, 404, `${relation}: ${res.body}`);
      const standing = res.statusCode === 200 ? res.json().standing : null;
      const seen: Access = standing === 'asker' ? 'full' : standing === 'peer' ? 'own' : 'none';
      assert.equal(seen, access('peerFeedback', relation), relation);
    }
  });

  test('tutees’ feedback on a tutor: the tutor reads aggregates only; nobody else reads the tutor’s', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const url = `/api/orgs/${w.orgId}/tutor-feedback`;
    for (let i = 0; i < 5; i++)
      await s.db
        .insertInto('tutor_feedback_answers')
        .values({
          id: `answer-${i}-${w.orgId}`,
          org_id: w.orgId,
          tutor_id: w.actors.tutor.id,
          month: '2025-06',
          answers: JSON.stringify({ reachable: 4, listens: 4, progress: 4, useful: 4, overall: 4 }),
          comment: 'Un avis sur le tuteur A',
        })
        .execute();
    for (const [relation, viewer] of aboutTutor(w)) {
      const res = await get(viewer.cookie, url);
      const seen: Access =
        res.statusCode === 200 && res.json().enough && res.body.includes('tuteur A') ? 'aggregate' : 'none';
      assert.equal(seen, access('tutorFeedback', relation), relation);
    }
  });
});

describe('answers to announcements', () => {
  test('an answer is read by its author and the coordination; the other recipients are never shown it', async () => {
    const w = await createWorld(s.ctx);
    const url = `/api/announcements/${w.guides.announcementId}`;
    const posted = await s.app.inject({
      method: 'POST',
      url: `${url}/replies`,
      headers: { cookie: w.actors.tutee.cookie },
      payload: { body: 'Une réponse pour la coordination seulement.' },
    });
    assert.equal(posted.statusCode, 201, posted.body);
    for (const [relation, viewer] of viewers(w)) {
      const res = await get(viewer.cookie, url);
      const seen: Access =
        res.statusCode === 200 && res.body.includes('coordination seulement') ? 'full' : 'none';
      assert.equal(seen, access('announcementReply', relation), relation);
    }
  });
});

describe('backup: a teammate standing in for the absent tutor (modules/absences)', () => {
  test('sees the tutee’s profile and contact details as their tutor would, from the first day to the last only', async () => {
    const w = await createWorld(s.ctx);
    const start = s.clock.now();
    const day = start.toISOString().slice(0, 10);
    const end = new Date(start.getTime() + 4 * 86_400_000).toISOString().slice(0, 10);
    await absence(s.ctx, w.programme, {
      tutorId: w.actors.tutor.id,
      startOn: day,
      endOn: end,
      covers: [{ tuteeId: w.actors.tutee.id, backupId: w.actors.otherTutor.id }],
    });
    const asBackup = async () => ({ cookie: await sessionCookie(s.ctx, w.actors.otherTutor.id) });
    const seenBy = async () => {
      const res = await get((await asBackup()).cookie, `/api/programmes/${w.programme.id}/people`);
      const person = (res.json() as { userId: string; email?: string }[]).find(
        (p) => p.userId === w.actors.tutee.id,
      );
      return person?.email ? 'full' : 'nameOnly';
    };
    assert.equal(await seenBy(), access('profile', 'backup'));
    // Nothing else of the tutor's: their thread with the tutee stays closed.
    assert.equal(access('pairThread', 'backup'), 'none');
    const thread = await get((await asBackup()).cookie, `/api/pairings/${w.pairing.id}/messages`);
    assert.equal(thread.statusCode, 404);
    s.clock.set(new Date(Date.parse(`${end}T23:30:00Z`)));
    try {
      assert.equal(await seenBy(), access('profile', 'otherTutor'), 'the day after the last');
    } finally {
      s.clock.set(start);
    }
  });
});

describe('the reason of an absence (modules/absences)', () => {
  test('its tutor and the coordination read it; the backup, the tutees, the other members and other organisations never', async () => {
    const w = await createWorld(s.ctx);
    const start = s.clock.now();
    const day = start.toISOString().slice(0, 10);
    const end = new Date(start.getTime() + 4 * 86_400_000).toISOString().slice(0, 10);
    const id = await absence(s.ctx, w.programme, {
      tutorId: w.actors.tutor.id,
      startOn: day,
      endOn: end,
      covers: [{ tuteeId: w.actors.tutee.id, backupId: w.actors.otherTutor.id }],
    });
    const reason = 'Motif personnel confidentiel';
    await s.db.updateTable('absences').set({ reason }).where('id', '=', id).execute();
    const viewers: [Relation, { cookie: string }][] = [
      ['self', w.actors.tutor],
      ['backup', w.actors.otherTutor],
      ['ownTutor', w.actors.tutee],
      ['coordinator', w.actors.coordinator],
      ['coordinator', w.actors.orgAdmin],
      ['expert', w.actors.expert],
      ['peer', w.actors.otherTutee],
      ['none', w.actors.otherOrgCoordinator],
    ];
    const base = `/api/programmes/${w.programme.id}`;
    for (const [relation, viewer] of viewers) {
      const pages = await Promise.all(
        [`${base}/absences`, `${base}/absences/coordination`, `${base}/people`].map((u) =>
          get(viewer.cookie, u),
        ),
      );
      const read = pages.some((r) => r.statusCode === 200 && r.body.includes(reason));
      assert.equal(read, access('absenceReason', relation) === 'full', relation);
    }
  });
});

describe('networks (the network rows)', () => {
  /** One viewer per network relation: the world's team and « Équipe CPTS B » of the other organisation are in the network. */
  const networkViewers = (w: NetworkWorld): [NetworkRelation, { cookie: string }][] => [
    ['member', w.actors.tutor],
    ['member', w.networks.tutorB],
    ['manager', w.actors.coordinator],
    ['manager', w.actors.orgAdmin],
    ['manager', w.actors.otherOrgCoordinator],
    ['none', w.actors.otherTutor],
    ['none', w.actors.tutee],
    ['none', w.actors.expert],
  ];

  test('profile, member teams, thread and sessions: the member teams’ members and coordination', async () => {
    const w = await createNetworkWorld(s.ctx);
    for (const [relation, viewer] of networkViewers(w)) {
      const page = await get(viewer.cookie, `/api/networks/${w.networks.networkId}`);
      const seen = page.statusCode === 200;
      assert.equal(seen, networkReadable('networkProfile', relation), `profile: ${relation}`);
      assert.equal(
        seen && page.body.includes('CPTS B'),
        networkReadable('networkTeams', relation),
        `teams: ${relation}`,
      );
      assert.equal(
        seen && page.body.includes('Échanges de pratiques'),
        networkReadable('networkSessions', relation),
        `sessions: ${relation}`,
      );
      const thread = await get(viewer.cookie, `/api/networks/${w.networks.networkId}/messages`);
      assert.equal(
        thread.statusCode === 200,
        networkReadable('networkThread', relation),
        `thread: ${relation}`,
      );
    }
  });

  test('the other organisation: nobody reads its people, contacts, teams or programme through a network', async () => {
    const w = await createNetworkWorld(s.ctx);
    assert.ok(Object.values(networkTable.otherOrganisation).every((cell) => cell === 'none'));
    const across: [{ cookie: string }, string[], string[]][] = [
      [
        w.networks.tutorB,
        [
          `/api/teams/${w.teams.teamId}`,
          `/api/programmes/${w.programme.id}/people`,
          `/api/programmes/${w.programme.id}`,
        ],
        [w.actors.tutor.email, w.teams.mate.email],
      ],
      [
        w.actors.otherOrgCoordinator,
        [`/api/teams/${w.teams.teamId}`, `/api/programmes/${w.programme.id}/people/${w.actors.tutor.id}`],
        [w.actors.tutor.email, '+33611223344'],
      ],
      [
        w.actors.tutor,
        [`/api/teams/${w.networks.teamBId}`, `/api/programmes/${w.networks.programmeB.id}/people`],
        [w.networks.tutorB.email, '+33698765432'],
      ],
    ];
    for (const [viewer, urls, secrets] of across) {
      for (const url of urls) assert.equal((await get(viewer.cookie, url)).statusCode, 404, url);
      for (const url of [
        `/api/networks/${w.networks.networkId}`,
        `/api/networks/${w.networks.networkId}/messages`,
      ]) {
        const body = (await get(viewer.cookie, url)).body;
        for (const secret of secrets) assert.ok(!body.includes(secret), `${url} shows ${secret}`);
      }
    }
  });
});
