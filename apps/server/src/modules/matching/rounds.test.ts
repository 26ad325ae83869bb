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
