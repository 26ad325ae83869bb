import type { Insertable, Selectable } from 'kysely';
import { readStringList } from '../../db/json.ts';
import type { MembershipTable, OrgMemberTable, PlacementTable, User, UserTable } from '../../db/types.ts';
import { currentSemesterLabel } from '../../domain/periods.ts';
import type { ImportableRole } from '../programmes/templates.ts';
import type { ParsedRow } from './parse.ts';
import type { Known } from './queries.ts';
import type { ChangeField, PersonPlan } from './schema.ts';

/**
 * What an import does, decided without touching the database: from the parsed rows and what the
 * database already knows of these people (`Known`, read by the service) to a plan person by person
 * (the preview), and from the plan to the rows to insert and update (the commit).
 */

/** The internship period a site belongs to: the current semester in the organisation's zone. */
export const semesterLabel = (now: Date, timeZone: string): string => currentSemesterLabel(now, timeZone);

// ── Planning: what an import does to each person ─────────────────────────────────────────────

type OrgMember = Selectable<OrgMemberTable>;
type Value = string | number | string[] | null;

export interface Plan extends PersonPlan {
  row: ParsedRow;
  user?: User;
  userUpdates: { name?: string; phone?: string };
  orgMember?: OrgMember;
  orgUpdates: Partial<
    Pick<OrgMember, 'home_commune' | 'professional_project' | 'themes' | 'languages' | 'faculty' | 'des_year'>
  >;
  placement: 'none' | 'insert' | 'update';
  placementValues?: { site: string; city: string | null };
  addMembership: boolean;
  capacityUpdate?: { membershipId: string; capacity: number };
}

/** Records a change, with the previous value when the viewer may already read it. */
type Change = (field: ChangeField, from: Value | undefined, to: Value) => void;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Compares each row with what is known. Re-importing the same file plans nothing: every person
 * comes out unchanged. Account details (name, phone) change only while the account is still the
 * organisation's to manage: the person never signed in and belongs to no other organisation.
 */
export function planImport(
  rows: ParsedRow[],
  known: Known,
  seesProfilesOf: (userId: string) => boolean,
): Plan[] {
  return rows.map((row) => {
    const user = known.users.get(row.email);
    const orgMember = user ? known.orgMembers.get(user.id) : undefined;
    const isNew = !orgMember;
    // Previous values are shown only to someone who may already read this person's profile.
    const showFrom = !!user && !isNew && seesProfilesOf(user.id);
    const plan: Plan = {
      line: row.line,
      email: row.email,
      name: row.name,
      role: row.role,
      status: 'unchanged',
      changes: [],
      kept: [],
      row,
      user,
      orgMember,
      userUpdates: {},
      orgUpdates: {},
      placement: 'none',
      addMembership: false,
    };
    const change: Change = (field, from, to) =>
      plan.changes.push(showFrom ? { field, from: from ?? null, to } : { field, to });
    planAccount(plan, known, change);
    planProfile(plan, change);
    planPlacement(plan, known, change);
    planMembership(plan, known, change);
    plan.status = isNew ? 'new' : plan.changes.length > 0 ? 'updated' : 'unchanged';
    return plan;
  });
}

/** Name and phone: set for someone new, changed only on an account the organisation still manages. */
function planAccount(plan: Plan, known: Known, change: Change) {
  const { row, user } = plan;
  // Someone new to the organisation is presented the same way whether or not they have an
  // account elsewhere on the instance, so a preview reveals nothing about other organisations.
  if (!plan.orgMember) {
    change('name', undefined, row.name);
    if (row.phone) change('phone', undefined, row.phone);
    return;
  }
  if (!user) return;
  const editable = user.last_sign_in_at === null && !known.inOtherOrgs.has(user.id);
  if (row.name !== user.name) {
    if (editable) {
      plan.userUpdates.name = row.name;
      change('name', user.name, row.name);
    } else plan.kept.push('name');
  }
  if (row.phone && row.phone !== user.phone) {
    if (editable) {
      plan.userUpdates.phone = row.phone;
      change('phone', user.phone, row.phone);
    } else plan.kept.push('phone');
  }
}

