import { desFramework } from '../modules/portfolio/framework.ts';
import { all, anyUser, type Cell, manager, orgMember } from './matrix-cells.ts';

// The portfolio's routes in the authorization matrix. The world's tutee has one trace, sent to
// their tutor and waiting for review: the tutee and that tutor read it, nobody else does (the
// coordination gets counts only, through the overview).

/** The tutee and their tutor, with the given statuses; everyone else is told it does not exist. */
const pair = (tutee: number, tutor: number) => ({ ...all(404), anonymous: 401, tutee, tutor });
const link = (expect = all(404)) => ({ expect });
const inAWeek = () => '2026-11-23';

export const portfolioMatrix: Record<string, Cell> = {
  'GET /api/me/portfolio': { expect: anyUser() },
  'GET /api/me/portfolio/queue': { expect: anyUser() },
  'GET /api/programmes/:programmeId/portfolio/framework': { expect: orgMember() },
  'PUT /api/programmes/:programmeId/portfolio/framework': {
    expect: manager(),
    body: () => ({ framework: { ...desFramework, weeklyReviewCap: 4 } }),
  },
  'GET /api/programmes/:programmeId/portfolio/overview': {
    expect: { ...all(404), anonymous: 401, coordinator: 200, orgAdmin: 200 },
  },
  'GET /api/programmes/:programmeId/portfolio/residents/:residentId': { expect: pair(200, 200) },
  'POST /api/programmes/:programmeId/portfolio/residents/:residentId/traces': {
    expect: pair(201, 403),
    body: () => ({ typeId: 'trace' }),
  },
  'GET /api/portfolio/traces/:traceId': { expect: pair(200, 200) },
  'PUT /api/portfolio/traces/:traceId/draft': {
    // Sent: the tutee writes again only after a revision is asked.
    expect: pair(409, 403),
    body: () => ({ title: 'Mon RSCA', body: 'Texte' }),
  },
  'POST /api/portfolio/traces/:traceId/submit': { expect: pair(409, 403) },
  'POST /api/portfolio/traces/:traceId/messages': {
    expect: pair(200, 200),
    body: () => ({ body: 'Merci, on en parle jeudi ?' }),
  },
  'POST /api/portfolio/traces/:traceId/revision': {
    expect: pair(403, 200),
    body: () => ({ body: 'Développez la recherche documentaire.', dueOn: inAWeek() }),
  },
  'POST /api/portfolio/traces/:traceId/validate': {
    expect: pair(403, 200),
    body: () => ({ competencies: [{ id: 'relation', level: 'intermediate' }] }),
  },
  'POST /api/portfolio/traces/:traceId/attachments': { expect: pair(409, 403) },
  'GET /api/portfolio/attachments/:attachmentId': { expect: pair(200, 200) },
  'DELETE /api/portfolio/attachments/:attachmentId': { expect: pair(409, 403) },
  // A made-up private link opens nothing, for anyone.
  'GET /api/portfolio/review/:token': link(),
  'POST /api/portfolio/review/:token/messages': { ...link(), body: () => ({ body: 'Bien.' }) },
  'POST /api/portfolio/review/:token/revision': {
    ...link(),
    body: () => ({ body: 'À reprendre.', dueOn: inAWeek() }),
  },
  'POST /api/portfolio/review/:token/validate': { ...link(), body: () => ({ competencies: [] }) },
  'GET /api/portfolio/review/:token/attachments/:attachmentId': link(),
};
