import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { CheckinTable } from '../../db/types.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { alertTutor } from './alerts.ts';
import { checkinSettingsOf, readAnswer, signalsDistress, wordQuestion } from './questions.ts';
import { directory } from './resources.ts';
import type { AnswerBody } from './schema.ts';
import { yourTutor } from './texts.ts';
import { type Lang, WHO5_ITEMS, who5Distress, who5Raw, who5Wording } from './who5.ts';

type Checkin = CheckinTable;

export const statusOf = (c: Checkin, now: Date): 'open' | 'answered' | 'closed' =>
  c.answered_at ? 'answered' : c.expires_at <= now.toISOString() ? 'closed' : 'open';

/** A check-in as the tutee reads it, in their language, with their own result once answered. */
export async function presentCheckin(db: Db, c: Checkin, lang: Lang, now: Date) {
  const [p, org, tutor, settings] = await Promise.all([
    db
      .selectFrom('programmes')
      .select(['name', 'template'])
      .where('id', '=', c.programme_id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('organisations').select('name').where('id', '=', c.org_id).executeTakeFirstOrThrow(),
    c.tutor_user_id
      ? db.selectFrom('users').select('name').where('id', '=', c.tutor_user_id).executeTakeFirst()
      : undefined,
    checkinSettingsOf(db, c.programme_id),
  ]);
  const tutorWords = tutor?.name ?? yourTutor(lang, p.template);
  const status = statusOf(c, now);
  return {
    id: c.id,
    orgId: c.org_id,
    programme: p.name,
    organisation: org.name,
    status,
    expiresAt: c.expires_at,
    tutor: tutor?.name ?? null,
    pairingId: tutor ? c.pairing_id : null,
    news: settings.news,
    who5: who5Wording(lang),
    questions: settings.questions.map((q) => wordQuestion(q, lang, tutorWords)),
    result:
      status === 'answered'
        ? {
            percent: (c.who5_raw ?? 0) * 4,
            distress: c.distress === 1,
            tellTutor: c.tell_tutor === null ? null : c.tell_tutor === 1,
            resources: await directory(db, c.org_id, lang, now),
          }
        : null,
  };
}

/**
 * Records the answers of an open check-in, once. Distress is a WHO-5 raw score of 7 or less, or an
 * answer the programme marked as a signal; the answer to the request then carries the help
 * directory, shown at once, and the tutee decides next whether their tutor is told.
 */
export async function answerCheckin(ctx: AppContext, c: Checkin, body: AnswerBody, lang: Lang) {
  const now = ctx.clock.now();
  const status = statusOf(c, now);
  if (status === 'answered') throw refuse(409, 'checkin_answered');
  if (status === 'closed') throw refuse(410, 'checkin_closed');
  const settings = await checkinSettingsOf(ctx.db, c.programme_id);
  const questions = new Map(settings.questions.map((q) => [q.id, q]));
  const hidden = new Set(body.hidden);
  const rows: { question: string; value: string; hidden: number }[] = WHO5_ITEMS.map((id) => ({
    question: id,
    value: String(body.who5[id]),
    hidden: hidden.has(id) ? 1 : 0,
  }));
  let signal = false;
  for (const a of body.answers) {
    const q = questions.get(a.question);
    if (!q) throw refuse(400, 'checkin_unknown_question');
    // A question left blank is simply not answered.
    if (a.value.trim() === '') continue;
    const value = readAnswer(q, a.value);
    if (value === null) throw refuse(400, 'checkin_bad_answer');
    if (value === '') continue;
    signal ||= signalsDistress(q, value);
    rows.push({ question: q.id, value, hidden: hidden.has(q.id) ? 1 : 0 });
  }
  const raw = who5Raw(body.who5);
  const distress = who5Distress(raw) || signal;
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('checkins')
      .set({ answered_at: now.toISOString(), who5_raw: raw, distress: distress ? 1 : 0 })
      .where('id', '=', c.id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw refuse(409, 'checkin_answered');
    for (const r of rows)
      await trx
        .insertInto('checkin_answers')
        .values({ id: newId(), checkin_id: c.id, ...r })
        .execute();
  });
  const fresh = await ctx.db
    .selectFrom('checkins')
    .selectAll()
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  return presentCheckin(ctx.db, fresh, lang, now);
}

/**
 * The tutee's choice after a distress signal: tell their tutor or not. Told, the tutor receives an
 * alert with no content — who, and the guide — and a reminder if they have not opened it by the
 * programme's escalation delay. Nothing goes to the coordinators.
 */
export async function chooseTellTutor(ctx: AppContext, c: Checkin, tell: boolean, lang: Lang) {
  const now = ctx.clock.now();
  if (!c.answered_at || c.distress !== 1) throw refuse(409, 'checkin_no_signal');
  if (c.tell_tutor === 1) return presentCheckin(ctx.db, c, lang, now);
  await ctx.db.transaction().execute(async (trx) => {
    const told = tell && c.tutor_user_id !== null;
    await trx
      .updateTable('checkins')
      .set({ tell_tutor: tell ? 1 : 0, tutor_told_at: told ? now.toISOString() : null })
      .where('id', '=', c.id)
      .execute();
    if (told) await alertTutor(trx, c, now, false);
  });
  const fresh = await ctx.db
    .selectFrom('checkins')
    .selectAll()
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  return presentCheckin(ctx.db, fresh, lang, now);
}
