import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { z } from 'zod';
import { acceptInvitationBody } from '../modules/auth/schema.ts';
import { calendarBody } from '../modules/availability/schema.ts';
import { eventBody, eventPatch, meetingBody, meetingPatch } from '../modules/meetings/schema.ts';
import { addMemberBody, profileBody } from '../modules/people/schema.ts';
import {
  createCohortBody,
  createProgrammeBody,
  updateOrganisationBody,
  updateProgrammeBody,
} from '../modules/programmes/schema.ts';
import { createWorld } from '../test/factories.ts';
import { setupTestServer } from '../test/harness.ts';
import { isCleanName, isWebUrl } from './text.ts';

const s = await setupTestServer();

// Each character that must never reach a stored name.
const forbidden = {
  NUL: '\u0000',
  'line break': '\n',
  tab: '\t',
  escape: '\u001B',
  DEL: '\u007F',
  'next line (C1)': '\u0085',
  LRE: '\u202A',
  RLE: '\u202B',
  PDF: '\u202C',
  LRO: '\u202D',
  RLO: '\u202E',
  LRI: '\u2066',
  RLI: '\u2067',
  FSI: '\u2068',
  PDI: '\u2069',
};

describe('names', () => {
  test('control and bidirectional override characters are refused; names of every script are not', () => {
    for (const [what, c] of Object.entries(forbidden)) {
      assert.equal(isCleanName(`Dr Martin${c}txt.exe`), false, what);
    }
    for (const name of [
      'Élodie N’Guessan-Dupont',
      'محمد بن علي',
      'אברהם\u200F כהן',
      '李雷',
      'Ørsted Ågren',
    ]) {
      assert.equal(isCleanName(name), true, name);
    }
  });

  test('every name and title a request can carry goes through the same check', () => {
    const rlo = 'Dr \u202Egnp.exe';
    const cohort = { kind: 'semester', startsOn: '2027-05-01', endsOn: '2027-10-31' };
    const meeting = {
      mode: 'in-person',
      durationMinutes: 60,
      participantIds: ['u'],
      options: [{ start: '2026-12-01T09:00:00Z' }],
    };
    const event = { kind: 'other', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' };
    const cases: [string, z.ZodType, unknown][] = [
      ['invitation: name', acceptInvitationBody, { name: rlo }],
      ['member: name', addMemberBody, { email: 'a@b.test', name: rlo, role: 'tutee' }],
      ['profile: placement site', profileBody, { placement: { period: 'S1', site: rlo, city: null } }],
      ['profile: home commune', profileBody, { homeCommune: rlo }],
      ['programme: name', createProgrammeBody, { name: rlo, template: 'des-tutoring' }],
      [
        'programme: first cohort',
        createProgrammeBody,
        { name: 'DES', template: 'des-tutoring', cohort: { ...cohort, name: rlo } },
      ],
      ['programme: new name', updateProgrammeBody, { name: rlo }],
      ['cohort: name', createCohortBody, { ...cohort, name: rlo }],
      ['organisation: name', updateOrganisationBody, { name: rlo }],
      ['meeting: title', meetingBody, { ...meeting, title: rlo }],
      ['meeting: new title', meetingPatch, { title: rlo }],
      ['meeting: place', meetingBody, { ...meeting, title: 'Point', place: rlo }],
      ['meeting: new place', meetingPatch, { place: rlo }],
      ['event: title', eventBody, { ...event, title: rlo }],
      ['event: new title', eventPatch, { ...event, title: rlo }],
      ['calendar: label', calendarBody, { kind: 'upload', label: rlo, text: 'BEGIN:VCALENDAR' }],
    ];
    for (const [what, schema, body] of cases) {
      const r = schema.safeParse(body);
      assert.equal(r.success, false, what);
      assert.ok(
        r.error?.issues.some((i) => i.code === 'custom' && i.params?.code === 'invalid_characters'),
        `${what}: ${JSON.stringify(r.error?.issues)}`,
      );
    }
  });

  test('a programme renamed with a right-to-left override is refused in the person’s language, and keeps its name', async () => {
    const w = await createWorld(s.ctx);
    const url = `/api/programmes/${w.programme.id}`;
    const before = (
      await s.app.inject({ method: 'GET', url, headers: { cookie: w.actors.coordinator.cookie } })
    ).json().name;
    for (const [lang, text] of [
      ['fr', /caractères invisibles ou de contrôle/],
      ['en', /invisible or control characters/],
    ] as const) {
      const res = await s.app.inject({
        method: 'PATCH',
        url,
        headers: { cookie: w.actors.coordinator.cookie, 'accept-language': lang },
        payload: { name: 'Tutorat \u202Egnp.exe' },
      });
      assert.equal(res.statusCode, 400, res.body);
      const field = res.json().error.details.fields[0];
      assert.equal(field.path, 'name');
      assert.match(field.message, text);
    }
    const after = (
      await s.app.inject({ method: 'GET', url, headers: { cookie: w.actors.coordinator.cookie } })
    ).json().name;
    assert.equal(after, before);
  });
});

describe('video links', () => {
  test('only secure web addresses: https, with a host', () => {
    for (const ok of [
      'https://visio.example.org/abc',
      'https://10.0.0.5:8443/room',
      'https://meet.jit.si/Compagnon-42',
    ]) {
      assert.equal(isWebUrl(ok), true, ok);
    }
    for (const bad of [
      'javascript:alert(document.cookie)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.org/x',
      'http://visio.example.org/abc',
      'https:',
      'visio.example.org',
    ]) {
      assert.equal(isWebUrl(bad), false, bad);
    }
  });

  test('a javascript: link is refused with a clear message and never reaches the meeting or its invitation', async () => {
    const w = await createWorld(s.ctx);
    const meetings = () =>
      s.db
        .selectFrom('meetings')
        .select(['id', 'video_url'])
        .where('programme_id', '=', w.programme.id)
        .execute();
    const count = (await meetings()).length;
    const create = (videoUrl: string, lang = 'fr') =>
      s.app.inject({
        method: 'POST',
        url: `/api/programmes/${w.programme.id}/meetings`,
        headers: { cookie: w.actors.tutor.cookie, 'accept-language': lang },
        payload: {
          title: 'Point d’étape',
          mode: 'video',
          videoUrl,
          durationMinutes: 60,
          participantIds: [w.actors.tutee.id],
          options: [{ start: '2026-11-25T17:00:00Z' }],
        },
      });
    for (const [lang, text] of [
      ['fr', /commençant par https:\/\//],
      ['en', /starting with https:\/\//],
    ] as const) {
      const res = await create('javascript:alert(document.cookie)//https://visio.example.org', lang);
      assert.equal(res.statusCode, 400, res.body);
      const field = res.json().error.details.fields[0];
      assert.equal(field.path, 'videoUrl');
      assert.match(field.message, text);
    }
    assert.equal((await meetings()).length, count, 'nothing written');

    const ok = await create('https://visio.example.org/abc');
    assert.equal(ok.statusCode, 201, ok.body);
    const id = ok.json().id as string;
    const patch = await s.app.inject({
      method: 'PATCH',
      url: `/api/meetings/${id}`,
      headers: { cookie: w.actors.tutor.cookie },
      payload: { videoUrl: 'javascript:alert(1)' },
    });
    assert.equal(patch.statusCode, 400, patch.body);
    const stored = (await meetings()).find((m) => m.id === id);
    assert.equal(stored?.video_url, 'https://visio.example.org/abc');
  });
});
