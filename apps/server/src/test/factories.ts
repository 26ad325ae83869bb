import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { followupWorld } from '../modules/followup/test-world.ts';
import { meetingsWorld } from '../modules/meetings/test-world.ts';
import { type TemplateId, templates } from '../modules/programmes/templates.ts';
import { sessionCookie } from './harness.ts';

let counter = 0;
const uniq = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function createOrg(ctx: AppContext, name = 'Organisation de test') {
  const id = newId();
  await ctx.db
    .insertInto('organisations')
    .values({
      id,
      name,
      slug: `org-${uniq()}`,
      kind: 'university-department',
      time_zone: 'Europe/Paris',
      locale: 'fr',
      is_demo: 0,
      created_at: ctx.clock.now().toISOString(),
      archived_at: null,
    })
    .execute();
  return id;
}

export async function createUser(
  ctx: AppContext,
  orgId: string,
  opts: {
    name?: string;
    admin?: boolean;
    phone?: string;
    sharePhone?: boolean;
    passwordHash?: string;
    email?: string;
  } = {},
) {
  const id = newId();
  const email = opts.email ?? `p-${uniq()}@example.org`;
  const name = opts.name ?? `Personne ${uniq()}`;
  await ctx.db
    .insertInto('users')
    .values({
      id,
      email,
      name,
      password_hash: opts.passwordHash ?? null,
      locale: 'fr',
      phone: opts.phone ?? null,
      is_demo: 0,
      created_at: ctx.clock.now().toISOString(),
      last_sign_in_at: null,
      disabled_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('org_members')
    .values({
      id: newId(),
      org_id: orgId,
      user_id: id,
      is_admin: opts.admin ? 1 : 0,
      home_commune: 'Amiens',
      professional_project: 'Installation en zone rurale',
      themes: '["thèse"]',
      languages: '["français"]',
      faculty: 'Amiens',
      des_year: 2,
      share_phone: opts.sharePhone ? 1 : 0,
      presentation: null,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return { id, email, name, cookie: await sessionCookie(ctx, id) };
}

export async function createProgramme(ctx: AppContext, orgId: string, template: TemplateId = 'des-tutoring') {
  const id = newId();
  await ctx.db
    .insertInto('programmes')
    .values({
      id,
      org_id: orgId,
      name: `Programme ${uniq()}`,
      template,
      rules: JSON.stringify(templates[template].rules),
      created_at: ctx.clock.now().toISOString(),
      archived_at: null,
    })
    .execute();
  const cohortId = newId();
  await ctx.db
    .insertInto('cohorts')
    .values({
      id: cohortId,
      org_id: orgId,
      programme_id: id,
      name: '2026-2027',
      kind: 'academic-year',
      starts_on: '2026-11-02',
      ends_on: '2027-10-31',
      created_at: ctx.clock.now().toISOString(),
      archived_at: null,
    })
    .execute();
  return { id, orgId, cohortId };
}

export async function addMember(
  ctx: AppContext,
  programme: { id: string; orgId: string },
  userId: string,
  role: 'coordinator' | 'tutor' | 'tutee' | 'expert',
  capacity: number | null = null,
) {
  const id = newId();
  await ctx.db
    .insertInto('memberships')
    .values({
      id,
      org_id: programme.orgId,
      programme_id: programme.id,
      cohort_id: null,
      user_id: userId,
      role,
      capacity,
      created_at: ctx.clock.now().toISOString(),
      ended_at: null,
    })
    .execute();
  return id;
}

export async function pair(
  ctx: AppContext,
  programme: { id: string; orgId: string },
  tutorId: string,
  tuteeId: string,
) {
  await ctx.db
    .insertInto('pairings')
    .values({
      id: newId(),
      org_id: programme.orgId,
      programme_id: programme.id,
      cohort_id: null,
      tutor_user_id: tutorId,
      tutee_user_id: tuteeId,
      group_key: null,
      state: 'active',
      created_at: ctx.clock.now().toISOString(),
      ended_at: null,
      end_reason: null,
    })
    .execute();
}

/**
 * The cast every authorization test uses: one organisation with a programme, its coordinator, two
 * tutors each with a tutee, an expert and an organisation admin; and a second organisation with
 * its own coordinator.
 */
export async function createWorld(ctx: AppContext) {
  const orgId = await createOrg(ctx, 'Département A');
  const programme = await createProgramme(ctx, orgId);
  const coordinator = await createUser(ctx, orgId, { name: 'Coordinatrice A' });
  const tutor = await createUser(ctx, orgId, { name: 'Tuteur A', phone: '+33611223344', sharePhone: true });
  const otherTutor = await createUser(ctx, orgId, { name: 'Tuteur B' });
  const tutee = await createUser(ctx, orgId, { name: 'Interne A', phone: '+33655667788', sharePhone: true });
  const otherTutee = await createUser(ctx, orgId, { name: 'Interne B', phone: '+33699887766' });
  const expert = await createUser(ctx, orgId, { name: 'Psychologue A' });
  const orgAdmin = await createUser(ctx, orgId, { name: 'Admin A', admin: true });
  await addMember(ctx, programme, coordinator.id, 'coordinator');
  await addMember(ctx, programme, tutor.id, 'tutor', 4);
  await addMember(ctx, programme, otherTutor.id, 'tutor', 4);
  const tuteeMembership = await addMember(ctx, programme, tutee.id, 'tutee');
  await addMember(ctx, programme, otherTutee.id, 'tutee');
  await addMember(ctx, programme, expert.id, 'expert');
  await pair(ctx, programme, tutor.id, tutee.id);
  await pair(ctx, programme, otherTutor.id, otherTutee.id);

  const otherOrgId = await createOrg(ctx, 'CPTS B');
  const otherProgramme = await createProgramme(ctx, otherOrgId, 'installation-mentoring');
  const otherOrgCoordinator = await createUser(ctx, otherOrgId, { name: 'Coordinateur B', admin: true });
  await addMember(ctx, otherProgramme, otherOrgCoordinator.id, 'coordinator');

  // Follow-up: the tutee's pairing and a live alert on it.
  const followup = await followupWorld(ctx, programme, tutee.id);

  // Matching: the tutee's live pairing, for the pairing routes.
  const pairingId = (
    await ctx.db
      .selectFrom('pairings')
      .select('id')
      .where('tutee_user_id', '=', tutee.id)
      .executeTakeFirstOrThrow()
  ).id;

  // Meetings: a poll of the tutor with their tutee, a rule and a calendar of the tutee.
  const meetings = await meetingsWorld(ctx, {
    orgId,
    programmeId: programme.id,
    tutorId: tutor.id,
    tuteeId: tutee.id,
  });

  return {
    orgId,
    programme,
    tuteeMembership,
    pairingId,
    /** Set by modules that need a record of theirs in the matrix (e.g. an import preview). */
    importId: undefined as string | undefined,
    actors: { coordinator, tutor, otherTutor, tutee, otherTutee, expert, orgAdmin, otherOrgCoordinator },
    otherOrgId,
    otherProgramme,
    followup,
    meetings,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;
