import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';

/** A difficulty raised by a member of a programme, as the raise route records it (no notices). */
export async function difficulty(
  ctx: AppContext,
  o: {
    programme: { id: string; orgId: string };
    authorId: string;
    anonymised?: boolean;
    scope?: 'individual' | 'systemic';
    category?: 'harassment' | 'internship' | 'nights' | 'workload' | 'other';
    description?: string;
    at?: Date;
  },
): Promise<string> {
  const id = newId();
  const at = (o.at ?? ctx.clock.now()).toISOString();
  await ctx.db
    .insertInto('difficulties')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      author_id: o.authorId,
      anonymised: o.anonymised ? 1 : 0,
      category: o.category ?? 'nights',
      scope: o.scope ?? 'systemic',
      description: o.description ?? 'Les gardes s’enchaînent sans repos de sécurité.',
      description_erased_at: null,
      state: 'new',
      created_at: at,
      updated_at: at,
      closed_at: null,
      closing_note: null,
      source_id: null,
      source_org_id: null,
    })
    .execute();
  await ctx.db
    .insertInto('difficulty_events')
    .values({
      id: newId(),
      difficulty_id: id,
      at,
      actor_id: o.anonymised ? null : o.authorId,
      kind: 'raised',
      from_state: null,
      to_state: 'new',
      target_org_id: null,
    })
    .execute();
  return id;
}

/** A question asked of an expert about a case, as the ask route records it (no notices). */
export async function consultation(
  ctx: AppContext,
  o: {
    programme: { id: string; orgId: string };
    askerId: string;
    expertId: string;
    subjectId?: string | null;
    question?: string;
  },
): Promise<string> {
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('consultations')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      asker_id: o.askerId,
      expert_id: o.expertId,
      subject_id: o.subjectId ?? null,
      anonymised: o.subjectId ? 0 : 1,
      question: o.question ?? 'Comment aborder une baisse de moral pendant un stage difficile ?',
      attachments: '[]',
      state: 'open',
      created_at: at,
      updated_at: at,
      closed_at: null,
    })
    .execute();
  return id;
}
