import { all, type Cell, manager, orgMember } from './matrix-cells.ts';

// The guides library's and announcements' routes in the authorization matrix. The world has the
// organisation's library, a suggestion of the tutor waiting for the coordination, and an
// announcement of the coordinator to the programme's tutors and tutees (not its expert).

const guide = () => ({
  theme: 'thesis',
  title: 'Sujet de thèse',
  when: 'Deuxième année',
  body: '- Une question',
});

/** Tutors suggest; the coordination decides; a tutee, an expert may do neither. */
const tutors = (ok: number) => ({ ...manager(403), tutor: ok, otherTutor: ok });

/** The suggestion: its author (the tutor) reads it, the coordination decides it; others are told nothing. */
const decide = { ...all(404), anonymous: 401, tutor: 403, coordinator: 200, orgAdmin: 200 };

/** The announcement: its recipients and the programme's managers; not the expert, not another organisation. */
const announced = (recipients: number, managers: number) => ({
  ...all(404),
  anonymous: 401,
  tutee: recipients,
  otherTutee: recipients,
  tutor: recipients,
  otherTutor: recipients,
  coordinator: managers,
  orgAdmin: managers,
});

export const guidesMatrix: Record<string, Cell> = {
  'GET /api/orgs/:orgId/guides': { expect: orgMember() },
  'POST /api/orgs/:orgId/guides': { expect: manager(201), body: guide },
  'GET /api/guides/:guideId': { expect: orgMember() },
  'PUT /api/guides/:guideId': { expect: manager(), body: guide },
  'POST /api/guides/:guideId/archive': { expect: manager(), body: () => ({ archived: true }) },
  'GET /api/orgs/:orgId/guide-suggestions': { expect: { ...tutors(200), coordinator: 200, orgAdmin: 200 } },
  'POST /api/orgs/:orgId/guide-suggestions': {
    expect: tutors(201),
    body: (w) => ({ ...guide(), guideId: w.guides.guideId, message: 'Les bases de thèses de la faculté' }),
  },
  'POST /api/guide-suggestions/:suggestionId/accept': { expect: decide },
  'POST /api/guide-suggestions/:suggestionId/decline': {
    expect: decide,
    body: () => ({ note: 'Déjà dans le guide du département' }),
  },
  'GET /api/programmes/:programmeId/announcements': { expect: orgMember() },
  'POST /api/programmes/:programmeId/announcements': {
    expect: manager(201),
    body: () => ({ audience: 'tutors', title: 'Soirée d’échanges', body: 'Le 3 avril à 20 h.', link: null }),
  },
  'GET /api/announcements/:announcementId': { expect: announced(200, 200) },
  'POST /api/announcements/:announcementId/replies': {
    expect: announced(201, 403),
    body: () => ({ body: 'Je serai présente.' }),
  },
};
