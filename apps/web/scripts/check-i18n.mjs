#!/usr/bin/env node
// Both languages must have exactly the same keys (plural forms aside), so no screen falls back silently.
import { readFileSync } from 'node:fs';

const load = (lang) => JSON.parse(readFileSync(new URL(`../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const flatten = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
const base = (key) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const fr = new Set(flatten(load('fr')).map(base));
const en = new Set(flatten(load('en')).map(base));
const onlyFr = [...fr].filter((k) => !en.has(k));
const onlyEn = [...en].filter((k) => !fr.has(k));
for (const k of onlyFr) console.error(`missing in en.json: ${k}`);
for (const k of onlyEn) console.error(`missing in fr.json: ${k}`);
process.exit(onlyFr.length + onlyEn.length > 0 ? 1 : 0);
