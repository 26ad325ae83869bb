import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { MIN_AGGREGATE } from '../../policy/confidentiality.ts';
import { scopeFor } from '../../policy/scope.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { meanOrWithheld } from './aggregates.ts';
import { mayEditQuestionnaires, mayReadQuestionnaires } from './policy.ts';
import { findAsk, findQuestionnaire, myAsks } from './queries.ts';
import { type QuestionnaireBody, storedQuestions } from './schema.ts';

// A programme's satisfaction and expectation questionnaires: written by its coordination, sent by
// sweep.ts, answered anonymously (the answer row holds no person, no instant, a random id; the ask
// row only that the person was asked and answered), read only as results over MIN_AGGREGATE answers.

type Stored = z.infer<typeof storedQuestions>;
const answersJson = z.record(z.string(), z.union([z.number(), z.boolean(), z.string()]));

/** Each question's result over the answers given, withheld under MIN_AGGREGATE answers to it. */
export function resultsOf(questions: Stored, rows: { answers: string }[]) {
  const read = rows.map((r) => readJson(answersJson, r.answers, 'questionnaire_answers.answers'));
  return questions.map((q) => {
    const values = read.map((a) => a[q.id]).filter((v) => v !== undefined && v !== '');
    const shown = values.length >= MIN_AGGREGATE;
    const numbers = values.filter((v): v is number => typeof v === 'number');
    const yes = values.filter((v) => v === true).length;
    return {
      questionId: q.id,
      kind: q.kind,
      label: q.label,
      answers: values.length,
      shown,
      mean: q.kind === 'scale' ? meanOrWithheld(numbers).mean : null,
      yesPercent: q.kind === 'yesno' && shown ? Math.round((yes / values.length) * 100) : null,
      // Alphabetical: the order of arrival would say who answered when.
      texts: q.kind === 'text' && shown ? values.map(String).sort((a, b) => a.localeCompare(b, 'fr')) : null,
    };
  });
}

/** The questions as stored: ids by position, so editing a label before any answer keeps them. */
const toStored = (body: QuestionnaireBody): Stored =>
  body.questions.map((q, i) => ({ id: `q${i + 1}`, kind: q.kind, label: q.label }));

async function present(db: Db, q: { id: string } & Record<string, unknown>) {
  const row = q as unknown as Awaited<ReturnType<typeof questionnaireRows>>[number];
  const questions = readJson(storedQuestions, row.questions, 'questionnaires.questions');
  const [asks, answers] = await Promise.all([
    db
      .selectFrom('questionnaire_asks')
      .select(['answered', (eb) => eb.fn.countAll<number>().as('n')])
      .where('questionnaire_id', '=', row.id)
      .groupBy('answered')
      .execute(),
    db.selectFrom('questionnaire_answers').select('answers').where('questionnaire_id', '=', row.id).execute(),
  ]);
  const count = (answered: number) => Number(asks.find((a) => Number(a.answered) === answered)?.n ?? 0);
  return {
    id: row.id,
    title: row.title,
    audience: row.audience as 'tutors' | 'tutees' | 'both',
    questions,
    moment: row.moment as 'after-start' | 'at-end' | 'on-date',
    months: row.months,
    sendOn: row.send_on,
    active: row.active === 1,
    asked: count(0) + count(1),
    answered: count(1),
    locked: answers.length > 0,
    results: resultsOf(questions, answers),
  };
}

const questionnaireRows = (db: Db, programmeId: string) =>
  db
    .selectFrom('questionnaires')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('created_at', 'desc')
    .execute();

export async function programmeQuestionnaires(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!mayReadQuestionnaires(actor, p)) throw forbidden();
  const rows = await questionnaireRows(ctx.db, p.id);
  return {
    minAggregate: MIN_AGGREGATE,
    questionnaires: await Promise.all(rows.map((r) => present(ctx.db, r))),
    actions: { edit: mayEditQuestionnaires(actor, p) },
  };
}

