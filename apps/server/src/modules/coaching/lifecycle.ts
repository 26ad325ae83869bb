import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { dayOfInstant } from '../../domain/days.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { COACHING_MONTHS, EXPERIENCE_MONTHS } from './policy.ts';
import { type CoachingRow, coachingsOf, tutorsWithSince } from './queries.ts';
import type { CoachingBody } from './schema.ts';
import { coachingNotice } from './texts.ts';

// A coaching's life: the coordination starts it (both tutors told), one of the two or the
// coordination ends it early (the others told), the sweep ends it after its year (both told once).

const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true }) as string;
const inWords = (at: string, zone: string) => ({
  fr: dayOfInstant(at, zone, 'fr'),
  en: dayOfInstant(at, zone, 'en'),
});

/** Refuses a pairing the rules do not allow, naming who and why. */
async function checkPair(trx: Db, p: Programme, zone: string, body: CoachingBody, now: Date) {
  if (body.newTutorId === body.coachId) throw refuse(400, 'coaching_same_person');
  const tutors = await tutorsWithSince(trx, p);
  const find = (id: string) => tutors.find((t) => t.id === id);
  const [newTutor, coach] = [find(body.newTutorId), find(body.coachId)];
  if (!newTutor || !coach) throw refuse(400, 'coaching_not_tutor');
  const threshold = iso(DateTime.fromJSDate(now).minus({ months: EXPERIENCE_MONTHS }));
  if (coach.since > threshold)
    throw refuse(409, 'coaching_coach_new', { coach: coach.name, since: inWords(coach.since, zone) });
  if (newTutor.since <= threshold)
    throw refuse(409, 'coaching_not_new', { tutor: newTutor.name, since: inWords(newTutor.since, zone) });
  const running = (await coachingsOf(trx, p.id, newTutor.id)).find((c) => c.new_tutor_id === newTutor.id);
  if (running) throw refuse(409, 'coaching_already', { tutor: newTutor.name, coach: running.coach_name });
  return { newTutor, coach };
}

async function tell(
  trx: Db,
  now: Date,
  c: { id: string; org_id: string; programme_id: string },
  to: string,
  key: string,
  content: ReturnType<typeof coachingNotice>,
) {
  const link = `/programmes/${c.programme_id}/formations`;
  await notify(
    trx,
    { userId: to, orgId: c.org_id, kind: 'message', key: `${key}:${c.id}:${to}`, link, content },
    now,
  );
}

export async function startCoaching(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  zone: string,
  body: CoachingBody,
) {
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const { newTutor, coach } = await checkPair(trx, p, zone, body, now);
    const start = DateTime.fromJSDate(now);
    const row = {
      id,
      org_id: p.org_id,
      programme_id: p.id,
      coach_id: coach.id,
      new_tutor_id: newTutor.id,
      started_at: iso(start),
      ends_at: iso(start.plus({ months: COACHING_MONTHS })),
      created_by: actor.id,
      ended_at: null,
      end_reason: null,
      ended_by: null,
      end_note: null,
    };
    await trx.insertInto('tutor_coachings').values(row).execute();
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'coaching.start',
      subjectType: 'coaching',
      subjectId: id,
      meta: { coachId: coach.id, newTutorId: newTutor.id },
    });
    const values = { coach: coach.name, newTutor: newTutor.name, programme: p.name };
    const until = { until: row.ends_at };
    await tell(
      trx,
      now,
      row,
      newTutor.id,
      'coaching.started',
      coachingNotice('startedNew', values, zone, until),
    );
    await tell(
      trx,
      now,
      row,
      coach.id,
      'coaching.started',
      coachingNotice('startedCoach', values, zone, until),
    );
  });
  return { id };
}

export async function endCoaching(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  c: CoachingRow,
  o: { zone: string; note: string | null },
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('tutor_coachings')
      .set({ ended_at: now.toISOString(), end_reason: 'ended', ended_by: actor.id, end_note: o.note })
      .where('id', '=', c.id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw refuse(409, 'coaching_ended');
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'coaching.end',
      subjectType: 'coaching',
      subjectId: c.id,
    });
    for (const [to, other] of [
      [c.coach_id, c.new_tutor_name],
      [c.new_tutor_id, c.coach_name],
    ] as const) {
      if (to === actor.id) continue;
      const values = {
        by: actor.name,
        other,
        coach: c.coach_name,
        newTutor: c.new_tutor_name,
        programme: p.name,
      };
      await tell(
        trx,
        now,
        c,
        to,
        'coaching.ended',
        coachingNotice('ended', values, o.zone, { note: o.note }),
      );
    }
  });
}

/** Ends one coaching whose year is over, once: both tutors are told. False when it had ended already. */
export async function completeCoaching(db: Db, now: Date, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('tutor_coachings')
      .set({ ended_at: now.toISOString(), end_reason: 'completed' })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    const c = await trx
      .selectFrom('tutor_coachings as c')
      .innerJoin('programmes as p', 'p.id', 'c.programme_id')
      .innerJoin('organisations as o', 'o.id', 'c.org_id')
      .innerJoin('users as coach', 'coach.id', 'c.coach_id')
      .innerJoin('users as nt', 'nt.id', 'c.new_tutor_id')
      .select(['c.id', 'c.org_id', 'c.programme_id', 'c.coach_id', 'c.new_tutor_id', 'p.name', 'o.time_zone'])
      .select(['coach.name as coach_name', 'nt.name as new_tutor_name'])
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    const values = { coach: c.coach_name, newTutor: c.new_tutor_name, programme: c.name };
    const content = coachingNotice('completed', values, c.time_zone);
    for (const to of [c.coach_id, c.new_tutor_id]) await tell(trx, now, c, to, 'coaching.completed', content);
    return true;
  });
}
