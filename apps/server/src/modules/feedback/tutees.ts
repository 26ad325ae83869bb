import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { yearMonthIn } from '../../domain/periods.ts';
import { notFound, refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { MIN_AGGREGATE } from '../../policy/confidentiality.ts';
import { mayAnswerTuteeAsk, maySeeTutorAggregates } from './policy.ts';
import { answersAbout, findTuteeAsk } from './queries.ts';
import { type TuteeAnswerBody, tuteeQuestions } from './schema.ts';
import { loadTutorOrg } from './service.ts';

// Tutees' anonymous feedback on their tutor. The ask row records only that a tutee was asked at a
// moment of their pairing and answered; the answer row holds no person, no instant finer than the
// month, a random id, and the tutor it is about. The tutor reads means and comments over at least
// MIN_AGGREGATE answers across all their tutees and years — below, nothing; nobody else reads them.

async function loadAsk(ctx: AppContext, actor: UserActor, id: string) {
  const a = await findTuteeAsk(ctx.db, id);
  if (!a || !mayAnswerTuteeAsk(actor, a)) throw notFound();
  return a;
}

/** The tutee's form: whom it is about, and whether they already answered. */
export async function readTuteeAsk(ctx: AppContext, actor: UserActor, id: string) {
  const a = await loadAsk(ctx, actor, id);
  return {
    id: a.id,
    tutor: a.tutor_name,
    programme: a.programme_name,
    moment: a.moment as 'six-months' | 'end',
    answered: a.answered === 1,
  };
}

/** The tutee answers once; the answer is stored apart from the ask, with the month only. */
export async function answerTuteeAsk(ctx: AppContext, actor: UserActor, id: string, body: TuteeAnswerBody) {
  const a = await loadAsk(ctx, actor, id);
  if (a.answered === 1) throw refuse(409, 'feedback_answered');
  const { year, month } = yearMonthIn(ctx.clock.now(), a.time_zone);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('tutor_feedback_asks')
      .set({ answered: 1 })
      .where('id', '=', a.id)
      .where('answered', '=', 0)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw refuse(409, 'feedback_answered');
    await trx
      .insertInto('tutor_feedback_answers')
      .values({
        // A random id, not a time-ordered one: its order must not tell when it was written.
        id: randomUUID(),
        org_id: a.org_id,
        tutor_id: a.tutor_id,
        month: `${year}-${String(month).padStart(2, '0')}`,
        answers: JSON.stringify(body.answers),
        comment: body.comment || null,
      })
      .execute();
  });
  return { answered: true as const };
}

const answersJson = z.record(z.string(), z.number());

/** Shuffled (Fisher–Yates): the comments' order tells nothing of when or by whom. */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The tutor's own aggregates: nothing under MIN_AGGREGATE answers, not even how many. */
export async function tutorAggregates(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadTutorOrg(ctx, actor, orgId);
  const empty = { min: MIN_AGGREGATE, enough: false, count: null, means: null, comments: [] };
  if (!maySeeTutorAggregates(actor, actor.id)) return empty;
  const rows = await answersAbout(ctx.db, org.id, actor.id);
  if (rows.length < MIN_AGGREGATE) return empty;
  const answers = rows.map((r) => readJson(answersJson, r.answers, 'tutor_feedback_answers.answers'));
  const means = Object.fromEntries(
    tuteeQuestions.map((q) => {
      const xs = answers.map((x) => x[q]).filter((x): x is number => typeof x === 'number');
      return [q, xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : 0];
    }),
  );
  const comments = shuffled(rows.map((r) => r.comment).filter((c): c is string => !!c));
  return { min: MIN_AGGREGATE, enough: true, count: rows.length, means, comments };
}
