import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import i18next from 'i18next';
import { addElisionFormats, elide } from './elision.ts';

test('"de" elides before a vowel or a mute h, not before a consonant', () => {
  assert.equal(elide('de', 'Arthur'), 'd’Arthur');
  assert.equal(elide('de', 'Émilie'), 'd’Émilie');
  assert.equal(elide('de', 'internes'), 'd’internes');
  assert.equal(elide('de', 'Hélène'), 'd’Hélène');
  assert.equal(elide('de', 'Yves'), 'd’Yves');
  assert.equal(elide('de', 'Zoé'), 'de Zoé');
  assert.equal(elide('de', 'Dr Arthur'), 'de Dr Arthur');
  assert.equal(elide('de', 'Yann'), 'de Yann');
  assert.equal(elide('de', 'Hollande'), 'de Hollande');
});

test('"que", "le" and "la" elide the same way', () => {
  assert.equal(elide('que', 'Ève'), 'qu’Ève');
  assert.equal(elide('le', 'interne'), 'l’interne');
  assert.equal(elide('la', 'interne'), 'l’interne');
  assert.equal(elide('la', 'tutrice'), 'la tutrice');
});

test('the web texts elide names: "Rôle d’Arthur", "un groupe d’internes"', async () => {
  const fr = JSON.parse(readFileSync(new URL('../../../web/src/i18n/fr.json', import.meta.url), 'utf8'));
  const en = JSON.parse(readFileSync(new URL('../../../web/src/i18n/en.json', import.meta.url), 'utf8'));
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
  addElisionFormats(i18n);
  assert.equal(i18n.t('people.edit.title', { name: 'Arthur' }), 'Rôle d’Arthur');
  assert.equal(i18n.t('people.edit.title', { name: 'Zoé' }), 'Rôle de Zoé');
  assert.match(
    i18n.t('rules.unit.groupHelp', { tutor: 'tuteur·rice', tutees: 'internes' }),
    /un groupe d’internes/,
  );
  assert.equal(
    i18n.t('matching.setup.cohort', {
      tuteeCount: 1,
      tutorCount: 2,
      placeCount: 0,
      tutor: 'mentor·e',
      tutors: 'mentor·es',
    }),
    '1 personne à apparier · 2 mentor·es · 0 place libre.',
  );
  assert.equal(
    i18n.t('followup.rule.below-target', { held: 1, expected: 3 }),
    '1 rencontre sur la période, 3 attendues à ce stade.',
  );
  assert.equal(
    i18n.t('imports.rowErrorsSummary', { count: 2, lines: 1, total: 40 }),
    '2 erreurs sur 1 ligne, sur 40 lignes de personnes.',
  );
  assert.equal(
    i18n.t('matching.setup.cohort', {
      tuteeCount: 1,
      tutorCount: 2,
      placeCount: 0,
      tutor: 'mentor',
      tutors: 'mentors',
      lng: 'en',
    }),
    '1 person to match · 2 mentors · 0 free places.',
  );
  assert.equal(
    i18n.t('people.edit.title', { name: 'Arthur', lng: 'en' }),
    en.people.edit.title.replace('{{name}}', 'Arthur'),
  );
});

test('no "(s)" plural in the web texts: plural keys instead', () => {
  for (const lang of ['fr', 'en']) {
    const text = readFileSync(new URL(`../../../web/src/i18n/${lang}.json`, import.meta.url), 'utf8');
    assert.deepEqual(text.match(/[^"]*\w\((?:s|x|e|es)\)[^"]*/g) ?? [], [], lang);
  }
});

test('server e-mails elide too: "en tant qu’interne"', async () => {
  const { translator } = await import('../notify/i18n.ts');
  const t = translator('fr');
  assert.equal(
    t('mail.join.acceptedBody', { name: 'Zoé', role: 'interne' }),
    'Zoé a accepté votre invitation en tant qu’interne.',
  );
  assert.match(t('mail.join.acceptedBody', { name: 'Zoé', role: 'tutrice' }), /en tant que tutrice\./);
});
