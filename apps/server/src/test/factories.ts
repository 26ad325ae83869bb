import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { type TemplateId, templates } from '../modules/programmes/templates.ts';
import { consultation, difficulty } from './factories-difficulties.ts';
import { guidesWorld } from './factories-guides.ts';
import { portfolioOf, supervisorRequest } from './factories-portfolio.ts';
import { joinRequest, openRequests } from './factories-requests.ts';
import { endReview, questionnaireAsked } from './factories-reviews.ts';
import { trainingWorld } from './factories-training.ts';
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
      // People of a test world were invited when they were added.
      invited_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return id;
}

/** A tutor paired with a tutee in a programme: what meetings, contacts and alerts hang on. */
export interface Pairing {
  id: string;
  orgId: string;
  programmeId: string;
  tutorId: string;
  tuteeId: string;
}

export async function pair(
  ctx: AppContext,
  programme: { id: string; orgId: string },
  tutorId: string,
  tuteeId: string,
  opts: { groupKey?: string | null; state?: 'proposed' | 'active' | 'paused' | 'completed' | 'ended' } = {},
): Promise<Pairing> {
  const id = newId();
  await ctx.db
    .insertInto('pairings')
    .values({
      id,
      org_id: programme.orgId,
      programme_id: programme.id,
      cohort_id: null,
      tutor_user_id: tutorId,
      tutee_user_id: tuteeId,
      group_key: opts.groupKey ?? null,
      state: opts.state ?? 'active',
      created_at: ctx.clock.now().toISOString(),
      ended_at: null,
      end_reason: null,
    })
    .execute();
  return { id, orgId: programme.orgId, programmeId: programme.id, tutorId, tuteeId };
}

export type Attendance = 'present' | 'excused' | 'absent';

export interface MeetingSpec {
  pairing: Pairing;
  /** The start; none for a poll whose date is still to be chosen. */
  at?: Date | null;
  status?: 'polling' | 'confirmed' | 'cancelled';
  /** Invited besides the tutor who organises; by default the pair's tutee. */
  participants?: { id: string; attendance?: Attendance | null }[];
  /** Starts of the times offered by the poll. */
  options?: Date[];
  mode?: 'in-person' | 'video' | 'phone';
  title?: string;
  place?: string | null;
  durationMinutes?: number;
  pollExpiresAt?: Date | null;
  createdAt?: Date;
}

/**
 * A meeting organised by the pair's tutor, as the meetings pages record it: the tutor and the
 * invited people as participants (attendance unknown unless given), no poll answers. With a start
 * (`at`) it is confirmed; without one it is a poll whose date is still to be chosen, among
 * `options` if any (the poll then closes at the last option).
 */
