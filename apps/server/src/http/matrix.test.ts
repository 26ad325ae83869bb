import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { templates } from '../modules/programmes/templates.ts';
import { defaultQuestions } from '../modules/wellbeing/questions.ts';
import { createWorld, meeting, type World } from '../test/factories.ts';
import { type CoachingWorld, createCoachingWorld } from '../test/factories-coaching.ts';
import { createFeedbackWorld, type FeedbackWorld } from '../test/factories-feedback.ts';
import { createNetworkWorld, type NetworkWorld } from '../test/factories-networks.ts';
import { createTeamWorld, type TeamWorld } from '../test/factories-teams.ts';

/** The world a route is walked in: the teams' one, the feedback's, the coaching's or the networks'. */
type MatrixWorld = Partial<TeamWorld> &
  Partial<FeedbackWorld> &
  Partial<CoachingWorld> &
  Partial<NetworkWorld> &
  World;

import { changeLog, sessionCookie, setupTestServer } from '../test/harness.ts';
import { absencesMatrix } from './matrix-absences.ts';
import { agreementsMatrix } from './matrix-agreements.ts';
import { actorKinds, adminOnly, all, anyUser, type Cell, manager, orgMember } from './matrix-cells.ts';
import { coachingMatrix } from './matrix-coaching.ts';
import { feedbackMatrix } from './matrix-feedback.ts';
import { guidesMatrix } from './matrix-guides.ts';
import { networksMatrix } from './matrix-networks.ts';
import { portfolioMatrix } from './matrix-portfolio.ts';
import { requestMatrix } from './matrix-requests.ts';
import { reviewsMatrix } from './matrix-reviews.ts';
import { teamsMatrix } from './matrix-teams.ts';
import { trainingMatrix } from './matrix-training.ts';

/**
 * The authorization matrix: every /api route × every kind of actor → the expected status. A route
 * missing here fails the first test, so no route ships without a decision. A refused request
 * (401, 403, 404) must leave the database exactly as it was.
 */
const rulesBody = { ...templates['des-tutoring'].rules, tutorCapacity: { min: 2, max: 6 } };

