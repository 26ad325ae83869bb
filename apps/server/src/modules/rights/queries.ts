import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { checkinExport } from '../wellbeing/rights.ts';
import { contactLogData, meetingData } from './queries-meetings.ts';
import { notificationData, signInData } from './queries-messages.ts';
import { matchingData, pairingData } from './queries-pairings.ts';

const json = (text: string | null, column: string) => readJson(z.unknown(), text, column);

/**
 * Every row that names the person, as they may read it: their own rows in full; rows of others only
 * as far as the confidentiality table already lets them see (a counterpart's name, a report's
 * content when the programme lets the tutee read it). Secrets — password and link hashes, calendar
 * subscription addresses, poll and feed tokens — are never selected. One reader per record family.
 */
export async function personalData(db: Db, userId: string) {
  const account = await accountData(db, userId);
  const organisations = await organisationRows(db, userId);
  return {
    account,
    organisations: organisations.map((o) => ({
      organisation: o.org_name,
      timeZone: o.time_zone,
      admin: o.is_admin === 1,
      homeCommune: o.home_commune,
      professionalProject: o.professional_project,
      themes: json(o.themes, 'org_members.themes'),
      languages: json(o.languages, 'org_members.languages'),
      faculty: o.faculty,
      desYear: o.des_year,
      presentation: o.presentation,
      since: o.created_at,
    })),
    placements: await placementData(db, userId),
    memberships: await membershipData(db, userId),
    pairings: await pairingData(db, userId),
    matching: await matchingData(db, userId),
    availability: await availabilityData(db, userId),
    meetings: await meetingData(db, userId),
    contactLog: await contactLogData(db, userId),
    ...(await notificationData(db, userId)),
    consents: organisations.map((o) => ({
      organisation: o.org_name,
      sharePhoneWithPair: o.share_phone === 1,
    })),
    phoneChoices: await phoneChoiceData(db, userId),
    signIns: await signInData(db, userId, account.email),
    erasureRequests: await db
      .selectFrom('erasure_requests')
      .select(['id', 'status', 'requested_at', 'due_at', 'closed_at'])
      .where('user_id', '=', userId)
      .orderBy('requested_at')
      .execute(),
    wellbeing: await checkinExport(db, userId),
  };
}

export type PersonalData = Awaited<ReturnType<typeof personalData>>;

/** Whether the person's phone is shared in each programme, and whether they or the rule decided it. */
async function phoneChoiceData(db: Db, userId: string) {
  const rows = await db
    .selectFrom('phone_choices as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select(['p.name as programme', 'c.shared', 'c.decided_by', 'c.decided_at'])
    .where('c.user_id', '=', userId)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({
    programme: r.programme,
    phoneShared: Number(r.shared) === 1,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  }));
}

async function accountData(db: Db, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'phone', 'locale', 'created_at', 'last_sign_in_at', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const hasPassword = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('password_hash', 'is not', null)
    .executeTakeFirst();
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: user.phone,
    language: user.locale,
    createdAt: user.created_at,
    lastSignInAt: user.last_sign_in_at,
    hasPassword: !!hasPassword,
  };
}

/** The person's organisation profiles (also their consents, such as sharing their phone). */
function organisationRows(db: Db, userId: string) {
  return db
    .selectFrom('org_members')
    .innerJoin('organisations', 'organisations.id', 'org_members.org_id')
    .select([
      'organisations.id as org_id',
      'organisations.name as org_name',
      'organisations.time_zone',
      'org_members.is_admin',
      'org_members.home_commune',
      'org_members.professional_project',
      'org_members.themes',
      'org_members.languages',
      'org_members.faculty',
      'org_members.des_year',
      'org_members.share_phone',
      'org_members.presentation',
      'org_members.created_at',
    ])
    .where('org_members.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

function placementData(db: Db, userId: string) {
  return db
    .selectFrom('placements')
    .innerJoin('organisations', 'organisations.id', 'placements.org_id')
    .select([
      'organisations.name as organisation',
      'placements.period',
      'placements.site',
      'placements.city',
      'placements.kind',
      'placements.created_at',
    ])
    .where('placements.user_id', '=', userId)
    .orderBy('placements.created_at')
    .execute();
}

function membershipData(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('programmes', 'programmes.id', 'memberships.programme_id')
    .innerJoin('organisations', 'organisations.id', 'memberships.org_id')
    .leftJoin('cohorts', 'cohorts.id', 'memberships.cohort_id')
    .select([
      'organisations.name as organisation',
      'programmes.name as programme',
      'cohorts.name as cohort',
      'memberships.role',
      'memberships.capacity',
      'memberships.created_at',
      'memberships.ended_at',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .execute();
}

/** Availability rules and calendars: busy times only, a subscription's address is a secret of its own. */
async function availabilityData(db: Db, userId: string) {
  const rules = await db
    .selectFrom('availability_rules')
    .innerJoin('organisations', 'organisations.id', 'availability_rules.org_id')
    .select([
      'organisations.name as organisation',
      'category',
      'availability_rules.kind',
      'pattern',
      'weekdays',
      'nth',
      'start_time',
      'end_time',
      'from_date',
      'to_date',
      'rest_after',
      'availability_rules.created_at',
    ])
    .where('user_id', '=', userId)
    .orderBy('availability_rules.created_at')
    .execute();
  const calendars = await db
    .selectFrom('calendar_sources')
    .select(['kind', 'label', 'busy', 'fetched_at', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const feed = await db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return {
    rules: rules.map((r) => ({
      ...r,
      weekdays: json(r.weekdays, 'availability_rules.weekdays'),
      rest_after: r.rest_after === 1,
    })),
    calendars: calendars.map((c) => ({ ...c, busy: json(c.busy, 'calendar_sources.busy') })),
    personalFeedSince: feed?.created_at ?? null,
  };
}
