import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';

const DAY = 86_400_000;

/** Difficulties residents raised in the DES programme: category, scope, anonymised, state, days ago, text. */
const RAISED: [
  string,
  'nights' | 'workload' | 'internship' | 'harassment',
  'systemic' | 'individual',
  boolean,
  string,
  number,
  string,
][] = [
  [
    'interne3@dmg.demo',
    'nights',
    'systemic',
    true,
    'acknowledged',
    28,
    'Aux urgences, les gardes s’enchaînent sans repos de sécurité le lendemain.',
  ],
  [
    'interne7@dmg.demo',
    'nights',
    'systemic',
    true,
    'in_progress',
    21,
    'Le repos de sécurité après une garde n’est pas respecté dans mon service.',
  ],
  [
    'interne11@dmg.demo',
    'nights',
    'systemic',
    false,
    'new',
    14,
    'Trois gardes la même semaine, dont deux le week-end.',
  ],
  [
    'interne15@dmg.demo',
    'nights',
    'systemic',
    true,
    'new',
    9,
    'Le planning des gardes arrive la veille : impossible de s’organiser.',
  ],
  [
    'interne19@dmg.demo',
    'nights',
    'systemic',
    true,
    'new',
    4,
    'Pas de senior joignable la nuit certains week-ends.',
  ],
  [
    'interne22@dmg.demo',
    'workload',
    'systemic',
    true,
    'new',
    7,
    'Plus de trente patients par demi-journée en stage ambulatoire.',
  ],
  [
    'interne9@dmg.demo',
    'workload',
    'individual',
    false,
    'new',
    2,
    'Je n’arrive plus à suivre le rythme du stage et de la thèse en même temps.',
  ],
];

/**
 * Difficulties raised in the DMG's DES programme — most about nights on call, so the yearly review
 * shows a theme over five and the others as "fewer than five" — and a question a tutor asked the
 * demo psychologist about one of their residents.
 */
export async function demoDifficulties(db: Db, ctx: AppContext): Promise<void> {
  const now = ctx.clock.now().getTime();
  const programme = await db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.org_id')
    .select(['programmes.id', 'programmes.org_id'])
    .where('organisations.slug', '=', 'dmg-demo')
    .where('programmes.template', '=', 'des-tutoring')
    .executeTakeFirst();
  if (!programme) return;
  const userId = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  for (const [email, category, scope, anonymised, state, daysAgo, description] of RAISED) {
    const id = newId();
    const at = new Date(now - daysAgo * DAY).toISOString();
    const later = new Date(now - (daysAgo - 2) * DAY).toISOString();
    const author = await userId(email);
    await db
      .insertInto('difficulties')
      .values({
        id,
        org_id: programme.org_id,
        programme_id: programme.id,
        author_id: author,
        anonymised: anonymised ? 1 : 0,
        category,
        scope,
        description,
        description_erased_at: null,
        state,
        created_at: at,
        updated_at: state === 'new' ? at : later,
        closed_at: null,
        closing_note: null,
        source_id: null,
        source_org_id: null,
      })
      .execute();
    await db
      .insertInto('difficulty_events')
      .values({
        id: newId(),
        difficulty_id: id,
        at,
        actor_id: anonymised ? null : author,
        kind: 'raised',
        from_state: null,
        to_state: 'new',
        target_org_id: null,
      })
      .execute();
  }
  const tutor = await userId('tuteur1@dmg.demo');
  const pairing = await db
    .selectFrom('pairings')
    .select('tutee_user_id')
    .where('programme_id', '=', programme.id)
    .where('tutor_user_id', '=', tutor)
    .executeTakeFirst();
  const at = new Date(now - 3 * DAY).toISOString();
  await db
    .insertInto('consultations')
    .values({
      id: newId(),
      org_id: programme.org_id,
      programme_id: programme.id,
      asker_id: tutor,
      expert_id: await userId('psychologue@dmg.demo'),
      subject_id: pairing?.tutee_user_id ?? null,
      anonymised: pairing ? 0 : 1,
      question:
        'Mon interne me dit dormir très mal depuis le début de son stage aux urgences et ne plus avoir envie de rien. Comment en parler avec lui sans devenir son médecin, et vers qui l’orienter ?',
      attachments: '[]',
      state: 'open',
      created_at: at,
      updated_at: at,
      closed_at: null,
    })
    .execute();
}