export const matrix: Record<string, Cell> = {
  'GET /api/health': { expect: all(200) },
  'POST /api/auth/sign-in': {
    expect: all(401),
    body: (w) => ({ email: w.actors.tutee.email, password: 'not the password' }),
  },
  'POST /api/auth/magic-link': { expect: all(202), body: (w) => ({ email: w.actors.tutee.email }) },
  'POST /api/auth/magic-link/consume': { expect: all(400), body: () => ({ token: 'x'.repeat(43) }) },
  'POST /api/auth/password-reset': { expect: all(202), body: (w) => ({ email: w.actors.tutee.email }) },
  'POST /api/auth/password-reset/complete': {
    expect: all(400),
    body: () => ({ token: 'x'.repeat(43), password: 'a long enough password' }),
  },
  'GET /api/invitations/:token': { expect: all(400) },
  'POST /api/invitations/:token/accept': {
    expect: all(400),
    body: () => ({ password: 'a long enough password' }),
  },
  'POST /api/auth/sign-out': { expect: anyUser() },
  'POST /api/auth/sign-out-everywhere': { expect: anyUser() },
  'GET /api/me': { expect: anyUser() },
  'GET /api/session': { expect: all(200) },
  'POST /api/me/password': {
    expect: anyUser(400),
    body: () => ({ current: 'not the password', password: 'a long enough password' }),
  },
  'PATCH /api/me': { expect: anyUser(), body: () => ({ locale: 'en' }) },
  'GET /api/templates': { expect: anyUser() },
  'GET /api/orgs': { expect: anyUser() },
  'GET /api/orgs/:orgId': { expect: orgMember() },
  'PATCH /api/orgs/:orgId': { expect: adminOnly(), body: () => ({ name: 'Département renommé' }) },
  'POST /api/orgs/:orgId/programmes': {
    expect: manager(201),
    body: () => ({ name: 'Nouveau programme', template: 'peer-tutoring' }),
  },
  'GET /api/orgs/:orgId/profile': { expect: orgMember() },
  'PATCH /api/orgs/:orgId/profile': { expect: orgMember(), body: () => ({ homeCommune: 'Corbie' }) },
  'GET /api/orgs/:orgId/audit': { expect: adminOnly() },
  'GET /api/orgs/:orgId/retention': { expect: adminOnly() },
  'PUT /api/orgs/:orgId/retention': {
    expect: adminOnly(),
    body: () => ({
      auditDays: 365,
      signInDays: 90,
      sessionDays: 14,
      importDays: 3,
      pairingMonths: 24,
      difficultyMonths: 24,
    }),
  },
  'GET /api/me/record-reads': { expect: anyUser() },
  'GET /api/programmes/:programmeId': { expect: orgMember() },
  'PATCH /api/programmes/:programmeId': { expect: manager(), body: () => ({ rules: rulesBody }) },
  'POST /api/programmes/:programmeId/archive': { expect: manager() },
  'POST /api/programmes/:programmeId/unarchive': { expect: manager() },
  'POST /api/programmes/:programmeId/cohorts': {
    expect: manager(201),
    body: () => ({ name: 'S2', kind: 'semester', startsOn: '2027-05-01', endsOn: '2027-10-31' }),
  },
  'POST /api/programmes/:programmeId/cohorts/:cohortId/archive': { expect: manager() },
  'GET /api/programmes/:programmeId/people': { expect: orgMember() },
  // The person asked for is the tutee: the expert is not shown any profile.
  'GET /api/programmes/:programmeId/people/:userId': { expect: { ...orgMember(), expert: 404 } },
  'GET /api/programmes/:programmeId/my-group': { expect: orgMember() },
  // A person's own phone sharing: members of the programme only (an admin is not one).
  'GET /api/programmes/:programmeId/my-phone': { expect: { ...orgMember(), orgAdmin: 403 } },
  'PUT /api/programmes/:programmeId/my-phone': {
    expect: { ...orgMember(), orgAdmin: 403 },
    body: () => ({ shared: false }),
  },
  'GET /api/programmes/:programmeId/phone-reach': { expect: manager() },
  'POST /api/programmes/:programmeId/members': {
    expect: manager(201),
    body: () => ({
      email: `nouvelle-${Math.random().toString(36).slice(2)}@example.org`,
      name: 'Nouvelle Interne',
      role: 'tutee',
    }),
  },
  // The world's invitation is the other organisation's coordinator's: only they see and answer it.
  'GET /api/me/invitations': { expect: anyUser() },
  'GET /api/me/next': { expect: anyUser() },
  'POST /api/me/invitations/:invitationId/accept': {
    expect: { ...all(404), anonymous: 401, otherOrgCoordinator: 200 },
  },
  'POST /api/me/invitations/:invitationId/decline': {
    expect: { ...all(404), anonymous: 401, otherOrgCoordinator: 200 },
  },
  'PATCH /api/programmes/:programmeId/members/:membershipId': {
    expect: manager(),
    body: () => ({ capacity: 3 }),
  },
  'DELETE /api/programmes/:programmeId/members/:membershipId': { expect: manager() },
  'POST /api/programmes/:programmeId/members/:membershipId/invitation': { expect: manager(202) },
  // The matrix sends no file: a manager gets past the policy to the upload check (400 file_required),
  // and the shared world holds no import, so a manager's lookup of one ends in 404. The successful
  // paths are in modules/imports/routes.test.ts.
  'POST /api/programmes/:programmeId/imports': { expect: manager(400) },
  'GET /api/programmes/:programmeId/imports/:importId': { expect: manager(404) },
  'POST /api/programmes/:programmeId/imports/:importId/commit': { expect: manager(404) },
  'POST /api/programmes/:programmeId/imports/:importId/invitations': { expect: manager(404) },
  // Follow-up: the world's alert is on the tutor's pair with the tutee. The tutor sees it (403 on
  // coordinator actions); people without a relation to the pair do not (404).
  'GET /api/programmes/:programmeId/followup/dashboard': { expect: manager() },
  'GET /api/programmes/:programmeId/followup/alerts': { expect: orgMember() },
  'POST /api/programmes/:programmeId/followup/activity': {
    expect: { ...all(404), anonymous: 401, tutor: 201, coordinator: 201, orgAdmin: 201 },
    body: (w) => ({ pairingId: w.pairing.id, kind: 'contact', channel: 'phone' }),
  },
  'POST /api/followup/alerts/:alertId/snooze': {
    expect: { ...manager(), tutee: 404, otherTutee: 404, otherTutor: 404, expert: 404 },
    body: () => ({ days: 7 }),
  },
  'POST /api/followup/alerts/:alertId/close': {
    expect: { ...manager(), tutee: 404, otherTutee: 404, otherTutor: 404, expert: 404 },
    body: () => ({ note: 'Contact repris par la coordination.' }),
  },
  'POST /api/followup/alerts/:alertId/message': {
    expect: { ...manager(202), tutee: 404, otherTutee: 404, otherTutor: 404, expert: 404 },
    body: () => ({ text: 'Où en est le binôme ?' }),
  },
  'GET /api/programmes/:programmeId/followup/review': { expect: manager() },
  'GET /api/programmes/:programmeId/followup/review.csv': { expect: manager() },
  'GET /api/programmes/:programmeId/followup/review.pdf': { expect: manager() },
  'GET /api/notifications': { expect: anyUser() },
  'POST /api/notifications/read': { expect: anyUser(), body: () => ({}) },
  'GET /api/me/notification-preferences': { expect: anyUser() },
  'PUT /api/me/notification-preferences': {
    expect: anyUser(),
    body: () => ({
      channels: { alert: ['inapp', 'email'], reminder: ['inapp', 'email'], message: ['inapp'] },
      quietHours: { start: '21:00', end: '07:30' },
      timeZone: 'Europe/Paris',
      digest: 'weekly',
      digestDay: 1,
      emailOff: false,
    }),
  },
  // Without a token the request is malformed, for everyone (the links are tested in notify.test.ts).
  'GET /api/notifications/unsubscribe': { expect: all(400) },
  'POST /api/notifications/unsubscribe': { expect: all(400) },
  // Matching. The shared world has no unpaired tutee, no draft and no open round: a manager's
  // draft edits end in 404/409 here; their successful paths are in modules/matching/*.test.ts.
  'GET /api/programmes/:programmeId/matching': { expect: manager() },
  'GET /api/programmes/:programmeId/matching/mine': { expect: orgMember() },
  'PUT /api/programmes/:programmeId/matching/weights': {
    expect: manager(),
    body: () => ({
      distance: 8,
      sameSite: 5,
      project: 4,
      themes: 2,
      language: 5,
      faculty: 3,
      load: 4,
      knows: 6,
      choice: 8,
    }),
  },
  'POST /api/programmes/:programmeId/matching/runs': {
    expect: manager(201),
    body: () => ({ mode: 'optimal' }),
  },
  'POST /api/programmes/:programmeId/matching/draft/assign': {
    expect: manager(404),
    body: (w) => ({ tuteeId: w.actors.tutee.id, tutorId: w.actors.otherTutor.id }),
  },
  'POST /api/programmes/:programmeId/matching/draft/lock': {
    expect: manager(404),
    body: (w) => ({ tuteeId: w.actors.tutee.id, locked: true }),
  },
  'POST /api/programmes/:programmeId/matching/draft/publish': { expect: manager(404) },
  'DELETE /api/programmes/:programmeId/matching/draft': { expect: manager(404) },
  // A tutor or a tutee may declare a conflict of interest or a wish about themselves.
  'POST /api/programmes/:programmeId/matching/constraints': {
    expect: { ...manager(201), tutor: 201, tutee: 201 },
    body: (w) => ({ tutorId: w.actors.tutor.id, tuteeId: w.actors.tutee.id, kind: 'knows' }),
  },
  'DELETE /api/programmes/:programmeId/matching/constraints/:constraintId': { expect: manager(404) },
  'POST /api/programmes/:programmeId/matching/rounds': {
    expect: manager(201),
    body: () => ({ kind: 'tutee-choice', deadline: '2026-12-15T18:00:00Z' }),
  },
  'PUT /api/programmes/:programmeId/matching/rounds/current/ranking': {
    expect: orgMember(409),
    body: () => ({ ranking: [] }),
  },
  'POST /api/programmes/:programmeId/matching/rounds/current/close': { expect: manager(409) },
  'POST /api/programmes/:programmeId/matching/rollover': {
    expect: manager(),
    body: (w) => ({ cohortId: w.programme.cohortId }),
  },
  // A pairing is visible to its tutor, its tutee and the managers of its programme only.
  'POST /api/pairings/:pairingId/transition': {
    expect: { ...all(404), anonymous: 401, coordinator: 200, orgAdmin: 200, tutor: 403, tutee: 403 },
    body: () => ({ to: 'paused' }),
  },
  // The world's pairing is live: a manager is told there is no end to undo.
  'POST /api/pairings/:pairingId/undo-end': {
    expect: { ...all(404), anonymous: 401, coordinator: 409, orgAdmin: 409, tutor: 403, tutee: 403 },
  },
  'POST /api/pairings/:pairingId/repair-request': {
    expect: { ...all(404), anonymous: 401, coordinator: 200, orgAdmin: 200, tutor: 200, tutee: 200 },
    body: () => ({ reason: 'Nos projets ne se rejoignent pas.' }),
  },
  'GET /api/pairings/:pairingId/history': {
    expect: { ...all(404), anonymous: 401, coordinator: 200, orgAdmin: 200, tutor: 200, tutee: 200 },
  },
  // Meetings. The world's meeting is a poll by the tutor with their tutee: the organiser acts, the
  // tutee answers, the programme's managers read its metadata, anyone else is told it does not exist.
  // It has no time yet, so there is no invitation to download and no report to write (409); the
  // successful paths are in modules/meetings/*.test.ts.
  'GET /api/orgs/:orgId/availability': { expect: orgMember() },
  'POST /api/orgs/:orgId/availability/rules': {
    expect: orgMember(201),
    body: () => ({
      category: 'night-shift',
      kind: 'busy',
      pattern: 'weekly',
      weekdays: [2],
      startTime: '18:30',
      endTime: '08:30',
      restAfter: true,
    }),
  },
  'POST /api/orgs/:orgId/availability/phrases/preview': {
    expect: orgMember(),
    body: () => ({ text: 'garde tous les mardis' }),
  },
  'POST /api/orgs/:orgId/availability/phrases': {
    expect: orgMember(201),
    body: () => ({ text: 'cours de DES le 1er jeudi du mois' }),
  },
  'DELETE /api/orgs/:orgId/availability/rules/:ruleId': {
    expect: { ...all(404), anonymous: 401, tutee: 200 },
  },
  'POST /api/orgs/:orgId/availability/calendars': {
    expect: orgMember(201),
    body: () => ({
      kind: 'upload',
      label: 'Planning',
      text: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
    }),
  },
  'DELETE /api/orgs/:orgId/availability/calendars/:calendarId': {
    expect: { ...all(404), anonymous: 401, tutee: 200 },
  },
  'POST /api/me/calendar-feed': { expect: anyUser() },
  'GET /api/feeds/:token': { expect: all(404) },
  'GET /api/programmes/:programmeId/events': { expect: orgMember() },
  'POST /api/programmes/:programmeId/events': {
    expect: manager(201),
    body: () => ({
      title: 'Journée de cours',
      kind: 'course-day',
      start: '2026-12-03T08:00:00Z',
      end: '2026-12-03T16:00:00Z',
    }),
  },
  'PATCH /api/programmes/:programmeId/events/:eventId': {
    expect: manager(),
    body: () => ({ title: 'Journée d’accueil des internes' }),
  },
  'DELETE /api/programmes/:programmeId/events/:eventId': { expect: manager() },
  'GET /api/programmes/:programmeId/meetings': { expect: orgMember() },
  'POST /api/programmes/:programmeId/slots': {
    expect: {
      ...all(403),
      anonymous: 401,
      tutor: 200,
      otherTutor: 400,
      coordinator: 200,
      orgAdmin: 200,
      otherOrgCoordinator: 404,
    },
    body: (w) => ({
      participantIds: [w.actors.tutee.id],
      durationMinutes: 60,
      from: '2026-11-20',
      to: '2026-11-27',
    }),
  },
  'POST /api/programmes/:programmeId/meetings': {
    expect: {
      ...all(403),
      anonymous: 401,
      tutor: 201,
      otherTutor: 400,
      coordinator: 201,
      orgAdmin: 201,
      otherOrgCoordinator: 404,
    },
    body: (w) => ({
      title: 'Rencontre du groupe',
      mode: 'video',
      durationMinutes: 60,
      participantIds: [w.actors.tutee.id],
      options: [{ start: '2026-11-24T18:00:00Z' }],
    }),
  },
  'GET /api/meetings/:meetingId': {
    expect: { ...all(404), anonymous: 401, tutor: 200, tutee: 200, coordinator: 200, orgAdmin: 200 },
  },
  'PATCH /api/meetings/:meetingId': {
    expect: { ...all(404), anonymous: 401, tutor: 200, tutee: 403, coordinator: 403, orgAdmin: 403 },
    body: () => ({ place: 'Salle 2' }),
  },
  'POST /api/meetings/:meetingId/answers': {
    expect: { ...all(404), anonymous: 401, tutor: 403, tutee: 200, coordinator: 403, orgAdmin: 403 },
    body: (w) => ({ answers: [{ optionId: w.meetings.optionId, answer: 'yes' }] }),
  },
  'POST /api/meetings/:meetingId/confirm': {
    expect: { ...all(404), anonymous: 401, tutor: 200, tutee: 403, coordinator: 403, orgAdmin: 403 },
    body: (w) => ({ optionId: w.meetings.optionId }),
  },
  'POST /api/meetings/:meetingId/nudge': {
    expect: { ...all(404), anonymous: 401, tutor: 200, tutee: 403, coordinator: 403, orgAdmin: 403 },
  },
  'POST /api/meetings/:meetingId/cancel': {
    expect: { ...all(404), anonymous: 401, tutor: 200, tutee: 403, coordinator: 403, orgAdmin: 403 },
  },
  'GET /api/meetings/:meetingId/invitation': { expect: { ...all(404), anonymous: 401 } },
  'GET /api/meetings/:meetingId/report': {
    expect: { ...all(404), anonymous: 401, tutor: 200, tutee: 200, coordinator: 200, orgAdmin: 200 },
  },
  'PUT /api/meetings/:meetingId/report': {
    expect: { ...all(404), anonymous: 401, tutor: 409, tutee: 403, coordinator: 403, orgAdmin: 403 },
    body: () => ({ attendance: [], durationMinutes: 60, content: {}, file: false }),
  },
  // Only a tutored interview takes the resident's view and signatures (the world's meeting is not one).
  'PUT /api/meetings/:meetingId/report/resident-view': {
    expect: { ...all(404), anonymous: 401, tutor: 409, tutee: 409, coordinator: 409, orgAdmin: 409 },
    body: () => ({ text: 'Mon année' }),
  },
  'POST /api/meetings/:meetingId/report/signatures': {
    expect: { ...all(404), anonymous: 401, tutor: 409, tutee: 409, coordinator: 409, orgAdmin: 409 },
    body: (w) => ({ name: w.actors.tutee.name, consent: true, hash: 'a'.repeat(64) }),
  },
  'GET /api/polls/:token': { expect: all(404) },
  'POST /api/polls/:token': {
    expect: all(404),
    body: () => ({ answers: [{ optionId: 'x', answer: 'yes' }] }),
  },
  'GET /api/programmes/:programmeId/contacts': { expect: orgMember() },
  'POST /api/programmes/:programmeId/contacts': {
    expect: {
      ...all(403),
      anonymous: 401,
      tutor: 201,
      otherTutor: 400,
      coordinator: 201,
      orgAdmin: 201,
      otherOrgCoordinator: 404,
    },
    body: (w) => ({ tuteeId: w.actors.tutee.id, channel: 'sms' }),
  },
  // Data rights: everyone exports their own data and asks for its erasure (the world's accounts have
  // no password: they type the word). The only admin of an organisation is asked to name another
  // first (409). No request is waiting in the shared world: an admin's decision on one is a 404.
  'GET /api/me/data/export.json': { expect: anyUser() },
  'GET /api/me/data/export.pdf': { expect: anyUser() },
  'GET /api/me/data/erasure': { expect: anyUser() },
  'POST /api/me/data/erasure': {
    expect: { ...anyUser(201), orgAdmin: 409, otherOrgCoordinator: 409 },
    body: () => ({ confirmation: 'SUPPRIMER' }),
  },
  'DELETE /api/me/data/erasure': { expect: anyUser(409) },
  'GET /api/orgs/:orgId/erasure-requests': { expect: adminOnly() },
  'POST /api/orgs/:orgId/erasure-requests/:requestId/confirm': { expect: adminOnly(404) },
  'POST /api/orgs/:orgId/erasure-requests/:requestId/decline': {
    expect: adminOnly(404),
    body: () => ({ reason: 'Le DES n’est pas terminé.' }),
  },
  // Difficulties. The world's difficulty is the tutee's, anonymised and systemic: its author and the
  // programme's coordination read it and write on it; the coordination moves it on and forwards it.
  // An admin who is no member of the programme raises nothing in it (403).
  'POST /api/programmes/:programmeId/difficulties': {
    expect: { ...all(201), anonymous: 401, orgAdmin: 403, otherOrgCoordinator: 404 },
    body: () => ({
      category: 'workload',
      scope: 'individual',
      description: 'Trop de patients par demi-journée en stage.',
      anonymised: false,
    }),
  },
  'GET /api/orgs/:orgId/difficulties/mine': { expect: orgMember() },
  'GET /api/orgs/:orgId/difficulties/inbox': { expect: manager() },
  'GET /api/difficulties/:difficultyId': {
    expect: { ...all(404), anonymous: 401, tutee: 200, coordinator: 200, orgAdmin: 200 },
  },
  'POST /api/difficulties/:difficultyId/messages': {
    expect: { ...all(404), anonymous: 401, tutee: 201, coordinator: 201, orgAdmin: 201 },
    body: () => ({ body: 'Merci, nous regardons cela cette semaine.' }),
  },
  'POST /api/difficulties/:difficultyId/state': {
    expect: { ...all(404), anonymous: 401, tutee: 403, coordinator: 200, orgAdmin: 200 },
    body: () => ({ to: 'acknowledged' }),
  },
  'POST /api/difficulties/:difficultyId/forward': {
    expect: { ...all(404), anonymous: 401, tutee: 403, coordinator: 201, orgAdmin: 201 },
    body: (w) => ({ orgId: w.otherOrgId, text: 'Les gardes s’enchaînent sans repos de sécurité.' }),
  },
  // Expert consultations. The world's consultation is the tutor's, to the expert, about the tutee:
  // only those two read it. A tutee or an expert asks nobody (403); the other tutor may not discuss
  // a tutee who is not theirs (400).
  'GET /api/orgs/:orgId/consultations': { expect: orgMember() },
  'GET /api/orgs/:orgId/consultations/options': {
    expect: { ...orgMember(403), tutor: 200, otherTutor: 200, coordinator: 200, orgAdmin: 200 },
  },
  'POST /api/orgs/:orgId/consultations': {
    expect: { ...orgMember(403), tutor: 201, otherTutor: 400, coordinator: 201, orgAdmin: 201 },
    body: (w) => ({
      programmeId: w.programme.id,
      expertId: w.actors.expert.id,
      subjectId: w.actors.tutee.id,
      anonymised: false,
      question: 'Comment l’aider à reprendre confiance après un stage difficile ?',
    }),
  },
  'GET /api/consultations/:consultationId': {
    expect: { ...all(404), anonymous: 401, tutor: 200, expert: 200 },
  },
  'POST /api/consultations/:consultationId/messages': {
    expect: { ...all(404), anonymous: 401, tutor: 201, expert: 201 },
    body: () => ({ body: 'Proposez-lui un temps d’échange sans enjeu d’évaluation.' }),
  },
  'POST /api/consultations/:consultationId/close': {
    expect: { ...all(404), anonymous: 401, tutor: 200, expert: 403 },
  },
  // Pair threads: the tutee and the pair's tutor only; nobody else learns the thread exists (404).
  'GET /api/me/threads': { expect: anyUser() },
  'GET /api/pairings/:pairingId/messages': {
    expect: { ...all(404), anonymous: 401, tutee: 200, tutor: 200 },
  },
  'POST /api/pairings/:pairingId/messages': {
    expect: { ...all(404), anonymous: 401, tutee: 201, tutor: 201 },
    body: () => ({ body: 'Pouvons-nous nous appeler cette semaine ?' }),
  },
  // Well-being: the world's check-in signalled distress and its tutee told their tutor. Only the
  // tutee reads their check-in, only the tutor the alert; nobody else learns it exists (404).
  'GET /api/checkin-link': { expect: all(400) },
  'POST /api/checkin-link': { expect: all(400), body: () => who5Answer },
  'POST /api/checkin-link/tell-tutor': { expect: all(400), body: () => ({ tell: true }) },
  'GET /api/me/wellbeing': { expect: anyUser() },
  'GET /api/checkins/:checkinId': { expect: { ...all(404), anonymous: 401, tutee: 200 } },
  'POST /api/checkins/:checkinId': {
    expect: { ...all(404), anonymous: 401, tutee: 409 },
    body: () => who5Answer,
  },
  'POST /api/checkins/:checkinId/tell-tutor': {
    expect: { ...all(404), anonymous: 401, tutee: 200 },
    body: () => ({ tell: true }),
  },
  'PUT /api/programmes/:programmeId/checkin-consent': {
    expect: { ...manager(403), coordinator: 403, orgAdmin: 403, tutee: 200, otherTutee: 200 },
    body: () => ({ consent: true }),
  },
  'GET /api/programmes/:programmeId/people/:userId/checkins': {
    expect: { ...all(404), anonymous: 401, tutee: 200, tutor: 200 },
  },
  'GET /api/wellbeing-alerts/:checkinId': { expect: { ...all(404), anonymous: 401, tutor: 200 } },
  'POST /api/wellbeing-alerts/:checkinId/seen': { expect: { ...all(404), anonymous: 401, tutor: 200 } },
  'GET /api/programmes/:programmeId/checkin-settings': { expect: manager() },
  'PUT /api/programmes/:programmeId/checkin-settings': {
    expect: manager(),
    body: () => ({ questions: defaultQuestions, news: 'L’assemblée générale a lieu le 12 mars.' }),
  },
  'GET /api/programmes/:programmeId/wellbeing/summary': { expect: manager() },
  'GET /api/orgs/:orgId/help': { expect: orgMember() },
  'PUT /api/orgs/:orgId/help': {
    expect: manager(),
    body: () => ({
      resources: [
        {
          id: null,
          name: 'Soutien psychologique de la faculté',
          purpose: 'Consultations gratuites pour les internes',
          phone: '03 22 00 00 00',
          hours: 'Du lundi au vendredi, 9 h – 17 h',
          url: 'https://example.org/soutien',
          confidential: true,
        },
      ],
    }),
  },
  'GET /api/orgs/:orgId/guide': { expect: orgMember() },
  'PUT /api/orgs/:orgId/guide': { expect: manager(), body: () => ({ lang: 'fr', sections: null }) },
  ...portfolioMatrix,
  ...reviewsMatrix,
  ...requestMatrix,
  ...agreementsMatrix,
  ...teamsMatrix,
  ...feedbackMatrix,
  ...coachingMatrix,
  ...guidesMatrix,
  ...trainingMatrix,
  ...networksMatrix,
  ...absencesMatrix,
};

