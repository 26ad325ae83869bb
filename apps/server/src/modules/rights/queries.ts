import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { checkinExport } from '../wellbeing/rights.ts';
import { meetingData } from './queries-meetings.ts';

const json = (text: string | null, column: string) => readJson(z.unknown(), text, column);

/**
 * Every row that names the person, as they may read it: their own rows in full; rows of others only
 * as far as the confidentiality table already lets them see (a counterpart's name, a report's
 * content when the programme lets the tutee read it). Secrets — password and link hashes, calendar
 * subscription addresses, poll and feed tokens — are never selected.
 */
export async function personalData(db: Db, userId: string) {
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

  const organisations = await db
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

  const placements = await db
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

  const memberships = await db
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

  const pairingRows = await db
    .selectFrom('pairings')
    .innerJoin('programmes', 'programmes.id', 'pairings.programme_id')
    .innerJoin('users as tutor', 'tutor.id', 'pairings.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'pairings.tutee_user_id')
    .select([
      'pairings.id',
      'programmes.name as programme',
      'pairings.tutor_user_id',
      'tutor.name as tutor',
      'tutee.name as tutee',
      'pairings.state',
      'pairings.created_at',
      'pairings.ended_at',
      'pairings.repair_requested_at',
      'pairings.repair_requested_by',
    ])
    .where((eb) => eb.or([eb('tutor_user_id', '=', userId), eb('tutee_user_id', '=', userId)]))
    .where('pairings.state', '!=', 'proposed')
    .orderBy('pairings.created_at')
    .execute();
  const pairingIds = pairingRows.map((p) => p.id);
  const events = pairingIds.length
    ? await db
        .selectFrom('pairing_events')
        .select(['pairing_id', 'at', 'kind', 'from_state', 'to_state', 'reason', 'actor_id'])
        .where('pairing_id', 'in', pairingIds)
        .orderBy('at')
        .execute()
    : [];
  const pairings = pairingRows.map((p) => ({
    programme: p.programme,
    role: p.tutor_user_id === userId ? 'tutor' : 'tutee',
    tutor: p.tutor,
    tutee: p.tutee,
    state: p.state,
    createdAt: p.created_at,
    endedAt: p.ended_at,
    repairRequestedAt: p.repair_requested_by === userId ? p.repair_requested_at : null,
    // A reason someone else gave (a re-pairing request, an early end) stays with those who may read it.
    history: events
      .filter((e) => e.pairing_id === p.id)
      .map((e) => ({
        at: e.at,
        kind: e.kind,
        from: e.from_state,
        to: e.to_state,
        reason: e.actor_id === userId ? e.reason : null,
        byYou: e.actor_id === userId,
      })),
  }));

  const constraints = await db
    .selectFrom('matching_constraints')
    .innerJoin('users as tutor', 'tutor.id', 'matching_constraints.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'matching_constraints.tutee_user_id')
    .select([
      'tutor.name as tutor',
      'tutee.name as tutee',
      'kind',
      'reason',
      'matching_constraints.created_at',
    ])
    .where('declared_by', '=', userId)
    .execute();
  const choices = await db
    .selectFrom('matching_choices')
    .select(['side', 'ranking', 'updated_at'])
    .where('user_id', '=', userId)
    .execute();
  // A ranking is stored as ids: the export names the people ranked (names the person saw when ranking).
  const rankings = choices.map((c) => ({
    side: c.side,
    updatedAt: c.updated_at,
    ids: readJson(z.array(z.string()), c.ranking, 'matching_choices.ranking'),
  }));
  const rankedIds = [...new Set(rankings.flatMap((r) => r.ids))];
  const ranked = rankedIds.length
    ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', rankedIds).execute()
    : [];

  const availability = await db
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
  // Busy times only: a subscription's address is a secret of its own and is not repeated here.
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

  const { meetings, contacts } = await meetingData(db, userId);

  const notifications = await db
    .selectFrom('notifications')
    .select(['kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const digestItems = await db
    .selectFrom('digest_items')
    .select(['kind', 'title', 'body', 'created_at', 'sent_in'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['channel', 'kind', 'status', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const prefs = await db
    .selectFrom('notification_prefs')
    .select(['channels', 'quiet_start', 'quiet_end', 'time_zone', 'digest', 'digest_day', 'email_off'])
    .where('user_id', '=', userId)
    .executeTakeFirst();

  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const attempts = await db
    .selectFrom('sign_in_attempts')
    .select(['at', 'ip', 'success'])
    .where('email', '=', user.email)
    .orderBy('at')
    .execute();
  const links = await db
    .selectFrom('tokens')
    .select(['kind', 'created_at', 'expires_at', 'used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const activity = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'ip'])
    .where('actor_id', '=', userId)
    .orderBy('at')
    .execute();
  const erasure = await db
    .selectFrom('erasure_requests')
    .select(['id', 'status', 'requested_at', 'due_at', 'closed_at'])
    .where('user_id', '=', userId)
    .orderBy('requested_at')
    .execute();

  return {
    account: {
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone,
      language: user.locale,
      createdAt: user.created_at,
      lastSignInAt: user.last_sign_in_at,
      hasPassword: !!hasPassword,
    },
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
    placements,
    memberships,
    pairings,
    matching: {
      constraintsYouDeclared: constraints,
      rankings: rankings.map((r) => ({
        side: r.side,
        updatedAt: r.updatedAt,
        ranking: r.ids.map((id) => ranked.find((u) => u.id === id)?.name ?? null),
      })),
    },
    availability: {
      rules: availability.map((r) => ({
        ...r,
        weekdays: json(r.weekdays, 'availability_rules.weekdays'),
        rest_after: r.rest_after === 1,
      })),
      calendars: calendars.map((c) => ({ ...c, busy: json(c.busy, 'calendar_sources.busy') })),
      personalFeedSince: feed?.created_at ?? null,
    },
    meetings,
    contactLog: contacts.map((c) => ({
      programme: c.programme,
      loggedByYou: c.author_id === userId,
      about: c.tutee,
      channel: c.channel,
      answered: c.answered === 1,
      at: c.happened_at,
    })),
    notifications,
    digestItems,
    messagesSent: deliveries,
    preferences: prefs
      ? {
          channels: json(prefs.channels, 'notification_prefs.channels'),
          quietHours: prefs.quiet_start ? { start: prefs.quiet_start, end: prefs.quiet_end } : null,
          timeZone: prefs.time_zone,
          digest: prefs.digest,
          digestDay: prefs.digest_day,
          emailOff: prefs.email_off === 1,
        }
      : null,
    consents: organisations.map((o) => ({
      organisation: o.org_name,
      sharePhoneWithPair: o.share_phone === 1,
    })),
    signIns: {
      sessions,
      attempts: attempts.map((a) => ({ at: a.at, ip: a.ip, success: a.success === 1 })),
      linksSent: links,
      activity,
    },
    erasureRequests: erasure,
    wellbeing: await checkinExport(db, userId),
  };
}

export type PersonalData = Awaited<ReturnType<typeof personalData>>;
