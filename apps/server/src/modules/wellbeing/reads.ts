import type { Db } from '../../db/index.ts';
import { access, MIN_AGGREGATE } from '../../policy/confidentiality.ts';
import { programmeWords } from '../programmes/words.ts';
import { checkinSettingsOf, wordQuestion } from './questions.ts';
import { type Lang, WHO5_ITEMS, who5Wording } from './who5.ts';

/**
 * A person's answered check-ins as the viewer may read them: in full (score included) for the
 * person; for their tutor, the answers not hidden of the check-ins asked while they were the tutor,
 * without the score. The caller has decided the relation and audits the tutor's read.
 */
export async function checkinsOf(
  db: Db,
  p: { id: string; template: string },
  userId: string,
  viewer: { relation: 'self' | 'tutor'; id: string },
  lang: Lang,
) {
  // The table decides: the person reads everything, their tutor what was not hidden and no score.
  const rule = access('checkIn', viewer.relation);
  const all = rule === 'full';
  if (!all && rule !== 'unlessHidden') return { checkins: [] };
  let q = db
    .selectFrom('checkins')
    .selectAll()
    .where('programme_id', '=', p.id)
    .where('user_id', '=', userId)
    .where('answered_at', 'is not', null);
  if (!all) q = q.where('tutor_user_id', '=', viewer.id);
  const checkins = await q.orderBy('asked_at', 'desc').limit(24).execute();
  const answers = checkins.length
    ? await db
        .selectFrom('checkin_answers')
        .selectAll()
        .where(
          'checkin_id',
          'in',
          checkins.map((c) => c.id),
        )
        .execute()
    : [];
  const settings = await checkinSettingsOf(db, p.id);
  const tutorWord = programmeWords(p.template, lang).tutor;
  const labels = new Map<string, string>([
    ...who5Wording(lang).items.map((i) => [i.id, i.text] as [string, string]),
    ...settings.questions.map((q) => [q.id, wordQuestion(q, lang, tutorWord).label] as [string, string]),
  ]);
  const order = [...WHO5_ITEMS, ...settings.questions.map((q) => q.id)] as string[];
  return {
    checkins: checkins.map((c) => ({
      id: c.id,
      askedAt: c.asked_at,
      answeredAt: c.answered_at,
      percent: all ? (c.who5_raw ?? 0) * 4 : null,
      answers: answers
        .filter((a) => a.checkin_id === c.id && (all || a.hidden === 0))
        .sort((a, b) => order.indexOf(a.question) - order.indexOf(b.question))
        .map((a) => ({
          question: a.question,
          label: labels.get(a.question) ?? a.question,
          value: a.value,
          hidden: a.hidden === 1,
        })),
    })),
  };
}

/**
 * What a programme's coordinators learn of check-ins, over the last twelve months: how many people
 * agreed or declined, were asked, answered, missed one, signalled distress or told their tutor —
 * counts of people, all withheld when fewer than five people were asked.
 */
export async function checkinSummary(db: Db, programmeId: string, now: Date) {
  const since = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const at = now.toISOString();
  const [consents, rows] = await Promise.all([
    db
      .selectFrom('checkin_consents')
      .select(['consent', (eb) => eb.fn.countAll().as('n')])
      .where('programme_id', '=', programmeId)
      .groupBy('consent')
      .execute(),
    db
      .selectFrom('checkins')
      .select(['user_id', 'answered_at', 'expires_at', 'distress', 'tutor_told_at'])
      .where('programme_id', '=', programmeId)
      .where('asked_at', '>=', since)
      .execute(),
  ]);
  const people = (pred: (r: (typeof rows)[number]) => boolean) =>
    new Set(rows.filter(pred).map((r) => r.user_id)).size;
  const asked = people(() => true);
  const shown = access('checkIn', 'coordinator') === 'aggregate' && asked >= MIN_AGGREGATE;
  const count = (v: number) => (shown ? v : null);
  const consentCount = (v: number) => Number(consents.find((c) => c.consent === v)?.n ?? 0);
  return {
    since,
    shown,
    minimum: MIN_AGGREGATE,
    consented: count(consentCount(1)),
    declined: count(consentCount(0)),
    asked: count(asked),
    answered: count(people((r) => r.answered_at !== null)),
    missed: count(people((r) => r.answered_at === null && r.expires_at <= at)),
    distress: count(people((r) => r.distress === 1)),
    toldTutor: count(people((r) => r.tutor_told_at !== null)),
  };
}