const who5Answer = {
  who5: { 'who5.1': 3, 'who5.2': 3, 'who5.3': 3, 'who5.4': 3, 'who5.5': 3 },
  answers: [],
  hidden: [],
};

function fillParams(url: string, w: MatrixWorld): string {
  const values: Record<string, string> = {
    orgId: w.orgId,
    programmeId: w.programme.id,
    cohortId: w.programme.cohortId,
    membershipId: w.tuteeMembership,
    userId: w.actors.tutee.id,
    token: 'y'.repeat(43),
    importId: w.importId ?? 'none',
    alertId: w.followup.alertId,
    meetingId: w.meetings.meetingId,
    ruleId: w.meetings.ruleId,
    calendarId: w.meetings.calendarId,
    eventId: w.meetings.eventId,
    pairingId: w.pairing.id,
    constraintId: 'none',
    // The supervisor request of the tutee; no erasure request has this id.
    requestId: w.portfolio.supervisorRequestId,
    invitationId: w.invitationId,
    checkinId: w.wellbeing.checkinId,
    difficultyId: w.concerns.difficultyId,
    consultationId: w.concerns.consultationId,
    residentId: w.actors.tutee.id,
    traceId: w.portfolio.traceId,
    attachmentId: w.portfolio.attachmentId,
    phaseId: w.portfolio.phaseId,
    reviewId: w.reviews.reviewId,
    questionnaireId: w.reviews.questionnaireId,
    askId: w.reviews.askId,
    joinRequestId: w.requests.joinRequestId,
    teamId: w.teams?.teamId ?? 'none',
    memberId: w.teams?.mateId ?? 'none',
    overloadId: w.teams?.overloadId ?? 'none',
    moveId: w.teams?.moveId ?? 'none',
    teamMeetingId: w.teams?.meetingId ?? 'none',
    caseId: w.feedback?.caseId ?? 'none',
    peerRequestId: w.feedback?.peerRequestId ?? 'none',
    feedbackAskId: w.feedback?.feedbackAskId ?? 'none',
    guideId: w.guides.guideId,
    suggestionId: w.guides.suggestionId,
    announcementId: w.guides.announcementId,
    sessionId: w.training.sessionId,
    networkId: w.networks?.networkId ?? 'none',
    networkMessageId: w.networks?.messageId ?? 'none',
    networkSessionId: w.networks?.sessionId ?? 'none',
    // Leave and replacement: the world has none (absences.test.ts walks real ones).
    absenceId: 'none',
    coverId: 'none',
    coachingId: w.coaching?.coachingId ?? 'none',
  };
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const v = values[name];
    if (!v) throw new Error(`No value for :${name} in ${url}`);
    return v;
  });
}

