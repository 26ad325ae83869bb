import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';

/** An end review waiting for its author: a draft, every scale answered, shared with the coordination. */
export async function endReview(
  db: Db,
  p: {
    orgId: string;
    programmeId: string;
    pairingId: string;
    userId: string;
    role?: 'tutor' | 'tutee';
    template?: string;
    endedAt: string;
    submitted?: string | null;
    shared?: boolean;
    scales?: Record<string, number>;
    texts?: Record<string, string>;
    themes?: string[];
    otherTheme?: string | null;
    unitKey?: string;
  },
) {
  const id = newId();
  await db
    .insertInto('end_reviews')
    .values({
      id,
      org_id: p.orgId,
      programme_id: p.programmeId,
      user_id: p.userId,
      role: p.role ?? 'tutee',
      unit_key: p.unitKey ?? `${p.pairingId}`,
      pairing_id: p.pairingId,
      question_set: p.template ?? 'des-tutoring',
      pair_ended_at: p.endedAt,
      invited_at: p.endedAt,
      updated_at: p.endedAt,
      submitted_at: p.submitted ?? null,
      texts: JSON.stringify(p.texts ?? { achieved: 'J’ai trouvé mon cabinet.' }),
      scales: JSON.stringify(p.scales ?? { relationship: 5, programme: 4, goals: 4, portfolio: 3 }),
      themes: JSON.stringify(p.themes ?? ['premises']),
      other_theme: p.otherTheme ?? null,
      shared: p.shared === false ? 0 : 1,
      erased_at: null,
    })
    .execute();
  return id;
}

/** A questionnaire of the programme (sent at the pair's end), asked of one person who has not answered. */
export async function questionnaireAsked(
  ctx: AppContext,
  p: { orgId: string; programmeId: string; userId: string },
) {
  const now = ctx.clock.now().toISOString();
  const questionnaireId = newId();
  await ctx.db
    .insertInto('questionnaires')
    .values({
      id: questionnaireId,
      org_id: p.orgId,
      programme_id: p.programmeId,
      title: 'Satisfaction',
      audience: 'both',
      questions: JSON.stringify([
        { id: 'q1', kind: 'scale', label: 'Utilité' },
        { id: 'q2', kind: 'yesno', label: 'Le recommanderiez-vous ?' },
        { id: 'q3', kind: 'text', label: 'Un mot' },
      ]),
      moment: 'at-end',
      months: null,
      send_on: null,
      active: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const askId = newId();
  await ctx.db
    .insertInto('questionnaire_asks')
    .values({ id: askId, questionnaire_id: questionnaireId, user_id: p.userId, asked_at: now, answered: 0 })
    .execute();
  return { questionnaireId, askId };
}
