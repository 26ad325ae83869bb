import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Cohort, facts, type Person, type Tutor } from './criteria.ts';

const person = (o: Partial<Person> & { userId: string }): Person => ({
  name: o.userId,
  email: `${o.userId}@example.org`,
  homeCommune: null,
  project: null,
  themes: [],
  languages: [],
  faculty: null,
  site: null,
  siteCity: null,
  siteKind: null,
  arrivedAt: '2026-09-01T00:00:00.000Z',
  ...o,
});

test('a theme the tutee wrote twice is shared once, in the reasons and in the score', () => {
  const tutor: Tutor = {
    ...person({ userId: 'tutor', themes: ['Installation', 'Pédiatrie'] }),
    capacity: 2,
    load: 0,
  };
  const tutee = person({ userId: 'tutee', themes: ['installation', 'Installation', 'pédiatrie'] });
  const cohort: Cohort = {
    tutors: [tutor],
    tutees: [tutee],
    conflicts: new Map(),
    knows: new Set(),
    tuteeRanks: new Map(),
    tutorRanks: new Map(),
    homeFaculty: null,
  };
  assert.deepEqual(facts(cohort, tutor, tutee).sharedThemes, ['installation', 'pédiatrie']);
});
