import { readFileSync } from 'node:fs';
import { busyFromIcs } from '@compagnon/engine';
import { DateTime } from 'luxon';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import type { Programme } from '../db/types.ts';
import { newId } from '../lib/ids.ts';
import { recordContact } from '../modules/meetings/contact-log.ts';
import { visibilityColumns } from '../modules/meetings/reports.ts';
import { rulesOf } from '../modules/programmes/templates.ts';

const ICS = readFileSync(new URL('../modules/meetings/fixtures/evenings.ics', import.meta.url), 'utf8');

type RuleSeed = {
  category: string;
  kind?: string;
  pattern?: string;
  weekdays: number[];
  nth?: number | null;
  start: string;
  end: string;
  restAfter?: boolean;
};

const INTERNSHIP: RuleSeed = {
  category: 'internship',
  weekdays: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '18:30',
};

/** What every scene of the meetings demo works with. */
interface Scene {
  db: Db;
  orgId: string;
  peer: Programme;
  zone: string;
  now: DateTime;
  stamp: string;
  user: (email: string) => Promise<{ id: string; name: string }>;
}

/**
 * Rotas of the peer-tutoring groups (the first group: a resident on night shifts, one with DES course
 * days, one with an uploaded calendar), the welcome day, and two past meetings with their reports.
 */
export async function demoMeetings(db: Db, ctx: AppContext): Promise<void> {
  const org = await db
    .selectFrom('organisations')
    .selectAll()
    .where('slug', '=', 'dmg-demo')
    .executeTakeFirst();
  if (!org) return;
  const peer = await db
    .selectFrom('programmes')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('template', '=', 'peer-tutoring')
    .executeTakeFirst();
  if (!peer) return;
  const zone = org.time_zone;
  const now = DateTime.fromJSDate(ctx.clock.now()).setZone(zone);
  const stamp = now.toUTC().toISO() as string;
  const user = async (email: string) =>
    await db.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
  const scene: Scene = { db, orgId: org.id, peer, zone, now, stamp, user };

  await rotas(scene);
  await welcomeDay(scene);
  // Two past meetings with their filed reports.
  await pastMeeting(scene, {
    tutor: 'interne35',
    tutees: ['interne1', 'interne2', 'interne3', 'interne4'],
    daysAgo: 26,
    absent: 'interne1',
  });
  await pastMeeting(scene, {
    tutor: 'interne36',
    tutees: ['interne5', 'interne6', 'interne7', 'interne8'],
    daysAgo: 12,
    absent: null,
  });
  await quickContacts(scene);
}

/** Internships for all, night shifts, a DES course day and an uploaded calendar for a few. */
async function rotas(scene: Scene) {
  const { db, peer, user } = scene;
  // Everyone of the peer programme is on an internship on weekdays.
  const members = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('programme_id', '=', peer.id)
    .where('role', 'in', ['tutor', 'tutee'])
    .execute();
  for (const m of members) await addRule(scene, m.user_id, INTERNSHIP);

  const [i1, i2, i3, i5, i9] = await Promise.all(
    ['interne1', 'interne2', 'interne3', 'interne5', 'interne9'].map((n) => user(`${n}@dmg.demo`)),
  );
  // Night shifts (garde) every Tuesday; the next day is a rest day (if need be).
  await addRule(scene, (i1 as { id: string }).id, {
    category: 'night-shift',
    weekdays: [2],
    start: '18:30',
    end: '08:30',
    restAfter: true,
  });
  // DES course on the first Thursday of the month.
  await addRule(scene, (i2 as { id: string }).id, {
    category: 'course',
    pattern: 'monthly',
    weekdays: [4],
    nth: 1,
    start: '09:00',
    end: '17:00',
  });
  await uploadedCalendar(scene, (i3 as { id: string }).id);
  // Other groups: a few more shifts so their rotas look real.
  await addRule(scene, (i5 as { id: string }).id, {
    category: 'night-shift',
    weekdays: [4],
    start: '18:30',
    end: '08:30',
    restAfter: true,
  });
  await addRule(scene, (i9 as { id: string }).id, {
    category: 'night-shift',
    weekdays: [6],
    start: '08:30',
    end: '18:30',
  });
}

async function addRule({ db, orgId, stamp }: Scene, userId: string, r: RuleSeed) {
  await db
    .insertInto('availability_rules')
    .values({
      id: newId(),
      org_id: orgId,
      user_id: userId,
      category: r.category,
      kind: r.kind ?? 'busy',
      pattern: r.pattern ?? 'weekly',
      weekdays: JSON.stringify(r.weekdays),
      nth: r.nth ?? null,
      start_time: r.start,
      end_time: r.end,
      from_date: null,
      to_date: null,
      rest_after: r.restAfter ? 1 : 0,
      created_at: stamp,
    })
    .execute();
}

