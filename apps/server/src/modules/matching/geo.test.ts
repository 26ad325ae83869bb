import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceKm, normalisePlace } from './geo.ts';

test('place names match whatever their accents, hyphens and "St"', () => {
  assert.equal(normalisePlace('St-Quentin'), 'saint quentin');
  assert.equal(normalisePlace('PÉRONNE'), 'peronne');
  assert.equal(distanceKm('St Quentin', 'Saint-Quentin'), 0);
});

test('distances between Somme towns, offline, to the km', () => {
  const d = distanceKm('Amiens', 'Abbeville');
  assert.ok(d !== null && d > 35 && d < 50, String(d));
  assert.equal(distanceKm('Amiens', 'Nowhere-sur-Rien'), null);
  assert.equal(distanceKm(null, 'Amiens'), null);
});
