import assert from 'node:assert/strict';
import { test } from 'node:test';
import { access, recordKinds, relations, table } from './confidentiality.ts';

// The product brief's table, row by row, as a reader would check it.
test('contact details: own, own tutees, other tutors by name only, coordinator yes, expert no', () => {
  assert.equal(access('profile', 'self'), 'full');
  assert.equal(access('profile', 'tutor'), 'full');
  assert.equal(access('profile', 'otherTutor'), 'nameOnly');
  assert.equal(access('profile', 'coordinator'), 'full');
  assert.equal(access('profile', 'expert'), 'none');
});

test('meeting report content follows the programme setting for tutee and coordinator', () => {
  assert.equal(access('reportContent', 'self'), 'setting');
  assert.equal(access('reportContent', 'coordinator'), 'setting');
  assert.equal(access('reportContent', 'tutor'), 'full');
  assert.equal(access('reportContent', 'otherTutor'), 'none');
});

test('check-ins: coordinator aggregates only, tutor unless hidden; private notes: author only', () => {
  assert.equal(access('checkIn', 'coordinator'), 'aggregate');
  assert.equal(access('checkIn', 'tutor'), 'unlessHidden');
  assert.equal(access('portfolio', 'coordinator'), 'statusOnly');
  assert.equal(access('escalation', 'coordinator'), 'anonymisedIfAsked');
  assert.equal(access('escalation', 'expert'), 'ownCase');
  for (const r of relations) {
    assert.ok(['authorOnly', 'none'].includes(access('privateNote', r)), `private note for ${r}`);
  }
});

test('nobody outside the programme sees anything, and other tutors see no content at all', () => {
  for (const k of recordKinds) {
    assert.equal(table[k].none, 'none', k);
    if (k !== 'profile') assert.equal(table[k].otherTutor, 'none', k);
    if (k !== 'profile') assert.equal(table[k].expert === 'none' || k === 'escalation', true, k);
  }
});