const server = await setupTestServer();
// Which tables a request wrote, read from triggers: constant time however many worlds the file creates.
const changes = await changeLog(server.ctx);

describe('the change log that proves a refusal wrote nothing', () => {
  test('sees a row inserted, changed or deleted; not a write that changes nothing, nor sessions', async () => {
    const w = await createWorld(server.ctx);
    const org = () => server.db.updateTable('organisations').where('id', '=', w.orgId);
    const current = await server.db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', w.orgId)
      .executeTakeFirstOrThrow();
    let mark = await changes.mark();
    await org().set({ name: current.name }).execute();
    await sessionCookie(server.ctx, w.actors.tutor.id);
    assert.deepEqual(await changes.changedSince(mark), []);
    await org()
      .set({ name: `${current.name} (renamed)` })
      .execute();
    assert.deepEqual(await changes.changedSince(mark), ['organisations']);
    mark = await changes.mark();
    await server.db.deleteFrom('sessions').where('user_id', '=', w.actors.tutor.id).execute();
    await server.db.deleteFrom('memberships').where('user_id', '=', w.actors.tutor.id).execute();
    assert.deepEqual(await changes.changedSince(mark), ['memberships']);
  });
});

describe('H1: a coordinator switches report visibility on to read past reports', () => {
  test('a report filed while hidden stays hidden, through the report and the meeting page', async () => {
    const w = await createWorld(server.ctx);
    const call = (cookie: string, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
      server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const { id } = await meeting(server.ctx, {
      pairing: w.pairing,
      at: new Date(server.clock.now().getTime() - 86_400_000),
    });
    const filed = await call(w.actors.tutor.cookie, 'PUT', `/api/meetings/${id}/report`, {
      attendance: [{ userId: w.actors.tutee.id, status: 'present' }],
      durationMinutes: 45,
      content: { themes: 'Confidentiel' },
      file: true,
    });
    assert.equal(filed.statusCode, 200, filed.body);
    const programme = (
      await call(w.actors.coordinator.cookie, 'GET', `/api/programmes/${w.programme.id}`)
    ).json();
    const switched = await call(w.actors.coordinator.cookie, 'PATCH', `/api/programmes/${w.programme.id}`, {
      rules: {
        ...programme.rules,
        reportVisibility: { ...programme.rules.reportVisibility, coordinator: true },
      },
    });
    assert.equal(switched.statusCode, 200, switched.body);
    for (const cookie of [w.actors.coordinator.cookie, w.actors.orgAdmin.cookie]) {
      const report = await call(cookie, 'GET', `/api/meetings/${id}/report`);
      assert.equal(report.statusCode, 200, report.body);
      assert.equal(report.json().content, null);
      assert.ok(!report.body.includes('Confidentiel'));
      assert.equal((await call(cookie, 'GET', `/api/meetings/${id}`)).json().actions.viewReport, false);
    }
    const audited = await server.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', w.orgId)
      .where('action', '=', 'programme.confidentiality_changed')
      .execute();
    assert.equal(audited.length, 1);
  });
});

describe('H2: a coordinator adds the e-mail of an account of another organisation', () => {
  test('the answer holds only what was typed; nothing is enrolled until the person accepts', async () => {
    const w = await createWorld(server.ctx);
    const outsider = w.actors.otherOrgCoordinator;
    await server.db
      .updateTable('users')
      .set({ phone: '+33677889900' })
      .where('id', '=', outsider.id)
      .execute();
    await server.db.deleteFrom('programme_invitations').where('id', '=', w.invitationId).execute();
    const before = await changes.mark();
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/members`,
      headers: { cookie: w.actors.coordinator.cookie },
      payload: { email: outsider.email, name: 'Quelqu’un', role: 'tutee' },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json(), {
      email: outsider.email,
      name: 'Quelqu’un',
      role: 'tutee',
      status: 'invited',
    });
    const written = await changes.changedSince(before);
    for (const table of ['memberships', 'org_members', 'users']) {
      assert.ok(!written.includes(table), `adding wrote to ${table} before any answer`);
    }
    assert.ok(written.includes('programme_invitations'));
  });
});

describe('authorization matrix', () => {
  test('every /api route has an entry, and every entry is a route', () => {
    const routes = server.app.routeInfos.map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !(r in matrix));
    const stale = Object.keys(matrix).filter((k) => !routes.includes(k));
    assert.deepEqual(missing, [], `routes without an authorization entry: ${missing.join(', ')}`);
    assert.deepEqual(stale, [], `matrix entries for routes that do not exist: ${stale.join(', ')}`);
  });

  for (const [route, cell] of Object.entries(matrix)) {
    test(route, async () => {
      const [method, url] = route.split(' ') as [string, string];
      const auth = server.app.routeInfos.find((r) => r.method === method && r.url === url)?.auth;
      // One world per route serves every request that cannot change it: refusals (the test proves
      // they write nothing) and reads. A write that succeeds gets a fresh world, so the next actor
      // finds the record as the first did.
      // Team cases and feedback have a world of their own (the tutor and the other tutor in one team),
      // coaching too (the tutor coaching Tuteur D), networks theirs (two organisations' teams in one
      // network); every other route the teams' world (the tutor and Tuteur C in one team).
      const fresh = (): Promise<MatrixWorld> =>
        route in feedbackMatrix
          ? createFeedbackWorld(server.ctx)
          : route in coachingMatrix
            ? createCoachingWorld(server.ctx)
            : route in networksMatrix
              ? createNetworkWorld(server.ctx)
              : createTeamWorld(server.ctx);
      let shared: MatrixWorld | undefined;
      for (const kind of actorKinds) {
        const expected = cell.expect[kind];
        // A failed sign-in is recorded on purpose; any other refusal must write nothing.
        const refused = expected === 403 || expected === 404 || (expected === 401 && auth === 'user');
        let w: MatrixWorld;
        if (refused || method === 'GET') {
          shared ??= await fresh();
          w = shared;
        } else {
          w = await fresh();
        }
        const cookie = kind === 'anonymous' ? undefined : w.actors[kind].cookie;
        const before = await changes.mark();
        const res = await server.app.inject({
          method: method as 'GET',
          url: fillParams(url, w),
          headers: cookie ? { cookie } : {},
          ...(cell.body ? { payload: cell.body(w) as object } : {}),
        });
        assert.equal(res.statusCode, expected, `${route} as ${kind}: ${res.body.slice(0, 300)}`);
        if (refused)
          assert.deepEqual(
            await changes.changedSince(before),
            [],
            `${route} as ${kind} changed the database`,
          );
      }
    });
  }
});