/** The organisation profile: commune, project, faculty, year, themes and languages. */
function planProfile(plan: Plan, change: Change) {
  const { row, orgMember } = plan;
  const profile: [ChangeField, keyof Plan['orgUpdates'], Value | undefined, Value | undefined][] = [
    ['homeCommune', 'home_commune', row.homeCommune, orgMember?.home_commune],
    ['professionalProject', 'professional_project', row.professionalProject, orgMember?.professional_project],
    ['faculty', 'faculty', row.faculty, orgMember?.faculty],
    ['desYear', 'des_year', row.desYear, orgMember?.des_year],
  ];
  for (const [field, column, to, from] of profile) {
    if (to === undefined || to === from) continue;
    (plan.orgUpdates as Record<string, Value>)[column] = to;
    change(field, from, to);
  }
  for (const [field, column] of [
    ['themes', 'themes'],
    ['languages', 'languages'],
  ] as const) {
    const to = row[field];
    const from = orgMember ? readStringList(orgMember[column]) : [];
    if (!to || sameList(to, from)) continue;
    plan.orgUpdates[column] = JSON.stringify(to);
    change(field, from, to);
  }
}

/** The site of the current period. */
function planPlacement(plan: Plan, known: Known, change: Change) {
  const { row, user } = plan;
  if (!row.site) return;
  const existing = user ? known.placements.get(user.id) : undefined;
  // Without a city column, a site that stays the same keeps the city already known.
  const city = row.siteCity ?? (existing?.site === row.site ? existing.city : null);
  plan.placementValues = { site: row.site, city };
  if (!existing) plan.placement = 'insert';
  else if (existing.site !== row.site || existing.city !== city) plan.placement = 'update';
  if (plan.placement !== 'none') {
    if (existing?.site !== row.site) change('site', existing?.site, row.site);
    if (city !== null && existing?.city !== city) change('siteCity', existing?.city, city);
  }
}

/** The role in the programme, and a tutor's capacity. */
function planMembership(plan: Plan, known: Known, change: Change) {
  const { row, user } = plan;
  const memberships = user ? (known.memberships.get(user.id) ?? []) : [];
  const sameRole = memberships.find((m) => m.role === row.role);
  if (!sameRole) {
    plan.addMembership = true;
    change('role', null, row.role);
    if (row.role === 'tutor' && row.capacity !== undefined) change('capacity', null, row.capacity);
  } else if (row.role === 'tutor' && row.capacity !== undefined && sameRole.capacity !== row.capacity) {
    plan.capacityUpdate = { membershipId: sameRole.id, capacity: row.capacity };
    change('capacity', sameRole.capacity, row.capacity);
  }
}

/** A plan as the preview shows it. */
export const publicPlan = ({ line, email, name, role, status, changes, kept }: Plan): PersonPlan => ({
  line,
  email,
  name,
  role,
  status,
  changes,
  kept,
});

export const counts = (plans: PersonPlan[]) => ({
  total: plans.length,
  new: plans.filter((x) => x.status === 'new').length,
  updated: plans.filter((x) => x.status === 'updated').length,
  unchanged: plans.filter((x) => x.status === 'unchanged').length,
});

// ── Writing: the rows a commit inserts and updates ───────────────────────────────────────────

export interface InsertTables {
  users: Insertable<UserTable>;
  org_members: Insertable<OrgMemberTable>;
  placements: Insertable<PlacementTable>;
  memberships: Insertable<MembershipTable>;
}

/** An update of one existing row, in the order the plans give them. */
export type Update =
  | { table: 'users'; id: string; set: Plan['userUpdates'] }
  | { table: 'org_members'; id: string; set: Plan['orgUpdates'] }
  | { table: 'placements'; userId: string; set: { site: string; city: string | null } }
  | { table: 'memberships'; id: string; set: { capacity: number } };

export interface Invitation {
  user: Pick<User, 'id' | 'email' | 'name' | 'locale'>;
  role: ImportableRole;
}

export interface Writes {
  inserts: { [T in keyof InsertTables]: InsertTables[T][] };
  updates: Update[];
  /** Each person this import adds to the programme who has no password yet (and is not disabled). */
  toInvite: Invitation[];
  /**
   * Accounts that exist but are not in the organisation: nothing of theirs is written; each is
   * invited to the programme and joins only by accepting (modules/people/invitations.ts).
   */
  toAskConsent: {
    userId: string;
    email: string;
    name: string;
    role: ImportableRole;
    capacity: number | null;
  }[];
  /** The same people when the invitations are left for later. */
  notInvited: Invitation[];
}

