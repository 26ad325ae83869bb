import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { academicYearAt } from '../modules/feedback/queries.ts';
import { skillItems } from '../modules/feedback/schema.ts';
import { tuteeAskedNotice } from '../modules/feedback/texts.ts';
import { liveTeamOf } from '../modules/teams/queries.ts';
import { MIN_AGGREGATE } from '../policy/confidentiality.ts';

const TEAM = 'Équipe Amiens Nord';
const DAY = 86_400_000;

/** Six anonymous answers about tuteur1 from past years: month, answers (1–5), comment. */
const ANSWERS: [string, number[], string | null][] = [
  ['2024-05', [5, 5, 4, 4, 5], 'Toujours disponible quand j’en avais besoin.'],
  ['2024-11', [4, 5, 4, 3, 4], null],
  ['2025-04', [3, 4, 4, 4, 4], 'Des rencontres utiles pour préparer mes choix de stage.'],
  ['2025-05', [5, 5, 5, 4, 5], null],
  ['2025-10', [4, 4, 3, 4, 4], 'J’aurais aimé plus de retours sur mes traces.'],
  ['2025-11', [5, 4, 4, 5, 5], null],
];
const QUESTIONS = ['reachable', 'listens', 'progress', 'useful', 'overall'];

async function userId(db: Db, email: string) {
  const u = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return u?.id;
}

/** The DMG's team of tuteur1…7, made only if no team of that name exists (the teams demo may make it). */
async function amiensNord(db: Db, orgId: string, programmeId: string, now: string) {
  const found = await db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', TEAM)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (found) return found.id;
  const id = newId();
  await db
    .insertInto('teams')
    .values({
      id,
      org_id: orgId,
      programme_id: programmeId,
      name: TEAM,
      created_by: null,
      created_at: now,
      archived_at: null,
    })
    .execute();
  for (let i = 1; i <= 7; i++) {
    const user = await userId(db, `tuteur${i}@dmg.demo`);
    if (!user || (await liveTeamOf(db, orgId, user))) continue;
    await db
      .insertInto('team_members')
      .values({ id: newId(), team_id: id, org_id: orgId, user_id: user, joined_at: now, left_at: null })
      .execute();
  }
  return id;
}

/** A tutee of tuteur3 asked about their tutor, not answered yet: the anonymous form to try. */
async function askOneTutee(db: Db, orgId: string, at: string) {
  const tutor = await userId(db, 'tuteur3@dmg.demo');
  if (!tutor) return;
  const pairing = await db
    .selectFrom('pairings')
    .innerJoin('programmes as p', 'p.id', 'pairings.programme_id')
    .select(['pairings.id', 'pairings.tutee_user_id', 'p.name as programme'])
    .where('pairings.org_id', '=', orgId)
    .where('pairings.tutor_user_id', '=', tutor)
    .where('pairings.state', '=', 'active')
    .orderBy('pairings.id')
    .executeTakeFirst();
  const name = await db.selectFrom('users').select('name').where('id', '=', tutor).executeTakeFirstOrThrow();
  if (!pairing) return;
  const id = newId();
  // The in-app notice the sweep would have sent (the demo's people read French).
  const notice = tuteeAskedNotice({ tutor: name.name, programme: pairing.programme, min: MIN_AGGREGATE }).fr;
  await db
    .insertInto('notifications')
    .values({
      id: newId(),
      user_id: pairing.tutee_user_id,
      org_id: orgId,
      kind: 'reminder',
      title: notice.title,
      body: notice.body,
      link: `/retour-tuteur/${id}`,
      created_at: at,
      read_at: null,
    })
    .execute();
  await db
    .insertInto('tutor_feedback_asks')
    .values({
      id,
      org_id: orgId,
      pairing_id: pairing.id,
      moment: 'six-months',
      tutee_id: pairing.tutee_user_id,
      tutor_id: tutor,
      asked_at: at,
      answered: 0,
    })
    .execute();
}

/**
 * Feedback on tutoring and a team case in the DMG: tuteur1's anonymous answers (enough for their
 * aggregates) and last year's self-evaluation; a tutee of tuteur3 asked about them; one open case of
 * the team « Équipe Amiens Nord ».
 */
export async function demoFeedback(db: Db, ctx: AppContext): Promise<void> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'time_zone'])
    .where('slug', '=', 'dmg-demo')
    .executeTakeFirst();
  const tutor1 = await userId(db, 'tuteur1@dmg.demo');
  const tutor2 = await userId(db, 'tuteur2@dmg.demo');
  if (!org || !tutor1 || !tutor2) return;
  const des = await db
    .selectFrom('programmes')
    .select('id')
    .where('org_id', '=', org.id)
    .where('template', '=', 'des-tutoring')
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  const at = now.toISOString();
  for (const [month, values, comment] of ANSWERS)
    await db
      .insertInto('tutor_feedback_answers')
      .values({
        id: crypto.randomUUID(),
        org_id: org.id,
        tutor_id: tutor1,
        month,
        answers: JSON.stringify(Object.fromEntries(QUESTIONS.map((q, i) => [q, values[i]]))),
        comment,
      })
      .execute();
  const lastYear = academicYearAt(now, org.time_zone) - 1;
  const saved = new Date(now.getTime() - 200 * DAY).toISOString();
  await db
    .insertInto('self_evaluations')
    .values({
      id: newId(),
      org_id: org.id,
      user_id: tutor1,
      year: lastYear,
      ratings: JSON.stringify(
        Object.fromEntries(skillItems.map((k, i) => [k, { level: 2 + (i % 3), note: '' }])),
      ),
      strengths: 'L’écoute et la disponibilité entre deux consultations.',
      to_improve: 'Des retours plus réguliers sur les traces, avant la fin du stage.',
      saved_at: saved,
      created_at: saved,
      updated_at: saved,
    })
    .execute();
  await askOneTutee(db, org.id, at);
  const teamId = await amiensNord(db, org.id, des.id, at);
  await db
    .insertInto('team_cases')
    .values({
      id: newId(),
      org_id: org.id,
      programme_id: des.id,
      team_id: teamId,
      author_id: tutor2,
      title: 'Un interne qui ne répond plus',
      situation:
        'Un interne de première année ne répond plus à mes messages depuis trois semaines ; son stage aux urgences se passe mal selon ses co-internes. Comment reprendre contact sans le mettre en difficulté ?',
      kind: 'difficulty',
      subject_id: null,
      meeting_id: null,
      state: 'open',
      decision: null,
      decided_by: null,
      decided_at: null,
      shared_at: null,
      created_at: new Date(now.getTime() - 3 * DAY).toISOString(),
      updated_at: at,
    })
    .execute();
}
