import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareNames, sortByName } from './collate.ts';

test('names sort the French way: accented letters with their letter', () => {
  const names = [
    'Zoé',
    'Ève',
    'eric',
    'Émilie',
    'Eric',
    'Fanny',
    'Elsa',
    'Éric',
    'Çédric',
    'Charles',
    'Dr Zoé',
  ];
  assert.deepEqual([...names].sort(compareNames), [
    'Çédric',
    'Charles',
    'Dr Zoé',
    'Elsa',
    'Émilie',
    'eric',
    'Eric',
    'Éric',
    'Ève',
    'Fanny',
    'Zoé',
  ]);
});

test('sortByName sorts a copy by the given name', () => {
  const people = [{ name: 'Zoé' }, { name: 'Ève' }, { name: 'Émilie' }, { name: 'Eric' }];
  const sorted = sortByName(people, (p) => p.name);
  assert.deepEqual(
    sorted.map((p) => p.name),
    ['Émilie', 'Eric', 'Ève', 'Zoé'],
  );
  assert.equal(people[0]?.name, 'Zoé', 'the list given is left as it was');
});