/** Where and when the import is committed; `newId` makes the ids of new rows, in order. */
export interface Target {
  orgId: string;
  programmeId: string;
  period: string;
  locale: string;
  now: string;
  newId: () => string;
  /** Whether the invitations are sent with the import. */
  invite: boolean;
}

/** The rows a commit writes: people, organisation profiles, sites for the period, memberships. */
export function writesOf(plans: Plan[], t: Target): Writes {
  const w: Writes = {
    inserts: { users: [], org_members: [], placements: [], memberships: [] },
    updates: [],
    toInvite: [],
    toAskConsent: [],
    notInvited: [],
  };
  for (const plan of plans) {
    if (plan.user && !plan.orgMember) {
      const r = plan.row;
      w.toAskConsent.push({
        userId: plan.user.id,
        email: r.email,
        name: r.name,
        role: r.role,
        capacity: r.role === 'tutor' ? (r.capacity ?? null) : null,
      });
      continue;
    }
    const uid = writeAccount(plan, t, w);
    writeProfile(plan, uid, t, w);
    writePlacement(plan, uid, t, w);
    writeMembership(plan, uid, t, w);
  }
  return w;
}

/** A new account, or the changes to an existing one; the person's id either way. */
function writeAccount(plan: Plan, t: Target, w: Writes): string {
  const r = plan.row;
  if (!plan.user) {
    const id = t.newId();
    w.inserts.users.push({
      id,
      email: r.email,
      name: r.name,
      password_hash: null,
      locale: t.locale,
      phone: r.phone ?? null,
      is_demo: 0,
      created_at: t.now,
      last_sign_in_at: null,
      disabled_at: null,
    });
    return id;
  }
  if (Object.keys(plan.userUpdates).length > 0) {
    w.updates.push({ table: 'users', id: plan.user.id, set: plan.userUpdates });
  }
  return plan.user.id;
}

function writeProfile(plan: Plan, uid: string, t: Target, w: Writes) {
  const r = plan.row;
  if (!plan.orgMember) {
    w.inserts.org_members.push({
      id: t.newId(),
      org_id: t.orgId,
      user_id: uid,
      is_admin: 0,
      home_commune: r.homeCommune ?? null,
      professional_project: r.professionalProject ?? null,
      themes: JSON.stringify(r.themes ?? []),
      languages: JSON.stringify(r.languages ?? []),
      faculty: r.faculty ?? null,
      des_year: r.desYear ?? null,
      share_phone: 0,
      presentation: null,
      created_at: t.now,
    });
  } else if (Object.keys(plan.orgUpdates).length > 0) {
    w.updates.push({ table: 'org_members', id: plan.orgMember.id, set: plan.orgUpdates });
  }
}

function writePlacement(plan: Plan, uid: string, t: Target, w: Writes) {
  const site = plan.placementValues;
  if (site && plan.placement === 'insert') {
    w.inserts.placements.push({
      id: t.newId(),
      org_id: t.orgId,
      user_id: uid,
      period: t.period,
      site: site.site,
      city: site.city,
      // A tutee's site is an internship; anyone else's is where they practise.
      kind: plan.row.role === 'tutee' ? 'internship' : 'practice',
      created_at: t.now,
    });
  } else if (site && plan.placement === 'update') {
    w.updates.push({ table: 'placements', userId: uid, set: { site: site.site, city: site.city } });
  }
}

function writeMembership(plan: Plan, uid: string, t: Target, w: Writes) {
  const r = plan.row;
  if (plan.addMembership) {
    const account = plan.user;
    const invitable = !account || (!account.password_hash && !account.disabled_at);
    w.inserts.memberships.push({
      id: t.newId(),
      org_id: t.orgId,
      programme_id: t.programmeId,
      cohort_id: null,
      user_id: uid,
      role: r.role,
      capacity: r.role === 'tutor' ? (r.capacity ?? null) : null,
      created_at: t.now,
      ended_at: null,
      invited_at: invitable && t.invite ? t.now : null,
    });
    if (invitable) {
      (t.invite ? w.toInvite : w.notInvited).push({
        user: { id: uid, email: r.email, name: account?.name ?? r.name, locale: account?.locale ?? t.locale },
        role: r.role,
      });
    }
  } else if (plan.capacityUpdate) {
    w.updates.push({
      table: 'memberships',
      id: plan.capacityUpdate.membershipId,
      set: { capacity: plan.capacityUpdate.capacity },
    });
  }
}
