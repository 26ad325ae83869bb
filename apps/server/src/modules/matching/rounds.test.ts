import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { addMember, createOrg, createProgramme, createUser } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();

/** Makes every new draft of this programme fail to be written, as a database failure would. */
async function failRunsOf(programmeId: string) {
  if (s.kind === 'postgres') {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION injected_failure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`,
      )
      .execute(s.db);
    await sql
      .raw(
        `CREATE TRIGGER fail_runs BEFORE INSERT ON matching_runs FOR EACH ROW WHEN (NEW.programme_id = '${programmeId}') EXECUTE FUNCTION injected_failure()`,
      )
      .execute(s.db);
  } else {
    await sql
      .raw(
        `CREATE TRIGGER fail_runs BEFORE INSERT ON matching_runs WHEN NEW.programme_id = '${programmeId}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      )
      .execute(s.db);
  }
  return () =>
    sql.raw(`DROP TRIGGER fail_runs${s.kind === 'postgres' ? ' ON matching_runs' : ''}`).execute(s.db);
}

describe('closing a choice round', () => {
  test('a run that fails leaves the round open with no draft; once it succeeds, the round is closed with its draft', async () => {
    const orgId = await createOrg(s.ctx);
    const programme = await createProgramme(s.ctx, orgId, 'peer-tutoring');
    const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
    await addMember(s.ctx, programme, coordinator.id, 'coordinator');
    const tutor = await createUser(s.ctx, orgId, { name: 'Dr Aubry' });
    await addMember(s.ctx, programme, tutor.id, 'tutor', 2);
    const tutee = await createUser(s.ctx, orgId, { name: 'Interne' });
    await addMember(s.ctx, programme, tutee.id, 'tutee');
    const url = `/api/programmes/${programme.id}/matching`;
    const call = (method: 'POST' | 'PUT', path: string, cookie: string, payload?: object) =>
      s.app.inject({ method, url: `${url}${path}`, headers: { cookie }, ...(payload ? { payload } : {}) });
    const deadline = new Date(s.clock.now().getTime() + 3_600_000).toISOString();
    assert.equal(
      (await call('POST', '/rounds', coordinator.cookie, { kind: 'tutee-choice', deadline })).statusCode,
      201,
    );
    assert.equal(
      (await call('PUT', '/rounds/current/ranking', tutee.cookie, { ranking: [tutor.id] })).statusCode,
      200,
    );
    const stateOf = async () => ({
      rounds: (
        await s.db
          .selectFrom('matching_rounds')
          .select('status')
          .where('programme_id', '=', programme.id)
          .execute()
      ).map((r) => r.status),
      drafts: (
        await s.db
          .selectFrom('matching_runs')
          .select('status')
          .where('programme_id', '=', programme.id)
          .where('status', '=', 'draft')
          .execute()
      ).length,
    });

    const restore = await failRunsOf(programme.id);
    try {
      const failed = await call('POST', '/rounds/current/close', coordinator.cookie);
      assert.equal(failed.statusCode, 500, failed.body);
      assert.deepEqual(
        await stateOf(),
        { rounds: ['open'], drafts: 0 },
        'the round is still open, to close again',
      );
    } finally {
      await restore();
    }

    const closed = await call('POST', '/rounds/current/close', coordinator.cookie);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().draft.mode, 'tutee-choice');
    assert.deepEqual(await stateOf(), { rounds: ['closed'], drafts: 1 });
    const again = await call('POST', '/rounds/current/close', coordinator.cookie);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'no_round');
  });
});

describe('a choice round tells those who must rank', () => {
  test('opening notifies each resident who ranks, with the deadline; a day before it, those who have not ranked are reminded', async () => {
    const orgId = await createOrg(s.ctx);
    const programme = await createProgramme(s.ctx, orgId, 'peer-tutoring');
    const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
    await addMember(s.ctx, programme, coordinator.id, 'coordinator');
    const tutor = await createUser(s.ctx, orgId, { name: 'Pair aîné' });
    await addMember(s.ctx, programme, tutor.id, 'tutor', 4);
    const quick = await createUser(s.ctx, orgId, { name: 'Interne rapide' });
    const late = await createUser(s.ctx, orgId, { name: 'Interne en retard' });
    for (const u of [quick, late]) await addMember(s.ctx, programme, u.id, 'tutee');
    const url = `/api/programmes/${programme.id}/matching`;
    const call = (method: 'POST' | 'PUT', path: string, cookie: string, payload?: object) =>
      s.app.inject({ method, url: `${url}${path}`, headers: { cookie }, ...(payload ? { payload } : {}) });
    const mailsTo = (email: string) => s.mailer.sent.filter((m) => m.to === email);

    s.clock.set(new Date('2026-11-16T09:00:00Z'));
    // Thursday 19 November at 18:00 in Paris (the organisation's clock), three days from now.
    const deadline = '2026-11-19T17:00:00.000Z';
    const opened = await call('POST', '/rounds', coordinator.cookie, { kind: 'tutee-choice', deadline });
    assert.equal(opened.statusCode, 201, opened.body);
    await s.deliver();
    for (const u of [quick, late]) {
      const [mail] = mailsTo(u.email);
      assert.ok(mail, `${u.name} is told the round is open`);
      assert.match(mail.subject, /vos choix avant le jeudi 19 novembre 2026 à 18h00/);
    }
    assert.equal(mailsTo(tutor.email).length, 0, 'a tutor does not rank in a tutees’ round');

    assert.equal(
      (await call('PUT', '/rounds/current/ranking', quick.cookie, { ranking: [tutor.id] })).statusCode,
      200,
    );
    s.clock.set(new Date('2026-11-18T18:00:00Z')); // the day before the deadline
    await s.deliver();
    assert.equal(mailsTo(quick.email).length, 1, 'who has ranked is not reminded');
    const reminders = mailsTo(late.email);
    assert.equal(reminders.length, 2);
    assert.match(reminders[1]?.subject ?? '', /^Rappel/);
  });
});
