import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createWorld } from '../test/factories.ts';
import { setupTestServer } from '../test/harness.ts';
import { errorTexts } from './error-texts.ts';
import { errorWordings, recordNames } from './error-wordings.ts';
import { requestLanguage } from './errors.ts';

const SRC = join(import.meta.dirname, '..');

const ERRORS = {
  fr: { ...errorTexts.fr, ...errorWordings.fr },
  en: { ...errorTexts.en, ...errorWordings.en },
};

/** The server's own sources (no tests), with their paths. */
function sources(): [string, string][] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('test/'))
    .map((file) => [file, readFileSync(join(SRC, file), 'utf8')]);
}

/** Every text a refusal can be worded with, read from the calls in the sources: code or code__variant. */
function textsInSources(): Map<string, string> {
  const found = new Map<string, string>();
  const refusal = /refuse\(\s*\d+,\s*'([a-z_]+)'(?:,\s*\{[^}]*?\bvariant:\s*'([a-z_]+)')?/g;
  for (const [file, text] of sources()) {
    for (const m of text.matchAll(refusal)) found.set(m[2] ? `${m[1]}__${m[2]}` : (m[1] as string), file);
    if (/\bforbidden\(\)/.test(text)) found.set('forbidden', file);
    if (/\bnotFound\(/.test(text)) found.set('not_found__record', file);
  }
  return found;
}

/** A text exists in a language as it is, or as a plural (_one and _other). */
const hasText = (texts: Record<string, string>, key: string) =>
  Boolean(texts[key] || (texts[`${key}_one`] && texts[`${key}_other`]));

describe('error texts', () => {
  test('every refusal the server sends has a French and an English text, and they differ', () => {
    const keys = textsInSources();
    assert.ok(keys.size >= 60, `found ${keys.size} texts: the scan is broken`);
    assert.ok(keys.has('forbidden__archived') && keys.has('no_round__for_you'), 'variants are read');
    const fr = ERRORS.fr as Record<string, string>;
    const en = ERRORS.en as Record<string, string>;
    const missing = [...keys]
      .filter(([key]) => !hasText(fr, key) || !hasText(en, key))
      .map(([k, f]) => `${k} (${f})`);
    assert.deepEqual(missing, [], 'refusals without both texts');
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort(), 'the two languages list the same codes');
    const same = Object.keys(fr).filter((c) => fr[c] === en[c] && !/SMS/.test(fr[c] as string));
    assert.deepEqual(same, [], 'an English text copied from the French (or the reverse)');
  });

  test('every missing record a refusal names has its words in both languages', () => {
    const named = new Set<string>();
    for (const [, text] of sources())
      for (const m of text.matchAll(/notFound\(([^)]*)\)/g)) {
        for (const w of (m[1] as string).matchAll(/'([a-z ]+)'/g)) named.add(w[1] as string);
      }
    assert.ok(named.size >= 20, `found ${named.size} records: the scan is broken`);
    const unknown = [...named].filter((w) => !(w in recordNames));
    assert.deepEqual(unknown, [], 'records with no words');
    for (const [what, words] of Object.entries(recordNames)) assert.notEqual(words.fr, words.en, what);
  });

  test('refusals are made one way: refuse() and its wrappers, never by hand', () => {
    const other = /\b(?:badRequest|conflict|refuseSaying)\(|new AppError\(/;
    const offenders = sources()
      .filter(([file, text]) => !file.endsWith(join('http', 'errors.ts')) && other.test(text))
      .map(([file]) => file);
    assert.deepEqual(offenders, []);
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

  test('the fields of an invalid body are worded in the caller’s language', async () => {
    const ask = (lang: string) =>
      s.app.inject({
        method: 'POST',
        url: '/api/auth/magic-link',
        headers: { 'accept-language': lang },
        payload: { email: 'pas une adresse' },
      });
    assert.deepEqual((await ask('fr')).json().error.details.fields, [
      { path: 'email', message: 'Adresse e-mail invalide' },
    ]);
    assert.deepEqual((await ask('en')).json().error.details.fields, [
      { path: 'email', message: 'Invalid e-mail address' },
    ]);
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
    assert.deepEqual(res.json().error.details.fields, [{ path: 'phone', message: 'Invalid number' }]);
    const fr = await s.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: w.actors.tutee.cookie, 'accept-language': 'fr' },
      payload: { phone: 'pas un numéro' },
    });
    assert.equal(fr.json().error.message, 'Numéro de téléphone invalide : « pas un numéro ».');
  });
});

describe('records not found, forbidden actions and unknown addresses speak French to a French request', async () => {
  const s = await setupTestServer();

  test('a missing meeting, in French and in English', async () => {
    const w = await createWorld(s.ctx);
    const ask = (lang: string) =>
      s.app.inject({
        method: 'GET',
        url: `/api/meetings/${randomUUID()}`,
        headers: { cookie: w.actors.tutor.cookie, 'accept-language': lang },
      });
    const fr = await ask('fr-FR,fr;q=0.9');
    assert.equal(fr.statusCode, 404, fr.body);
    assert.deepEqual(fr.json().error, {
      code: 'not_found',
      message: 'Cette rencontre n’existe pas, ou vous n’y avez pas accès.',
    });
    assert.equal(
      (await ask('en')).json().error.message,
      'This meeting does not exist, or you do not have access to it.',
    );
  });

  test('a forbidden action, in French', async () => {
    const w = await createWorld(s.ctx);
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${w.programme.id}`,
      headers: { cookie: w.actors.tutee.cookie, 'accept-language': 'fr' },
      payload: { name: 'Autre nom' },
    });
    assert.equal(res.statusCode, 403, res.body);
    assert.deepEqual(res.json().error, {
      code: 'forbidden',
      message: 'Vous n’avez pas le droit de faire cela.',
    });
  });

  test('an unknown address and a body Fastify cannot read, in the request’s language', async () => {
    const w = await createWorld(s.ctx);
    const unknown = await s.app.inject({
      method: 'GET',
      url: '/api/nowhere',
      headers: { 'accept-language': 'fr' },
    });
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json().error, {
      code: 'not_found',
      message: 'Cette adresse n’existe pas dans Compagnon.',
    });
    const badJson = (lang: string) =>
      s.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: {
          cookie: w.actors.tutee.cookie,
          'accept-language': lang,
          'content-type': 'application/json',
        },
        payload: '{"phone": ',
      });
    const fr = await badJson('fr');
    assert.equal(fr.statusCode, 400);
    assert.deepEqual(fr.json().error, {
      code: 'error',
      message: 'Le contenu de la demande n’est pas du JSON valide.',
    });
    assert.equal((await badJson('en')).json().error.message, 'The body of the request is not valid JSON.');
    const media = await s.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: {
        cookie: w.actors.tutee.cookie,
        'accept-language': 'fr',
        'content-type': 'application/x-unknown',
      },
      payload: 'x',
    });
    assert.equal(media.statusCode, 415);
    assert.equal(media.json().error.message, 'Ce type de contenu n’est pas accepté ici.');
  });
});