export async function meeting(ctx: AppContext, o: MeetingSpec): Promise<{ id: string; optionIds: string[] }> {
  const id = newId();
  const minutes = o.durationMinutes ?? 60;
  const end = (start: Date) => new Date(start.getTime() + minutes * 60_000).toISOString();
  const at = o.at ?? null;
  const options = o.options ?? [];
  const lastOption = options.reduce<Date | null>((last, d) => (!last || d > last ? d : last), null);
  const pollExpiresAt = o.pollExpiresAt === undefined ? lastOption : o.pollExpiresAt;
  const createdAt = (o.createdAt ?? ctx.clock.now()).toISOString();
  await ctx.db
    .insertInto('meetings')
    .values({
      id,
      org_id: o.pairing.orgId,
      programme_id: o.pairing.programmeId,
      organiser_id: o.pairing.tutorId,
      kind: 'meeting',
      title: o.title ?? 'Rencontre',
      mode: o.mode ?? 'in-person',
      place: o.place ?? null,
      video_url: null,
      guide_id: null,
      duration_minutes: minutes,
      status: o.status ?? (at ? 'confirmed' : 'polling'),
      starts_at: at?.toISOString() ?? null,
      ends_at: at ? end(at) : null,
      ical_uid: `${id}@compagnon`,
      sequence: 0,
      poll_expires_at: pollExpiresAt?.toISOString() ?? null,
      reminded_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
  const people: { id: string; attendance?: Attendance | null }[] = [
    { id: o.pairing.tutorId },
    ...(o.participants ?? [{ id: o.pairing.tuteeId }]),
  ];
  for (const p of people) {
    await ctx.db
      .insertInto('meeting_participants')
      .values({
        id: newId(),
        meeting_id: id,
        user_id: p.id,
        required: 0,
        poll_token_hash: null,
        answered_at: null,
        poll_reminded_at: null,
        attendance: p.attendance ?? null,
      })
      .execute();
  }
  const optionIds: string[] = [];
  for (const start of options) {
    const optionId = newId();
    await ctx.db
      .insertInto('meeting_options')
      .values({ id: optionId, meeting_id: id, starts_at: start.toISOString(), ends_at: end(start) })
      .execute();
    optionIds.push(optionId);
  }
  return { id, optionIds };
}

/** A live follow-up alert on a pair, as the sweep opens it (by default: stuck for 21 days). */
export async function alert(
  ctx: AppContext,
  o: {
    pairing: Pairing;
    rule?: 'stuck' | 'first-meeting' | 'no-contact' | 'unreachable' | 'report-missing' | 'below-target';
    level?: 'tutor' | 'coordinator';
    detail?: Record<string, unknown>;
  },
): Promise<string> {
  const id = newId();
  const rule = o.rule ?? 'stuck';
  await ctx.db
    .insertInto('followup_alerts')
    .values({
      id,
      org_id: o.pairing.orgId,
      programme_id: o.pairing.programmeId,
      pairing_id: o.pairing.id,
      rule,
      state: 'open',
      level: o.level ?? 'tutor',
      live_key: `${rule}:${o.pairing.id}`,
      opened_at: ctx.clock.now().toISOString(),
      escalated_at: null,
      snoozed_until: null,
      closed_at: null,
      closed_by: null,
      close_note: null,
      resolved_at: null,
      detail: JSON.stringify(o.detail ?? { days: 21 }),
    })
    .execute();
  return id;
}

/** A constraint of a person (by default: weekly night shifts on Tuesdays, with rest the day after). */
export async function availabilityRule(
  ctx: AppContext,
  o: {
    orgId: string;
    userId: string;
    category?: string;
    kind?: 'busy' | 'ifNeedBe';
    pattern?: 'weekly' | 'fortnightly' | 'monthly' | 'dates';
    weekdays?: number[];
    nth?: number | null;
    startTime?: string;
    endTime?: string;
    fromDate?: string | null;
    toDate?: string | null;
    restAfter?: boolean;
  },
): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto('availability_rules')
    .values({
      id,
      org_id: o.orgId,
      user_id: o.userId,
      category: o.category ?? 'night-shift',
      kind: o.kind ?? 'busy',
      pattern: o.pattern ?? 'weekly',
      weekdays: JSON.stringify(o.weekdays ?? [2]),
      nth: o.nth ?? null,
      start_time: o.startTime ?? '18:30',
      end_time: o.endTime ?? '08:30',
      from_date: o.fromDate ?? null,
      to_date: o.toDate ?? null,
      rest_after: (o.restAfter ?? true) ? 1 : 0,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return id;
}

/** An uploaded calendar of a person (busy times only; none by default). */
export async function calendarSource(
  ctx: AppContext,
  o: { orgId: string; userId: string; label?: string; busy?: { start: string; end: string }[] },
): Promise<string> {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('calendar_sources')
    .values({
      id,
      org_id: o.orgId,
      user_id: o.userId,
      kind: 'upload',
      label: o.label ?? 'Planning',
      url: null,
      busy: JSON.stringify(o.busy ?? []),
      fetched_at: now,
      last_error: null,
      created_at: now,
    })
    .execute();
  return id;
}

/** A programme-wide day that blocks everyone of the programme (by default: a welcome day). */
export async function programmeEvent(
  ctx: AppContext,
  o: {
    programme: { id: string; orgId: string };
    createdBy: string;
    start: Date;
    end: Date;
    title?: string;
    kind?: 'course-day' | 'welcome-day' | 'other';
    busy?: boolean;
  },
): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto('programme_events')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      title: o.title ?? 'Journée d’accueil',
      kind: o.kind ?? 'welcome-day',
      starts_at: o.start.toISOString(),
      ends_at: o.end.toISOString(),
      busy: (o.busy ?? true) ? 1 : 0,
      created_by: o.createdBy,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return id;
}

/** An account invited into a programme by one of its coordinators, awaiting an answer. */
export async function programmeInvitation(
  ctx: AppContext,
  o: {
    programme: { id: string; orgId: string };
    userId: string;
    email: string;
    invitedBy: string;
    role?: 'coordinator' | 'tutor' | 'tutee' | 'expert';
  },
) {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('programme_invitations')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      user_id: o.userId,
      email: o.email,
      name: 'Nom tapé',
      role: o.role ?? 'tutor',
      capacity: null,
      invited_by: o.invitedBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
      answered_at: null,
      answer: null,
    })
    .execute();
  return id;
}

