import { DateTime } from 'luxon';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { codeHash, newJoinCode } from '../modules/networks/load.ts';
import { messageRow } from '../modules/networks/thread.ts';
import { templates } from '../modules/programmes/templates.ts';

// A regional network of the two demo organisations: « Réseau régional des tuteurs Hauts-de-France »,
// created by the DMG with « Équipe Amiens Nord » and joined by « Mentors Somme Ouest », a team of
// the CPTS made for it — in the CPTS's own peer-support programme « Intervision des mentors »
// (mentor2 and mentor5, coordinated by coordination@cpts.demo). A few messages from both teams and
// a video exchange evening the DMG published in twelve days, tuteur3 registered. Nobody knows the
// join code (kept hashed): a coordinator of either team makes a new one to share it.

const iso = (d: DateTime) => d.toUTC().toISO() as string;

async function orgBySlug(db: Db, slug: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'time_zone'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

async function usersByEmail(db: Db, emails: string[]) {
  const rows = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', emails).execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** The CPTS's team of mentors, in a peer-support programme of its own. */
async function cptsTeam(db: Db, orgId: string, now: DateTime, people: Map<string, string>) {
  const programmeId = newId();
  const at = iso(now.minus({ months: 1 }));
  await db
    .insertInto('programmes')
    .values({
      id: programmeId,
      org_id: orgId,
      name: 'Intervision des mentors',
      template: 'tutor-peer-support',
      rules: JSON.stringify(templates['tutor-peer-support'].rules),
      created_at: at,
      archived_at: null,
    })
    .execute();
  const roles: [string, string][] = [
    ['coordination@cpts.demo', 'coordinator'],
    ['mentor2@cpts.demo', 'tutor'],
    ['mentor5@cpts.demo', 'tutor'],
  ];
  for (const [email, role] of roles) {
    const userId = people.get(email);
    if (!userId) continue;
    await db
      .insertInto('memberships')
      .values({
        id: newId(),
        org_id: orgId,
        programme_id: programmeId,
        cohort_id: null,
        user_id: userId,
        role,
        capacity: null,
        created_at: at,
        ended_at: null,
        invited_at: at,
      })
      .execute();
  }
  const teamId = newId();
  await db
    .insertInto('teams')
    .values({
      id: teamId,
      org_id: orgId,
      programme_id: programmeId,
      name: 'Mentors Somme Ouest',
      created_by: null,
      created_at: at,
      archived_at: null,
    })
    .execute();
  for (const email of ['mentor2@cpts.demo', 'mentor5@cpts.demo']) {
    const userId = people.get(email);
    if (userId)
      await db
        .insertInto('team_members')
        .values({
          id: newId(),
          team_id: teamId,
          org_id: orgId,
          user_id: userId,
          joined_at: at,
          left_at: null,
        })
        .execute();
  }
  return teamId;
}

async function messages(
  db: Db,
  networkId: string,
  now: DateTime,
  lines: [string | undefined, { teamId: string; orgId: string }, number, string][],
) {
  for (const [authorId, from, daysAgo, body] of lines) {
    if (!authorId) continue;
    await db
      .insertInto('network_messages')
      .values(
        messageRow({
          id: newId(),
          networkId,
          authorId,
          ...from,
          body,
          at: iso(now.minus({ days: daysAgo })),
        }),
      )
      .execute();
  }
}

async function session(db: Db, networkId: string, orgId: string, now: DateTime, people: Map<string, string>) {
  const id = newId();
  const start = now.plus({ days: 12 }).set({ hour: 18, minute: 30, second: 0, millisecond: 0 });
  await db
    .insertInto('network_sessions')
    .values({
      id,
      network_id: networkId,
      org_id: orgId,
      title: 'Soirée régionale d’échanges de pratiques',
      starts_at: iso(start),
      ends_at: iso(start.plus({ minutes: 90 })),
      mode: 'video',
      place: null,
      video_url: 'https://visio.example.org/reseau-hauts-de-france',
      capacity: 30,
      description: 'Chaque équipe apporte une situation qui l’a fait réfléchir ce semestre.',
      registration_deadline: null,
      ical_uid: `network-session-${id}@compagnon`,
      sequence: 0,
      created_by: people.get('coordination@dmg.demo') ?? null,
      created_at: iso(now.minus({ days: 6 })),
      updated_at: iso(now.minus({ days: 6 })),
      cancelled_at: null,
    })
    .execute();
  const tutor = people.get('tuteur3@dmg.demo');
  if (tutor)
    await db
      .insertInto('network_registrations')
      .values({
        id: newId(),
        session_id: id,
        org_id: orgId,
        user_id: tutor,
        status: 'registered',
        queued_at: iso(now.minus({ days: 5 })),
        registered_at: iso(now.minus({ days: 5 })),
        cancelled_at: null,
        reminded_at: null,
      })
      .execute();
}

/** The thread: a welcome, a grid shared, the session announced, a registration. */
async function conversation(
  db: Db,
  id: string,
  now: DateTime,
  people: Map<string, string>,
  { amiens, somme }: Record<'amiens' | 'somme', { teamId: string; orgId: string }>,
) {
  await messages(db, id, now, [
    [
      people.get('tuteur1@dmg.demo'),
      amiens,
      15,
      'Bienvenue aux mentors de la CPTS ! Vous avez une grille pour la première rencontre d’un nouvel installé ?',
    ],
    [
      people.get('mentor2@cpts.demo'),
      somme,
      14,
      'Oui, nous la partageons volontiers : une page, trois questions sur l’installation et une sur l’isolement.',
    ],
    [
      people.get('tuteur2@dmg.demo'),
      amiens,
      6,
      'Soirée d’échanges publiée dans les sessions du réseau : chaque équipe apporte une situation.',
    ],
    [
      people.get('mentor5@cpts.demo'),
      somme,
      2,
      'Inscrite ! Nous viendrons avec une situation de coordination ville-hôpital.',
    ],
  ]);
}

export async function demoNetworks(db: Db, ctx: AppContext): Promise<void> {
  const [dmg, cpts] = [await orgBySlug(db, 'dmg-demo'), await orgBySlug(db, 'cpts-demo')];
  const nord = await db
    .selectFrom('teams')
    .select('id')
    .where('name', '=', 'Équipe Amiens Nord')
    .executeTakeFirst();
  if (!dmg || !cpts || !nord) return;
  const now = DateTime.fromJSDate(ctx.clock.now()).setZone(dmg.time_zone);
  const people = await usersByEmail(db, [
    'coordination@dmg.demo',
    'coordination@cpts.demo',
    'mentor2@cpts.demo',
    'mentor5@cpts.demo',
    'tuteur1@dmg.demo',
    'tuteur2@dmg.demo',
    'tuteur3@dmg.demo',
  ]);
  const cptsTeamId = await cptsTeam(db, cpts.id, now, people);
  const id = newId();
  await db
    .insertInto('networks')
    .values({
      id,
      org_id: dmg.id,
      name: 'Réseau régional des tuteurs Hauts-de-France',
      scope: 'regional',
      description:
        'Les équipes de tuteurs et de mentors de la région : partager des outils, des situations et des soirées d’échanges.',
      code_hash: codeHash(newJoinCode()),
      code_changed_at: iso(now.minus({ weeks: 4 })),
      created_by: people.get('coordination@dmg.demo') ?? null,
      created_at: iso(now.minus({ weeks: 4 })),
      archived_at: null,
    })
    .execute();
  const joined: [string, string, string | undefined, number][] = [
    [nord.id, dmg.id, people.get('coordination@dmg.demo'), 4],
    [cptsTeamId, cpts.id, people.get('coordination@cpts.demo'), 3],
  ];
  for (const [teamId, orgId, by, weeks] of joined)
    await db
      .insertInto('network_teams')
      .values({
        id: newId(),
        network_id: id,
        team_id: teamId,
        org_id: orgId,
        joined_by: by ?? null,
        joined_at: iso(now.minus({ weeks })),
        left_by: null,
        left_at: null,
      })
      .execute();
  await conversation(db, id, now, people, {
    amiens: { teamId: nord.id, orgId: dmg.id },
    somme: { teamId: cptsTeamId, orgId: cpts.id },
  });
  await session(db, id, dmg.id, now, people);
}
