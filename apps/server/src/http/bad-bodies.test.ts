import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld } from '../test/factories.ts';
import { setupTestServer } from '../test/harness.ts';

const s = await setupTestServer();

/** A refusal a person can read, in the language they asked for. */
function assertClear400(res: { statusCode: number; json: () => unknown; body: string }, fr: RegExp) {
  assert.equal(res.statusCode, 400, res.body);
  const error = (res.json() as { error: { code: string; message: string } }).error;
  assert.match(error.message, fr);
}

describe('requests with nothing to change, or a body cut short, are refused clearly', () => {
  test('PATCH /api/me with an empty body: 400 in French and in English, nothing changes', async () => {
    const w = await createWorld(s.ctx);
    for (const [lang, text] of [
      ['fr', /Indiquez au moins une information à modifier/],
      ['en', /Give at least one thing to change/],
    ] as const) {
      const res = await s.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: { cookie: w.actors.tutee.cookie, 'accept-language': lang },
        payload: {},
      });
      assertClear400(res, text);
    }
  });

  test('PATCH /api/programmes/:id with an empty body: 400, and no audit entry of a change', async () => {
    const w = await createWorld(s.ctx);
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${w.programme.id}`,
      headers: { cookie: w.actors.coordinator.cookie, 'accept-language': 'en' },
      payload: {},
    });
    assertClear400(res, /Give at least one thing to change/);
    const audited = await s.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'programme.updated')
      .where('subject_id', '=', w.programme.id)
      .execute();
    assert.deepEqual(audited, []);
  });

  test('an import upload cut in the middle of the file: 400 asking to send it again, no import kept', async () => {
    const w = await createWorld(s.ctx);
    const boundary = '----compagnontruncated';
    const whole = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="personnes.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\nnom;email;role\r\nInterne C;interne.c@example.org;tutee\r\n--${boundary}--\r\n`,
    );
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/imports`,
      headers: {
        cookie: w.actors.coordinator.cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: cut,
    });
    assertClear400(res, /n’a pas été reçu en entier/);
    const imports = await s.db
      .selectFrom('imports')
      .select('id')
      .where('programme_id', '=', w.programme.id)
      .execute();
    assert.deepEqual(imports, []);
  });
});
