import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createWorld } from '../test/factories.ts';
import { setupTestServer } from '../test/harness.ts';
import { errorTexts } from './error-texts.ts';
import { requestLanguage } from './errors.ts';

const SRC = join(import.meta.dirname, '..');

/** Every error code the server's sources can send, read from the code itself. */
function codesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /refuse(?:Saying)?\(\s*\d+,\s*'([a-z_]+)'/g,
    /(?:badRequest|conflict)\(\s*'([a-z_]+)'/g,
    /new AppError\(\s*\d+,\s*'([a-z_]+)'/g,
  ];
  for (const file of readdirSync(SRC, { recursive: true }).map(String)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('test/')) continue;
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.set(m[1] as string, file);
  }
  return found;
}

describe('error texts', () => {
  test('every code the server sends has a French and an English text, and they differ', () => {
    const codes = codesInSources();
    assert.ok(codes.size >= 30, `found ${codes.size} codes: the scan is broken`);
    const fr = errorTexts.fr as Record<string, string>;
    const en = errorTexts.en as Record<string, string>;
    const missing = [...codes].filter(([code]) => !fr[code] || !en[code]).map(([c, f]) => `${c} (${f})`);
    assert.deepEqual(missing, [], 'codes without both texts');
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort(), 'the two languages list the same codes');
    const same = Object.keys(fr).filter((c) => fr[c] === en[c] && !/SMS/.test(fr[c] as string));
    assert.deepEqual(same, [], 'an English text copied from the French (or the reverse)');
  });

  test('the language: Accept-Language first (French or English), then the account, then French', () => {
    assert.equal(requestLanguage('en-GB,en;q=0.9,fr;q=0.8'), 'en');
    assert.equal(requestLanguage('de-DE,fr;q=0.7,en;q=0.5'), 'fr');
    assert.equal(requestLanguage('fr;q=0.4, en;q=0.9'), 'en');
    assert.equal(requestLanguage('de'), 'fr');
    assert.equal(requestLanguage('de', 'en'), 'en');
    assert.equal(requestLanguage(undefined, 'en'), 'en');
    assert.equal(requestLanguage(undefined), 'fr');
  });
});

describe('a refusal speaks the language of the person', async () => {
  const s = await setupTestServer();

  test('an anonymous caller, in French and in English', async () => {
    const ask = (lang: string) =>
      s.app.inject({
        method: 'POST',
        url: '/api/auth/magic-link/consume',
        headers: { 'accept-language': lang },
        payload: { token: 'x'.repeat(43) },
      });
    const fr = (await ask('fr-FR,fr;q=0.9')).json();
    const en = (await ask('en-US,en;q=0.9')).json();
    assert.deepEqual(fr.error, { code: 'invalid_link', message: 'Ce lien n’est pas valide.' });
    assert.deepEqual(en.error, { code: 'invalid_link', message: 'This link is not valid.' });
    const anonymous = await s.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { 'accept-language': 'fr' },
    });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.message, 'Connectez-vous d’abord.');
  });

  test('a signed-in person whose account is in English, with no header, reads English', async () => {
    const w = await createWorld(s.ctx);
    await s.db.updateTable('users').set({ locale: 'en' }).where('id', '=', w.actors.tutee.id).execute();
    const res = await s.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: w.actors.tutee.cookie },
      payload: { phone: 'pas un numéro' },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.message, 'Invalid phone number: “pas un numéro”.');
    const fr = await s.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: w.actors.tutee.cookie, 'accept-language': 'fr' },
      payload: { phone: 'pas un numéro' },
    });
    assert.equal(fr.json().error.message, 'Numéro de téléphone invalide : « pas un numéro ».');
  });
});