const columns = (body: QuestionnaireBody) => ({
  title: body.title,
  audience: body.audience,
  moment: body.moment,
  months: body.moment === 'after-start' ? body.months : null,
  send_on: body.moment === 'on-date' ? body.sendOn : null,
  active: body.active ? 1 : 0,
});

export async function createQuestionnaire(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: QuestionnaireBody,
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!mayEditQuestionnaires(actor, p)) throw forbidden();
  const at = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db
    .insertInto('questionnaires')
    .values({
      id,
      org_id: p.org_id,
      programme_id: p.id,
      ...columns(body),
      questions: JSON.stringify(toStored(body)),
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id };
}

/** Changes a questionnaire; its questions only while nobody answered it (409 after). */
export async function updateQuestionnaire(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  body: QuestionnaireBody,
) {
  const q = await findQuestionnaire(ctx.db, scopeFor(actor), id);
  if (!q) throw notFound('questionnaire');
  const p = await loadProgrammeFor(ctx, actor, q.programme_id);
  if (!mayEditQuestionnaires(actor, p)) throw forbidden();
  const questions = JSON.stringify(toStored(body));
  const answered = await ctx.db
    .selectFrom('questionnaire_answers')
    .select('id')
    .where('questionnaire_id', '=', q.id)
    .executeTakeFirst();
  if (answered && questions !== q.questions) throw refuse(409, 'questionnaire_locked');
  await ctx.db
    .updateTable('questionnaires')
    .set({ ...columns(body), questions, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', q.id)
    .execute();
  return present(ctx.db, (await findQuestionnaire(ctx.db, scopeFor(actor), id)) as typeof q);
}

export async function myQuestionnaires(ctx: AppContext, actor: UserActor) {
  const rows = await myAsks(ctx.db, scopeFor(actor));
  return rows.map((r) => ({
    askId: r.id,
    programme: { id: r.programme_id, name: r.programme_name },
    title: r.title,
    askedAt: r.asked_at,
  }));
}

export async function readAsk(ctx: AppContext, actor: UserActor, askId: string) {
  const a = await findAsk(ctx.db, scopeFor(actor), askId);
  if (!a) throw notFound('questionnaire');
  return {
    id: a.id,
    programme: { id: a.programme_id, name: a.programme_name },
    title: a.title,
    questions: readJson(storedQuestions, a.questions, 'questionnaires.questions'),
    answered: a.answered === 1,
  };
}

/**
 * Records an answer: the ask marked answered (no instant) and the answers stored apart with a random
 * id and only the month, in one transaction. Answers to unknown questions or of the wrong kind are refused.
 */
export async function answerAsk(
  ctx: AppContext,
  actor: UserActor,
  askId: string,
  answers: Record<string, number | boolean | string>,
) {
  const a = await findAsk(ctx.db, scopeFor(actor), askId);
  if (!a) throw notFound('questionnaire');
  if (a.answered === 1) throw refuse(409, 'questionnaire_answered');
  const questions = readJson(storedQuestions, a.questions, 'questionnaires.questions');
  const kept: Record<string, number | boolean | string> = {};
  for (const [id, v] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id);
    const fits =
      q &&
      ((q.kind === 'scale' && typeof v === 'number') ||
        (q.kind === 'yesno' && typeof v === 'boolean') ||
        (q.kind === 'text' && typeof v === 'string'));
    if (!fits) throw refuse(400, 'invalid_request');
    if (v !== '') kept[id] = v;
  }
  const zone = await ctx.db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', a.org_id)
    .executeTakeFirstOrThrow();
  const month = DateTime.fromJSDate(ctx.clock.now(), { zone: zone.time_zone }).toFormat('yyyy-MM');
  await ctx.db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('questionnaire_asks')
      .set({ answered: 1 })
      .where('id', '=', a.id)
      .where('answered', '=', 0)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) throw refuse(409, 'questionnaire_answered');
    await trx
      .insertInto('questionnaire_answers')
      .values({
        id: randomUUID(),
        questionnaire_id: a.questionnaire_id,
        month,
        answers: JSON.stringify(kept),
      })
      .execute();
  });
  return { id: a.id };
}
