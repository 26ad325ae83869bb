import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { distanceKm } from '../modules/matching/geo.ts';
import { templates } from '../modules/programmes/templates.ts';

// Matching demo: a new DES promotion to pair automatically (no pairs yet), and a tutee-choice
// round in the peer tutoring for its first-year residents, most of whom have already ranked.

const PERIOD = '2026-2027 S1';
const FIRST = [
  'Aurélien',
  'Bérénice',
  'Cyril',
  'Delphine',
  'Étienne',
  'Fanny',
  'Gaspard',
  'Héloïse',
  'Ilan',
  'Justine',
  'Kévin',
  'Laure',
  'Mathis',
  'Nina',
  'Octave',
  'Pénélope',
];
const LAST = [
  'Caron',
  'Deschamps',
  'Lemaire',
  'Hubert',
  'Carpentier',
  'Barbier',
  'Renard',
  'Picard',
  'Poulain',
  'Vasseur',
  'Delahaye',
  'Lecomte',
  'Boucher',
  'Dufour',
  'Leclercq',
  'Hennequin',
  'Marchand',
];
const COMMUNES = [
  'Amiens',
  'Abbeville',
  'Péronne',
  'Doullens',
  'Montdidier',
  'Albert',
  'Corbie',
  'Rue',
  'Ham',
  'Roye',
  'Nesle',
  'Poix-de-Picardie',
  'Saint-Quentin',
  'Beauvais',
  'Compiègne',
  'Noyon',
];
const SITES = [
  { site: 'CHU Amiens-Picardie', city: 'Amiens', kind: 'internship' },
  { site: 'CH d’Abbeville', city: 'Abbeville', kind: 'internship' },
  { site: 'CH de Saint-Quentin', city: 'Saint-Quentin', kind: 'internship' },
  { site: 'CH de Beauvais', city: 'Beauvais', kind: 'internship' },
  { site: 'CH de Compiègne-Noyon', city: 'Compiègne', kind: 'internship' },
  { site: 'Maison de santé de Péronne', city: 'Péronne', kind: 'internship' },
  { site: 'Pôle de santé de Doullens', city: 'Doullens', kind: 'internship' },
  { site: 'CHU Amiens-Picardie', city: 'Amiens', kind: 'internship' },
];
/** Where the DES3 peer tutors are this semester: the hospitals most first-years start in. */
const PEER_TUTOR_SITES = [SITES[0], SITES[1], SITES[2], SITES[3], SITES[4]];
const PROJECTS = [
  'Installation en zone rurale',
  'Exercice en maison de santé pluriprofessionnelle',
  'Remplacements puis installation',
  'Pédiatrie ambulatoire',
  'Santé de la femme',
  'Gériatrie et soins palliatifs',
  'Médecine d’urgence (FST)',
];
const THEMES = [
  'choix de stage',
  'maquette',
  'écriture des RSCA',
  'sujet de thèse',
  'installation',
  'équilibre vie pro / vie perso',
  'gestes techniques',
  'remplacements',
];
const FACULTIES = ['Amiens', 'Amiens', 'Amiens', 'Lille', 'Rouen', 'Amiens', 'Reims', 'Amiens'];

/** What every scene of the matching demo works with. */
interface Scene {
  db: Db;
  orgId: string;
  now: Date;
  iso: string;
  coordination: { id: string; password_hash: string | null };
  byEmail: (email: string) => Promise<{ id: string; name: string; password_hash: string | null }>;
  member: (
    programme: string,
    userId: string,
    role: string,
    capacity: number | null,
    at?: string,
    cohort?: string | null,
  ) => Promise<unknown>;
}