/**
 * The cast every authorization test uses: one organisation with a programme, its coordinator, two
 * tutors each with a tutee, an expert and an organisation admin; and a second organisation with
 * its own coordinator.
 */
/**
 * A well-being check-in of a pair's tutee, asked now: open, or answered with a distress signal the
 * tutee chose to tell their tutor about (`told`).
 */
export async function checkin(ctx: AppContext, o: { pairing: Pairing; told?: boolean; hidden?: string[] }) {
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db
    .insertInto('checkins')
    .values({
      id,
      org_id: o.pairing.orgId,
      programme_id: o.pairing.programmeId,
      user_id: o.pairing.tuteeId,
      tutor_user_id: o.pairing.tutorId,
      pairing_id: o.pairing.id,
      asked_at: now,
      expires_at: new Date(Date.parse(now) + 14 * 86_400_000).toISOString(),
      token_hash: null,
      answered_at: o.told ? now : null,
      who5_raw: o.told ? 5 : null,
      distress: o.told ? 1 : 0,
      tell_tutor: o.told ? 1 : null,
      tutor_told_at: o.told ? now : null,
      tutor_seen_at: null,
    })
    .execute();
  if (o.told) {
    for (const [i, question] of ['who5.1', 'who5.2', 'who5.3', 'who5.4', 'who5.5', 'note'].entries())
      await ctx.db
        .insertInto('checkin_answers')
        .values({
          id: newId(),
          checkin_id: id,
          question,
          value: question === 'note' ? 'Je suis épuisé·e' : String(i % 2),
          hidden: o.hidden?.includes(question) ? 1 : 0,
        })
        .execute();
  }
  return id;
}

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
  const pairing = await pair(ctx, programme, tutor.id, tutee.id);
  const otherPairing = await pair(ctx, programme, otherTutor.id, otherTutee.id);
  // Interne B chose not to share their phone in this programme.
  await ctx.db
    .insertInto('phone_choices')
    .values({
      id: newId(),
      org_id: orgId,
      programme_id: programme.id,
      user_id: otherTutee.id,
      shared: 0,
      decided_by: 'person',
      decided_at: ctx.clock.now().toISOString(),
    })
    .execute();

  const otherOrgId = await createOrg(ctx, 'CPTS B');
  const otherProgramme = await createProgramme(ctx, otherOrgId, 'installation-mentoring');
  const otherOrgCoordinator = await createUser(ctx, otherOrgId, { name: 'Coordinateur B', admin: true });
  await addMember(ctx, otherProgramme, otherOrgCoordinator.id, 'coordinator');
  // The other organisation's coordinator is invited into this programme and has not answered yet.
  const invitationId = await programmeInvitation(ctx, {
    programme,
    userId: otherOrgCoordinator.id,
    email: otherOrgCoordinator.email,
    invitedBy: coordinator.id,
  });

  // Follow-up: a live alert on the tutee's pairing.
  const followup = { alertId: await alert(ctx, { pairing }) };

  // Meetings: a poll of the tutor with their tutee, a rule and a calendar of the tutee, and a
  // welcome day of the programme.
  const now = ctx.clock.now();
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const poll = await meeting(ctx, { pairing, options: [inDays(7)] });
  const meetings = {
    meetingId: poll.id,
    optionId: poll.optionIds[0] as string,
    ruleId: await availabilityRule(ctx, { orgId, userId: tutee.id }),
    calendarId: await calendarSource(ctx, { orgId, userId: tutee.id }),
    eventId: await programmeEvent(ctx, {
      programme,
      createdBy: tutor.id,
      start: inDays(14),
      end: new Date(inDays(14).getTime() + 8 * 3_600_000),
    }),
  };

  // Well-being: a check-in of the tutee that signalled distress and that they told their tutor about.
  const wellbeing = { checkinId: await checkin(ctx, { pairing, told: true }) };
  // Difficulties and consultations: an anonymised systemic difficulty raised by the tutee, and a
  // question of the tutor to the expert about the tutee.
  const concerns = {
    difficultyId: await difficulty(ctx, { programme, authorId: tutee.id, anonymised: true }),
    consultationId: await consultation(ctx, {
      programme,
      askerId: tutor.id,
      expertId: expert.id,
      subjectId: tutee.id,
    }),
  };

  // Portfolio: the tutee's RSCA waiting for their tutor's review, a co-signed synthesis, and an
  // internship supervisor invited for the tutee.
  const portfolio = {
    ...(await portfolioOf(ctx, { orgId, programmeId: programme.id, resident: tutee, tutor })),
    supervisorRequestId: await supervisorRequest(ctx, {
      orgId,
      programmeId: programme.id,
      residentId: tutee.id,
    }),
  };

  // Reviews: the tutee's end review of their pair, a draft they chose to share; a questionnaire
  // asked of them, not answered yet.
  const reviews = {
    reviewId: await endReview(ctx.db, {
      orgId,
      programmeId: programme.id,
      pairingId: pairing.id,
      userId: tutee.id,
      endedAt: now.toISOString(),
    }),
    ...(await questionnaireAsked(ctx, { orgId, programmeId: programme.id, userId: tutee.id })),
  };
  // Requests to join: the programme's public page is open, one request waits for the coordination.
  await openRequests(ctx, programme.id);
  const requests = { joinRequestId: (await joinRequest(ctx, { programme })).id };
  // Guides and announcements: the library, a tutor's suggestion, an announcement to everyone.
  const guides = await guidesWorld(ctx, {
    orgId,
    programmeId: programme.id,
    coordinatorId: coordinator.id,
    tutorId: tutor.id,
    recipientIds: [tutor.id, otherTutor.id, tutee.id, otherTutee.id],
  });
  // Training: a session far ahead, the tutor registered.
  const training = await trainingWorld(ctx, { programme, coordinatorId: coordinator.id, tutorId: tutor.id });

  return {
    orgId,
    programme,
    tuteeMembership,
    portfolio,
    reviews,
    requests,
    guides,
    training,
    /** The tutor's pairing with the tutee, and the other tutor's with the other tutee. */
    pairing,
    otherPairing,
    /** Set by modules that need a record of theirs in the matrix (e.g. an import preview). */
    importId: undefined as string | undefined,
    actors: { coordinator, tutor, otherTutor, tutee, otherTutee, expert, orgAdmin, otherOrgCoordinator },
    otherOrgId,
    otherProgramme,
    invitationId,
    followup,
    meetings,
    wellbeing,
    concerns,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;
