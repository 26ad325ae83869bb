import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();

// The contact log is written from two pages, the meetings' contact log and the follow-up; both
// go through one writer, so both apply the same rule.
describe('the contact log has one rule, whichever page notes a contact', () => {
  test('an in-person or video contact cannot be an unanswered attempt; a call, SMS or e-mail can', async () => {
    const w = await createWorld(s.ctx);
    const { cookie } = w.actors.tutor;
    const count = async (answered: 0 | 1) =>
      (
        await s.db
          .selectFrom('contact_logs')
          .select('id')
          .where('tutee_id', '=', w.actors.tutee.id)
          .where('answered', '=', answered)
          .execute()
      ).length;
    const fromMeetings = (channel: string) =>
      s.app.inject({
        method: 'POST',
        url: `/api/programmes/${w.programme.id}/contacts`,
        headers: { cookie },
        payload: { tuteeId: w.actors.tutee.id, channel, answered: false },
      });
    const fromFollowup = (channel: string) =>
      s.app.inject({
        method: 'POST',
        url: `/api/programmes/${w.programme.id}/followup/activity`,
        headers: { cookie },
        payload: { pairingId: w.pairing.id, kind: 'attempt', channel },
      });

    for (const channel of ['in-person', 'video']) {
      for (const res of [await fromMeetings(channel), await fromFollowup(channel)]) {
        assert.equal(res.statusCode, 400, `${channel}: ${res.body}`);
        assert.equal(res.json().error.code, 'attempt_channel');
      }
    }
    assert.equal(await count(0), 0, 'nothing written');

    assert.equal((await fromMeetings('call')).statusCode, 201);
    assert.equal((await fromFollowup('sms')).statusCode, 201);
    assert.equal(await count(0), 2);
    assert.equal(await count(1), 0, 'an attempt is not a contact');
  });

  test('a contact in the future is refused the same way from both pages', async () => {
    const w = await createWorld(s.ctx);
    const { cookie } = w.actors.tutor;
    const tomorrow = new Date(s.clock.now().getTime() + 86_400_000).toISOString();
    const meetings = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/contacts`,
      headers: { cookie },
      payload: { tuteeId: w.actors.tutee.id, channel: 'call', happenedAt: tomorrow },
    });
    const followup = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/followup/activity`,
      headers: { cookie },
      payload: { pairingId: w.pairing.id, kind: 'contact', channel: 'call', at: tomorrow },
    });
    for (const res of [meetings, followup]) {
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'activity_in_future');
    }
  });

  test('the contact list counts the attempts without an answer since the last contact', async () => {
    const w = await createWorld(s.ctx);
    const { cookie } = w.actors.tutor;
    const url = `/api/programmes/${w.programme.id}/contacts`;
    const note = async (answered: boolean) => {
      s.clock.advance(60_000);
      const res = await s.app.inject({
        method: 'POST',
        url,
        headers: { cookie },
        payload: { tuteeId: w.actors.tutee.id, channel: 'call', answered },
      });
      assert.equal(res.statusCode, 201, res.body);
    };
    const attempts = async () => {
      const res = await s.app.inject({ method: 'GET', url, headers: { cookie } });
      const row = res.json().rows.find((r: { tutee: { id: string } }) => r.tutee.id === w.actors.tutee.id);
      return row.unansweredAttempts as number;
    };
    assert.equal(await attempts(), 0);
    await note(false);
    await note(false);
    assert.equal(await attempts(), 2);
    await note(true);
    assert.equal(await attempts(), 0, 'a contact starts the count again');
    await note(false);
    assert.equal(await attempts(), 1);
  });
});
