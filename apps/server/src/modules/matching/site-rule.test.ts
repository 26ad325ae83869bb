import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  byTuteeChoice,
  type Cohort,
  defaultWeights,
  facts,
  optimal,
  type Person,
  type Tutor,
} from './criteria.ts';

const person = (userId: string, site: string | null, more: Partial<Person> = {}): Person => ({
  userId,
  name: userId,
  email: `${userId}@x.test`,
  homeCommune: 'Amiens',
  project: null,
  themes: [],
  languages: [],
  faculty: null,
  site,
  siteCity: null,
  siteKind: 'internship',
  arrivedAt: '2026-09-01T00:00:00.000Z',
  ...more,
});
const tutor = (userId: string, site: string, capacity = 1): Tutor => ({
  ...person(userId, site),
  capacity,
  load: 0,
});

function cohort(groupsBySite: boolean, ranks: [string, string[]][]): Cohort {
  return {
    tutors: [tutor('amiens', 'CHU Amiens'), tutor('laon', 'CH de Laon'), tutor('soissons', 'CH de Soissons')],
    tutees: [person('a', 'CH de Laon'), person('b', 'CHU Amiens'), person('c', 'CH de Beauvais')],
    conflicts: new Map(),
    knows: new Set(),
    tuteeRanks: new Map(ranks),
    tutorRanks: new Map(),
    homeFaculty: null,
    groupsBySite,
  };
}
const placed = (xs: { tutee: string; tutor: string }[]) =>
  Object.fromEntries(xs.map((x) => [x.tutee, x.tutor]).sort());

test('groups by site: the site first, the ranking among its tutors and alone when the site has none', () => {
  // a works at Laon but ranked Amiens first; b works at Amiens and ranked Soissons first; c's site
  // (Beauvais) has no tutor, so their ranking decides.
  const ranks: [string, string[]][] = [
    ['a', ['amiens', 'laon']],
    ['b', ['soissons']],
    ['c', ['soissons', 'amiens']],
  ];
  // Without the rule, nobody is on their site: c, outranked at Soissons, lands at Laon.
  assert.deepEqual(placed(byTuteeChoice(cohort(false, ranks), defaultWeights)), {
    a: 'amiens',
    b: 'soissons',
    c: 'laon',
  });
  assert.deepEqual(placed(byTuteeChoice(cohort(true, ranks), defaultWeights)), {
    a: 'laon',
    b: 'amiens',
    c: 'soissons',
  });
});

test('groups by site in the optimal assignment: a tutor of the site wins over a nearer one elsewhere', () => {
  const c = cohort(true, []);
  assert.deepEqual(placed(optimal(c, defaultWeights)), { a: 'laon', b: 'amiens', c: 'soissons' });
});

test('a theme the tutee wrote twice is shared once, in the reasons and in the score', () => {
  const t: Tutor = {
    ...person('tutor', null, { themes: ['Installation', 'Pédiatrie'] }),
    capacity: 2,
    load: 0,
  };
  const tutee = person('tutee', null, { themes: ['installation', 'Installation', 'pédiatrie'] });
  const c: Cohort = { ...cohort(false, []), tutors: [t], tutees: [tutee] };
  assert.deepEqual(facts(c, t, tutee).sharedThemes, ['installation', 'pédiatrie']);
});