/** Locum evenings from an uploaded calendar: only the busy times are kept. */
async function uploadedCalendar({ db, orgId, zone, now, stamp }: Scene, userId: string) {
  const busy = busyFromIcs(ICS, {
    from: now.minus({ days: 1 }).toUTC().toISO() as string,
    to: now.plus({ days: 200 }).toUTC().toISO() as string,
    timeZone: zone,
  }).busy;
  await db
    .insertInto('calendar_sources')
    .values({
      id: newId(),
      org_id: orgId,
      user_id: userId,
      kind: 'upload',
      label: 'Remplacements (planning.ics)',
      url: null,
      busy: JSON.stringify(busy),
      fetched_at: stamp,
      last_error: null,
      created_at: stamp,
    })
    .execute();
}

/** The DES1 welcome day, a Friday two weeks or so from now. */
async function welcomeDay({ db, orgId, peer, now, stamp, user }: Scene) {
  const coordination = await user('coordination@dmg.demo');
  const welcome = now.plus({ days: 16 }).set({ weekday: 5 }).startOf('day');
  await db
    .insertInto('programme_events')
    .values({
      id: newId(),
      org_id: orgId,
      programme_id: peer.id,
      title: 'Journée d’accueil des DES1 — rencontre avec les tuteurs',
      kind: 'welcome-day',
      starts_at: welcome.set({ hour: 9 }).toUTC().toISO() as string,
      ends_at: welcome.set({ hour: 17 }).toUTC().toISO() as string,
      busy: 1,
      created_by: coordination.id,
      created_at: stamp,
    })
    .execute();
}

/** A group's first meeting, some days ago, with its attendance and its filed report. */
async function pastMeeting(
  { db, orgId, peer, now, user }: Scene,
  p: { tutor: string; tutees: string[]; daysAgo: number; absent: string | null },
) {
  const tutor = await user(`${p.tutor}@dmg.demo`);
  const start = now.minus({ days: p.daysAgo }).set({ hour: 19, minute: 0, second: 0, millisecond: 0 });
  const id = newId();
  await db
    .insertInto('meetings')
    .values({
      id,
      org_id: orgId,
      programme_id: peer.id,
      organiser_id: tutor.id,
      kind: 'meeting',
      title: 'Première rencontre du groupe',
      mode: 'in-person',
      place: 'CHU Amiens-Picardie, salle de l’internat',
      video_url: null,
      guide_id: 'premiere-rencontre',
      duration_minutes: 90,
      status: 'confirmed',
      starts_at: start.toUTC().toISO() as string,
      ends_at: start.plus({ minutes: 90 }).toUTC().toISO() as string,
      ical_uid: `${id}@compagnon`,
      sequence: 0,
      poll_expires_at: start.toUTC().toISO() as string,
      reminded_at: start.minus({ days: 1 }).toUTC().toISO() as string,
      created_at: start.minus({ days: 10 }).toUTC().toISO() as string,
      updated_at: start.minus({ days: 7 }).toUTC().toISO() as string,
    })
    .execute();
  for (const email of [p.tutor, ...p.tutees]) {
    const u = await user(`${email}@dmg.demo`);
    await db
      .insertInto('meeting_participants')
      .values({
        id: newId(),
        meeting_id: id,
        user_id: u.id,
        required: email === p.tutor ? 1 : 0,
        poll_token_hash: null,
        answered_at: start.minus({ days: 8 }).toUTC().toISO() as string,
        poll_reminded_at: null,
        attendance: email === p.absent ? 'excused' : 'present',
      })
      .execute();
  }
  await db
    .insertInto('meeting_reports')
    .values({
      meeting_id: id,
      author_id: tutor.id,
      status: 'filed',
      duration_minutes: 95,
      content: JSON.stringify({
        place: 'CHU Amiens-Picardie, salle de l’internat',
        themes: '- Tour de table et projets\n- Organisation des gardes\n- Choix du prochain stage',
        problems:
          p.absent !== null
            ? 'Rythme des gardes difficile en début de semestre ; une interne excusée (garde).'
            : 'Difficultés à trouver un logement près du terrain de stage.',
        conclusions: 'Se retrouver avant les choix de stage ; partager les retours sur les terrains.',
        remarks: 'Groupe motivé, échanges de qualité.',
        nextMeetingDate: now.plus({ days: 20 }).toISODate(),
      }),
      updated_at: start.plus({ days: 1 }).toUTC().toISO() as string,
      filed_at: start.plus({ days: 1 }).toUTC().toISO() as string,
      ...visibilityColumns(rulesOf(peer).reportVisibility),
    })
    .execute();
}

/** A couple of quick contacts logged by the first group's tutor. */
async function quickContacts({ db, orgId, peer, now, stamp, user }: Scene) {
  const t35 = await user('interne35@dmg.demo');
  for (const [email, channel, daysAgo] of [
    ['interne1', 'sms', 5],
    ['interne4', 'call', 9],
  ] as const) {
    const u = await user(`${email}@dmg.demo`);
    await recordContact(db, {
      orgId,
      programmeId: peer.id,
      authorId: t35.id,
      tuteeId: u.id,
      channel,
      happenedAt: now.minus({ days: daysAgo }).toJSDate(),
      answered: true,
      recordedAt: new Date(stamp),
    });
  }
}
