import { DateTime } from 'luxon';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { dmgDes } from './dmg.ts';

// Tutor teams in the DMG demo's DES programme: « Équipe Amiens Nord », seven tutors (tuteur1 to
// tuteur7) with a few messages in their thread, a team meeting held three weeks ago with its report
// and one confirmed in ten days, and tuteur4 saying they are overloaded; « Équipe Amiens Sud », five
// tutors (tuteur8 to tuteur12), under the advised size.

interface Scene {
  db: Db;
  orgId: string;
  programmeId: string;
  now: DateTime;
}

async function makeTeam(s: Scene, name: string, emails: string[]) {
  const users = await s.db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('email', 'in', emails)
    .execute();
  const members = emails.map((e) => users.find((u) => u.email === e)).filter((u) => !!u);
  const id = newId();
  const at = s.now.minus({ months: 2 }).toUTC().toISO() as string;
  await s.db
    .insertInto('teams')
    .values({
      id,
      org_id: s.orgId,
      programme_id: s.programmeId,
      name,
      created_by: null,
      created_at: at,
      archived_at: null,
    })
    .execute();
  for (const m of members) {
    await s.db
      .insertInto('team_members')
      .values({ id: newId(), team_id: id, org_id: s.orgId, user_id: m.id, joined_at: at, left_at: null })
      .execute();
  }
  return { id, members };
}

async function teamMeeting(
  s: Scene,
  teamId: string,
  people: { id: string }[],
  start: DateTime,
  title: string,
) {
  const id = newId();
  const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true }) as string;
  const created = iso(start.minus({ days: 14 }));
  const organiser = people[1] ?? people[0];
  if (!organiser) return id;
  await s.db
    .insertInto('meetings')
    .values({
      id,
      org_id: s.orgId,
      programme_id: s.programmeId,
      organiser_id: organiser.id,
      kind: 'meeting',
      title,
      mode: 'video',
      place: null,
      video_url: 'https://visio.example.org/equipe-amiens-nord',
      guide_id: null,
      duration_minutes: 90,
      status: 'confirmed',
      starts_at: iso(start),
      ends_at: iso(start.plus({ minutes: 90 })),
      ical_uid: `${id}@compagnon`,
      sequence: 1,
      poll_expires_at: null,
      reminded_at: null,
      created_at: created,
      updated_at: created,
      team_id: teamId,
    })
    .execute();
  for (const p of people) {
    await s.db
      .insertInto('meeting_participants')
      .values({
        id: newId(),
        meeting_id: id,
        user_id: p.id,
        required: 0,
        poll_token_hash: null,
        answered_at: created,
        poll_reminded_at: null,
        attendance: null,
      })
      .execute();
  }
  return id;
}

type Member = { id: string; name: string };

async function threadMessages(s: Scene, teamId: string, [a, b, c, d]: Member[]) {
  if (!a || !b || !c || !d) return;
  const lines: [Member, number, string][] = [
    [
      b,
      9,
      'Bonjour à tous : qui peut recevoir une interne de DES1 en difficulté avec son stage aux urgences ?',
    ],
    [c, 8, 'Je peux la voir la semaine prochaine. Tu me donnes son prénom en message privé ?'],
    [
      d,
      5,
      'Je suis au maximum de ma capacité, avec deux alertes : je ne prends personne de plus ce semestre.',
    ],
    [a, 2, 'Rencontre d’équipe calée : on fait le point sur les charges à cette occasion.'],
  ];
  for (const [who, daysAgo, body] of lines) {
    await s.db
      .insertInto('team_messages')
      .values({
        id: newId(),
        team_id: teamId,
        author_id: who.id,
        body,
        created_at: s.now.minus({ days: daysAgo }).toUTC().toISO() as string,
        erased_at: null,
      })
      .execute();
  }
}

async function meetingsWithReport(s: Scene, teamId: string, members: Member[], [b, c, d]: Member[]) {
  if (!b || !c || !d) return;
  const now = s.now;
  const past = now.minus({ weeks: 3 }).set({ hour: 20, minute: 30, second: 0, millisecond: 0 });
  const held = await teamMeeting(s, teamId, members, past, 'Rencontre de l’équipe Amiens Nord');
  await s.db
    .insertInto('team_meeting_reports')
    .values({
      meeting_id: held,
      team_id: teamId,
      author_id: b.id,
      content: JSON.stringify({
        cases: [
          { name: 'Camille', note: 'DES1, stage aux urgences vécu difficilement ; isolement.' },
          { name: 'anonymisé', note: 'Retard de traces : une RSCA sur trois rendue.' },
        ],
        decisions:
          'Proposer à Camille un entretien avec la psychologue du DMG. Relancer les traces en retard par le fil.',
        followUps: [
          {
            who: c.name,
            what: 'Appeler Camille avant la fin du mois',
            by: now.plus({ days: 7 }).toISODate(),
          },
          { who: d.name, what: 'Faire le point sur sa charge avec la coordination', by: null },
        ],
      }),
      updated_at: past.plus({ days: 1 }).toUTC().toISO() as string,
    })
    .execute();
  const next = now.plus({ days: 10 }).set({ hour: 20, minute: 30, second: 0, millisecond: 0 });
  await teamMeeting(s, teamId, members, next, 'Rencontre de l’équipe Amiens Nord');
}

export async function demoTeams(db: Db, ctx: AppContext): Promise<void> {
  const des = await dmgDes(db);
  if (!des) return;
  const now = DateTime.fromJSDate(ctx.clock.now()).setZone(des.timeZone);
  const s: Scene = { db, orgId: des.orgId, programmeId: des.programmeId, now };
  const email = (i: number) => `tuteur${i}@dmg.demo`;
  const nord = await makeTeam(s, 'Équipe Amiens Nord', [1, 2, 3, 4, 5, 6, 7].map(email));
  await makeTeam(s, 'Équipe Amiens Sud', [8, 9, 10, 11, 12].map(email));
  const [a, b, c, d] = nord.members;
  if (!a || !b || !c || !d) return;

  await threadMessages(s, nord.id, [a, b, c, d]);
  await meetingsWithReport(s, nord.id, nord.members, [b, c, d]);

  await db
    .insertInto('team_overloads')
    .values({
      id: newId(),
      team_id: nord.id,
      org_id: des.orgId,
      programme_id: des.programmeId,
      author_id: d.id,
      message:
        'Toutes mes places sont prises, deux alertes en cours et une thèse à diriger : je ne peux pas en prendre davantage.',
      created_at: now.minus({ days: 5 }).toUTC().toISO() as string,
      closed_at: null,
      closed_by: null,
      close_note: null,
    })
    .execute();
}