export async function matchingDemo(db: Db, ctx: AppContext): Promise<void> {
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', 'dmg-demo')
    .executeTakeFirst();
  if (!org) return;
  const now = ctx.clock.now();
  const iso = now.toISOString();
  const byEmail = async (email: string) =>
    db
      .selectFrom('users')
      .select(['id', 'name', 'password_hash'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
  const coordination = await byEmail('coordination@dmg.demo');
  const programmes = await db
    .selectFrom('programmes')
    .select(['id', 'template'])
    .where('org_id', '=', org.id)
    .execute();
  const peer = programmes.find((p) => p.template === 'peer-tutoring');
  const member: Scene['member'] = async (programme, userId, role, capacity, at = iso, cohort = null) =>
    db
      .insertInto('memberships')
      .values({
        id: newId(),
        org_id: org.id,
        programme_id: programme,
        cohort_id: cohort,
        user_id: userId,
        role,
        capacity,
        created_at: at,
        ended_at: null,
        invited_at: at,
      })
      .execute();
  const scene: Scene = { db, orgId: org.id, now, iso, coordination, byEmail, member };

  const tutors = await tutorsWithProjects(scene);
  const { programmeId, cohortId } = await newPromotion(scene);
  await member(programmeId, coordination.id, 'coordinator', null);
  for (const t of tutors) await member(programmeId, t.id, 'tutor', 3);
  const residents = await newResidents(scene, programmeId, cohortId);
  await declaredConstraints(scene, programmeId, tutors, residents);
  if (!peer) return;
  await peerChoiceRound(scene, peer.id, residents);
}

/** GP tutors' own projects, so "projet" means something in the explanations. */
async function tutorsWithProjects({ db, orgId, byEmail }: Scene) {
  const tutors = [];
  for (let i = 1; i <= 12; i++) {
    const t = await byEmail(`tuteur${i}@dmg.demo`);
    tutors.push(t);
    await db
      .updateTable('org_members')
      .set({ professional_project: PROJECTS[i % PROJECTS.length] as string })
      .where('org_id', '=', orgId)
      .where('user_id', '=', t.id)
      .execute();
  }
  return tutors;
}

/** The DES tutoring of the new promotion, over three years from today. */
async function newPromotion({ db, orgId, now, iso }: Scene) {
  const start = iso.slice(0, 10);
  const end = new Date(now.getTime() + 3 * 365 * 86_400_000).toISOString().slice(0, 10);
  const programmeId = newId();
  const cohortId = newId();
  await db
    .insertInto('programmes')
    .values({
      id: programmeId,
      org_id: orgId,
      name: 'Tutorat DES — promotion 2027',
      template: 'des-tutoring',
      rules: JSON.stringify(templates['des-tutoring'].rules),
      created_at: iso,
      archived_at: null,
    })
    .execute();
  await db
    .insertInto('cohorts')
    .values({
      id: cohortId,
      org_id: orgId,
      programme_id: programmeId,
      name: 'Promotion 2027',
      kind: 'academic-year',
      starts_on: start,
      ends_on: end,
      created_at: iso,
      archived_at: null,
    })
    .execute();
  return { programmeId, cohortId };
}

/** 32 new first-year residents (interne45 … interne76), arriving over the last days. */
async function newResidents(scene: Scene, programmeId: string, cohortId: string) {
  const { db, orgId, now, coordination, member } = scene;
  const residents: { id: string; commune: string }[] = [];
  for (let k = 0; k < 32; k++) {
    const n = 45 + k;
    const id = newId();
    const commune = COMMUNES[(k * 5) % COMMUNES.length] as string;
    const site = SITES[(k * 3) % SITES.length] as (typeof SITES)[number];
    const arrived = new Date(now.getTime() - (32 - k) * 3_600_000).toISOString();
    await db
      .insertInto('users')
      .values({
        id,
        email: `interne${n}@dmg.demo`,
        name: `${FIRST[k % FIRST.length]} ${LAST[(k * 7) % LAST.length]}`,
        password_hash: coordination.password_hash,
        locale: 'fr',
        phone: k % 3 === 0 ? null : `+3367${String(3000000 + k * 7717).slice(0, 7)}`,
        is_demo: 1,
        created_at: arrived,
        last_sign_in_at: null,
        disabled_at: null,
      })
      .execute();
    await db
      .insertInto('org_members')
      .values({
        id: newId(),
        org_id: orgId,
        user_id: id,
        is_admin: 0,
        home_commune: commune,
        professional_project: PROJECTS[(k * 3) % PROJECTS.length] as string,
        themes: JSON.stringify([THEMES[k % THEMES.length], THEMES[(k * 3 + 1) % THEMES.length]]),
        languages: JSON.stringify(k % 11 === 4 ? ['français', 'arabe'] : ['français']),
        faculty: FACULTIES[k % FACULTIES.length] as string,
        des_year: 1,
        share_phone: k % 3 === 0 ? 0 : 1,
        presentation: null,
        created_at: arrived,
      })
      .execute();
    await db
      .insertInto('placements')
      .values({
        id: newId(),
        org_id: orgId,
        user_id: id,
        period: PERIOD,
        site: site.site,
        city: site.city,
        kind: site.kind,
        created_at: arrived,
      })
      .execute();
    await member(programmeId, id, 'tutee', null, arrived, cohortId);
    residents.push({ id, commune });
  }
  return residents;
}

/** A declared wish and a declared conflict of interest. */
async function declaredConstraints(
  { db, orgId, iso, coordination }: Scene,
  programmeId: string,
  tutors: { id: string }[],
  residents: { id: string }[],
) {
  const constraint = async (tutor: string, tutee: string, kind: string, reason: string) =>
    db
      .insertInto('matching_constraints')
      .values({
        id: newId(),
        org_id: orgId,
        programme_id: programmeId,
        tutor_user_id: tutor,
        tutee_user_id: tutee,
        kind,
        reason,
        declared_by: coordination.id,
        created_at: iso,
      })
      .execute();
  await constraint(
    (tutors[2] as { id: string }).id,
    (residents[0] as { id: string }).id,
    'knows',
    'Se connaissent depuis l’externat',
  );
  await constraint(
    (tutors[4] as { id: string }).id,
    (residents[5] as { id: string }).id,
    'conflict',
    'Associé du maître de stage',
  );
}

/**
 * Peer tutoring: five more DES3 peer tutors (internes 40–44) and a choice round for sixteen
 * first-year residents (internes 45–60); all but interne45 have ranked already.
 */
async function peerChoiceRound(scene: Scene, peerId: string, residents: { id: string; commune: string }[]) {
  const { db, now, member } = scene;
  const peerTutors = await peerTutorsOf(scene, peerId);
  const roundId = newId();
  await db
    .insertInto('matching_rounds')
    .values({
      id: roundId,
      org_id: scene.orgId,
      programme_id: peerId,
      kind: 'tutee-choice',
      deadline: new Date(now.getTime() + 10 * 86_400_000).toISOString(),
      status: 'open',
      created_by: scene.coordination.id,
      created_at: scene.iso,
      closed_at: null,
    })
    .execute();
  const popular = peerTutors[3] as { id: string };
  for (const [k, r] of residents.slice(0, 16).entries()) {
    const arrived = new Date(now.getTime() - (16 - k) * 3_600_000).toISOString();
    await member(peerId, r.id, 'tutee', null, arrived);
    if (k === 0) continue;
    // Most rank by proximity; a third put the much-talked-about tutor first.
    const near = [...peerTutors]
      .sort((a, b) => (distanceKm(r.commune, a.city) ?? 999) - (distanceKm(r.commune, b.city) ?? 999))
      .map((t) => t.id);
    const ranking = k % 3 === 1 ? [popular.id, ...near.filter((id) => id !== popular.id)] : near;
    await db
      .insertInto('matching_choices')
      .values({
        id: newId(),
        round_id: roundId,
        user_id: r.id,
        side: 'tutee',
        ranking: JSON.stringify(ranking.slice(0, 3)),
        updated_at: arrived,
      })
      .execute();
  }
}

/**
 * The five DES3 peer tutors, each with a presentation naming their placement: as in a real
 * department, they are in the hospitals where most first-years start.
 */
async function peerTutorsOf({ db, orgId, byEmail, member }: Scene, peerId: string) {
  const peerTutors: { id: string; city: string | null }[] = [];
  for (let n = 40; n <= 44; n++) {
    const u = await byEmail(`interne${n}@dmg.demo`);
    const place = PEER_TUTOR_SITES[n - 40] as (typeof SITES)[number];
    await db
      .updateTable('placements')
      .set({ site: place.site, city: place.city, kind: place.kind })
      .where('org_id', '=', orgId)
      .where('user_id', '=', u.id)
      .execute();
    await db
      .updateTable('org_members')
      .set({
        presentation: `Interne en DES3, en stage au ${place.site}. Disponible le soir et pendant les journées de cours ; j’aime parler choix de stage et thèse.`,
      })
      .where('org_id', '=', orgId)
      .where('user_id', '=', u.id)
      .execute();
    await member(peerId, u.id, 'tutor', 4);
    peerTutors.push({ id: u.id, city: place.city });
  }
  return peerTutors;
}
