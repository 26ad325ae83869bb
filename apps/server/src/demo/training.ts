import { DateTime } from 'luxon';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { dmgDes } from './dmg.ts';

/** What the sessions of the demo are made with: the DES programme, its people, the organisation's clock. */
interface Scene {
  db: Db;
  orgId: string;
  programmeId: string;
  coordination: string;
  now: DateTime;
  stamp: string;
  id: (email: string) => string;
}

interface SessionSeed {
  title: string;
  kind: string;
  days: number;
  hour: number;
  hours: number;
  place?: string;
  video?: string;
  capacity: number;
  description: string;
}

/** An instant `days` from now at `hour` o'clock, on the organisation's clock. */
const at = (c: Scene, days: number, hour: number) =>
  c.now.plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO() as string;

async function session(c: Scene, s: SessionSeed) {
  const sessionId = newId();
  await c.db
    .insertInto('training_sessions')
    .values({
      id: sessionId,
      org_id: c.orgId,
      programme_id: c.programmeId,
      title: s.title,
      kind: s.kind,
      starts_at: at(c, s.days, s.hour),
      ends_at: at(c, s.days, s.hour + s.hours),
      mode: s.video ? 'video' : 'in-person',
      place: s.place ?? null,
      video_url: s.video ?? null,
      capacity: s.capacity,
      description: s.description,
      registration_deadline: s.days > 0 ? at(c, s.days - 2, 18) : null,
      ical_uid: `training-${sessionId}@compagnon`,
      sequence: 0,
      created_by: c.coordination,
      created_at: c.stamp,
      updated_at: c.stamp,
      cancelled_at: null,
    })
    .execute();
  return sessionId;
}

/** tuteurN's place in a session, taken `minutes` after the others' three days ago. */
async function place(
  c: Scene,
  sessionId: string,
  n: number,
  status: 'registered' | 'waiting',
  minutes: number,
  attendance: string | null = null,
) {
  const queued = c.now.minus({ days: 3 }).plus({ minutes }).toUTC().toISO() as string;
  await c.db
    .insertInto('training_registrations')
    .values({
      id: newId(),
      session_id: sessionId,
      org_id: c.orgId,
      user_id: c.id(`tuteur${n}@dmg.demo`),
      status,
      queued_at: queued,
      registered_at: status === 'registered' ? queued : null,
      cancelled_at: null,
      reminded_at: null,
      attendance,
      attendance_at: attendance ? c.stamp : null,
    })
    .execute();
}

async function scene(db: Db, ctx: AppContext): Promise<Scene | null> {
  const des = await dmgDes(db);
  if (!des) return null;
  const people = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'like', '%@dmg.demo')
    .execute();
  const id = (email: string) => people.find((p) => p.email === email)?.id as string;
  const now = DateTime.fromJSDate(ctx.clock.now()).setZone(des.timeZone);
  return {
    db,
    orgId: des.orgId,
    programmeId: des.programmeId,
    coordination: id('coordination@dmg.demo'),
    now,
    stamp: now.minus({ days: 30 }).toUTC().toISO() as string,
    id,
  };
}

/**
 * Training sessions of the DMG demo's DES programme: an initial training in three weeks, full
 * (tuteur12, 9, 8 registered; tuteur7 then 6 waiting); an exchange evening by video in seven weeks;
 * an initial training two months ago with its attendance (tuteur1–5 present, tuteur6 absent), so
 * the « not yet trained » list names the others. tuteur10 and tuteur11 hold no place anywhere: the
 * e2e spec registers them.
 */
export async function demoTraining(db: Db, ctx: AppContext): Promise<void> {
  const c = await scene(db, ctx);
  if (!c) return;
  const initial = await session(c, {
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
  for (const [i, n] of [12, 9, 8].entries()) await place(c, initial, n, 'registered', i * 7);
  for (const [i, n] of [7, 6].entries()) await place(c, initial, n, 'waiting', 60 + i * 11);
  const evening = await session(c, {
    title: 'Soirée d’échanges : les internes en difficulté',
    kind: 'exchange',
    days: 49,
    hour: 20,
    hours: 2,
    video: 'https://visio.dmg.demo/echanges-tuteurs',
    capacity: 30,
    description: 'Chacun apporte une situation, anonymisée ; une psychologue du DMG participe.',
  });
  for (const [i, n] of [1, 2, 3].entries()) await place(c, evening, n, 'registered', i * 13);
  const past = await session(c, {
    title: 'Formation initiale — session d’automne',
    kind: 'initial',
    days: -60,
    hour: 14,
    hours: 3,
    place: 'Faculté de médecine d’Amiens, amphithéâtre B',
    capacity: 12,
    description: 'Le rôle du tuteur, le premier entretien, le portfolio.',
  });
  for (const n of [1, 2, 3, 4, 5]) await place(c, past, n, 'registered', n, 'present');
  await place(c, past, 6, 'registered', 6, 'absent');
}
