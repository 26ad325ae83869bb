import { all, anyUser, type Cell, manager } from './matrix-cells.ts';

// End reviews and questionnaires in the authorization matrix. The world's tutee has an end review of
// their pair, a draft they chose to share: it is theirs alone until submitted (the coordination reads
// a shared review once submitted, tested in modules/reviews). A questionnaire was asked of the tutee:
// only they see and answer it; its results are the programme's managers'.

const author = (status: number) => ({ ...all(404), anonymous: 401, tutee: status });
const draft = () => ({
  texts: { achieved: 'Mon cabinet est ouvert.' },
  scales: { relationship: 5, programme: 4, goals: 4, portfolio: 3 },
  themes: ['premises'],
  otherTheme: null,
  shared: true,
});
const questionnaire = () => ({
  title: 'Vos attentes',
  audience: 'tutees',
  questions: [{ kind: 'scale', label: 'Êtes-vous satisfait·e ?' }],
  moment: 'after-start',
  months: 3,
  sendOn: null,
  active: true,
});

export const reviewsMatrix: Record<string, Cell> = {
  'GET /api/me/end-reviews': { expect: anyUser() },
  'GET /api/end-reviews/:reviewId': { expect: author(200) },
  'PUT /api/end-reviews/:reviewId': { expect: author(200), body: draft },
  'POST /api/end-reviews/:reviewId/submit': { expect: author(200), body: draft },
  'GET /api/programmes/:programmeId/end-reviews': { expect: manager() },
  'GET /api/programmes/:programmeId/questionnaires': { expect: manager() },
  'POST /api/programmes/:programmeId/questionnaires': { expect: manager(201), body: questionnaire },
  // The world's questionnaire has no answer yet: its questions may still change.
  'PUT /api/questionnaires/:questionnaireId': { expect: manager(), body: questionnaire },
  'GET /api/me/questionnaires': { expect: anyUser() },
  'GET /api/questionnaire-asks/:askId': { expect: author(200) },
  'POST /api/questionnaire-asks/:askId/answers': {
    expect: author(201),
    body: () => ({ answers: { q1: 4, q2: true, q3: 'Bien' } }),
  },
};
