import { DateTime } from 'luxon';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';

/**
 * Training sessions of the DMG demo's DES programme: an initial training in about three weeks,
 * full, with a waiting list; an exchange evening by video later; an initial training two months
 * ago with its attendance (tuteur1–5 present, tuteur6 absent), so the « not yet trained » list
 * names the others. tuteur10 and tuteur11 hold no place anywhere: the e2e spec registers them.
 */
export async function demoTraining(db: Db, ctx: AppContext): Promise<void> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'time_zone'])
    .where('slug', '=', 'dmg-demo')
    .executeTakeFirst();
  if (!org) return;
  const des = await db
    .selectFrom('programmes')
    .select(['id', 'org_id'])
    .where('org_id', '=', org.id)
    .where('template', '=', 'des-tutoring')
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'like', '%@dmg.demo')
    .execute();
  const id = (email: string) => people.find((p) => p.email === email)?.id as string;
  const coordination = id('coordination@dmg.demo');
  const now = DateTime.fromJSDate(ctx.clock.now()).setZone(org.time_zone);
  const at = (days: number, hour: number) =>
    now.plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO() as string;
  const stamp = now.minus({ days: 30 }).toUTC().toISO() as string;

  const session = async (s: {
    title: string;
    kind: string;
    days: number;
    hour: number;
    hours: number;
    place?: string;
    video?: string;
    capacity: number;
    description: string;
  }) => {
    const sessionId = newId();
    await db
      .insertInto('training_sessions')
      .values({
        id: sessionId,
        org_id: org.id,
        programme_id: des.id,
        title: s.title,
        kind: s.kind,
        starts_at: at(s.days, s.hour),
        ends_at: at(s.days, s.hour + s.hours),
        mode: s.video ? 'video' : 'in-person',
        place: s.place ?? null,
        video_url: s.video ?? null,
        capacity: s.capacity,
        description: s.description,
        registration_deadline: s.days > 0 ? at(s.days - 2, 18) : null,
        ical_uid: `training-${sessionId}@compagnon`,
        sequence: 0,
        created_by: coordination,
        created_at: stamp,
        updated_at: stamp,
        cancelled_at: null,
      })
      .execute();
    return sessionId;
  };
  const place = async (
    sessionId: string,
    n: number,
    status: 'registered' | 'waiting',
    minutes: number,
    attendance: string | null = null,
  ) => {
    const queued = now.minus({ days: 3 }).plus({ minutes }).toUTC().toISO() as string;
    await db
      .insertInto('training_registrations')
      .values({
        id: newId(),
        session_id: sessionId,
        org_id: org.id,
        user_id: id(`tuteur${n}@dmg.demo`),
        status,
        queued_at: queued,
        registered_at: status === 'registered' ? queued : null,
        cancelled_at: null,
        reminded_at: null,
        attendance,
        attendance_at: attendance ? stamp : null,
      })
      .execute();
  };

  const initial = await session({
    title: 'Formation initiale des nouveaux tuteurs',
    kind: 'initial',
    days: 21,
    hour: 14,
    hours: 3,
    place: 'Faculté de médecine d’Amiens, salle du conseil',
    capacity: 3,
    description:
      'Le rôle du tuteur dans le DES, le premier entretien, le portfolio et les traces d’apprentissage, ' +
      'repérer un interne en difficulté et l’orienter.',
  });
  for (const [i, n] of [12, 9, 8].entries()) await place(initial, n, 'registered', i * 7);
  for (const [i, n] of [7, 6].entries()) await place(initial, n, 'waiting', 60 + i * 11);

  const evening = await session({
    title: 'Soirée d’échanges : les internes en difficulté',
    kind: 'exchange',
    days: 49,
    hour: 20,
    hours: 2,
    video: 'https://visio.dmg.demo/echanges-tuteurs',
    capacity: 30,
    description: 'Chacun apporte une situation, anonymisée ; une psychologue du DMG participe.',
  });
  for (const [i, n] of [1, 2, 3].entries()) await place(evening, n, 'registered', i * 13);

  const past = await session({
    title: 'Formation initiale — session d’automne',
    kind: 'initial',
    days: -60,
    hour: 14,
    hours: 3,
    place: 'Faculté de médecine d’Amiens, amphithéâtre B',
    capacity: 12,
    description: 'Le rôle du tuteur, le premier entretien, le portfolio.',
  });
  for (const n of [1, 2, 3, 4, 5]) await place(past, n, 'registered', n, 'present');
  await place(past, 6, 'registered', 6, 'absent');
}
