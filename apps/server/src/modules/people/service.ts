import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readStringList } from '../../db/json.ts';
import type { Programme } from '../../db/types.ts';
import { sortByName } from '../../domain/collate.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { access, contactFor, type Relation } from '../../policy/confidentiality.ts';
import { auditRead } from '../audit/reads.ts';
import { audit } from '../audit/service.ts';
import { sendInvitation } from '../auth/service.ts';
import { mayAskAbout } from '../consultations/policy.ts';
import { teammateContacts } from '../teams/contacts.ts';
import { ensureOrgMember, leaveOrganisationIfNoProgramme } from './invitations.ts';
import { phoneSharing } from './phone-sharing.ts';
import { personActions, relationsInProgramme, seesPair, seesSignInStatus } from './policy.ts';
import type { PersonView } from './schema.ts';

type Role = 'coordinator' | 'tutor' | 'tutee' | 'expert';

/** Every live membership of the programme, with the member's account. */
function liveMemberships(db: Db, programmeId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id',
      'memberships.role',
      'memberships.capacity',
      'memberships.created_at',
      'users.id as user_id',
      'users.name',
      'users.email',
      'users.phone',
      'users.last_sign_in_at',
      'memberships.invited_at',
    ])
    .where('memberships.programme_id', '=', programmeId)
    .where('memberships.ended_at', 'is', null)
    .execute();
}

type Listed = Awaited<ReturnType<typeof liveMemberships>>[number];

/** What a full view adds, for the people seen in full: profiles, placements, phone sharing; and live pairs. */
function fullViewFacts(db: Db, p: Programme, full: string[]) {
  return Promise.all([
    full.length
      ? db
          .selectFrom('org_members')
          .selectAll()
          .where('org_id', '=', p.org_id)
          .where('user_id', 'in', full)
          .execute()
      : [],
    full.length
      ? db
          .selectFrom('placements')
          .selectAll()
          .where('org_id', '=', p.org_id)
          .where('user_id', 'in', full)
          .orderBy('period', 'desc')
          .execute()
      : [],
    db
      .selectFrom('pairings')
      .select(['tutor_user_id', 'tutee_user_id'])
      .where('programme_id', '=', p.id)
      .where('state', 'in', LIVE_PAIRING_STATES)
      .execute(),
    phoneSharing(db, p, full),
  ]);
}

interface Seen {
  actor: UserActor;
  facts: Awaited<ReturnType<typeof fullViewFacts>>;
  names: Map<string, string>;
  coordinatorView: boolean;
  invited: Set<string>;
}

/** A person seen in full: contact as the relation allows, sign-in status, profile and visible pairs. */
function addFullView(person: PersonView, r: Listed, relation: Relation, seen: Seen) {
  const { actor, names } = seen;
  const [profiles, placements, pairings, shares] = seen.facts;
  const prof = profiles.find((x) => x.user_id === r.user_id);
  const contact = contactFor(relation, {
    email: r.email,
    phone: r.phone,
    sharePhone: shares.get(r.user_id) ?? false,
  });
  if (contact.email) person.email = contact.email;
  person.phone = contact.phone;
  if (seen.coordinatorView)
    person.status = r.last_sign_in_at ? 'active' : seen.invited.has(r.user_id) ? 'invited' : 'notInvited';
  person.profile = {
    homeCommune: prof?.home_commune ?? null,
    professionalProject: prof?.professional_project ?? null,
    themes: prof ? readStringList(prof.themes) : [],
    languages: prof ? readStringList(prof.languages) : [],
    faculty: prof?.faculty ?? null,
    desYear: prof?.des_year ?? null,
    presentation: prof?.presentation ?? null,
    placements: placements
      .filter((x) => x.user_id === r.user_id)
      .map((x) => ({ period: x.period, site: x.site, city: x.city })),
  };
  const visiblePair = (tutor: string, tutee: string) => seesPair(actor, relation, tutor, tutee);
  person.tutors = pairings
    .filter((x) => x.tutee_user_id === r.user_id && visiblePair(x.tutor_user_id, x.tutee_user_id))
    .map((x) => ({ userId: x.tutor_user_id, name: names.get(x.tutor_user_id) ?? '' }));
  person.tutees = pairings
    .filter((x) => x.tutor_user_id === r.user_id && visiblePair(x.tutor_user_id, x.tutee_user_id))
    .map((x) => ({ userId: x.tutee_user_id, name: names.get(x.tutee_user_id) ?? '' }));
}

/**
 * Everyone with a live membership in the programme (or only `only`), as this actor may see them.
 * Showing someone else's e-mail or phone is an audited read: one entry for the whole answer.
 */
export async function listPeople(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  only?: string,
): Promise<PersonView[]> {
  const all = sortByName(await liveMemberships(ctx.db, p.id), (r) => r.name);
  const rows = only === undefined ? all : all.filter((r) => r.user_id === only);
  const userIds = [...new Set(rows.map((r) => r.user_id))];
  const relations = await relationsInProgramme(ctx.db, actor, p, userIds, ctx.clock.now());
  const full = userIds.filter((id) => access('profile', relations.get(id) ?? 'none') === 'full');
  const seen: Seen = {
    actor,
    facts: await fullViewFacts(ctx.db, p, full),
    names: new Map(all.map((r) => [r.user_id, r.name])),
    coordinatorView: seesSignInStatus(actor, p),
    invited: new Set(rows.filter((r) => r.invited_at !== null).map((r) => r.user_id)),
  };
  // Members of a tutor team see their teammates' contact details (modules/teams/contacts.ts).
  const mates = await teammateContacts(ctx.db, p, actor.id);
  const byUser = new Map<string, PersonView>();
  for (const r of rows) {
    const relation = relations.get(r.user_id) ?? 'none';
    const level = access('profile', relation);
    if (level === 'none') continue;
    let person = byUser.get(r.user_id);
    if (!person) {
      person = {
        userId: r.user_id,
        name: r.name,
        relation,
        memberships: [],
        actions: personActions(actor, p),
      };
      if (level === 'full') addFullView(person, r, relation, seen);
      else if (mates.has(r.user_id)) Object.assign(person, mates.get(r.user_id));
      byUser.set(r.user_id, person);
    }
    if (mayAskAbout(actor, p, relation, r.role)) person.actions.consultExpert = true;
    person.memberships.push({
      id: r.id,
      role: r.role as Role,
      capacity: level === 'full' ? r.capacity : null,
      since: r.created_at,
    });
  }
  const people = [...byUser.values()];
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: p.org_id,
    actor,
    subjectPersonIds: people.filter((x) => x.email || x.phone).map((x) => x.userId),
    kind: 'contact',
    recordType: only !== undefined ? 'person' : 'programme',
    recordId: only ?? p.id,
    programmeId: p.id,
  });
  return people;
}

/** Finds or creates the user and their organisation profile; returns the user. */
export async function ensurePerson(
  db: Db,
  now: string,
  orgId: string,
  p: { email: string; name: string; locale?: string },
) {
  let user = await db.selectFrom('users').selectAll().where('email', '=', p.email).executeTakeFirst();
  if (!user) {
    user = {
      id: newId(),
      email: p.email,
      name: p.name,
      password_hash: null,
      locale: p.locale ?? 'fr',
      phone: null,
      is_demo: 0,
      created_at: now,
      last_sign_in_at: null,
      disabled_at: null,
      password_change_required: 0,
      erased_at: null,
      password_changed_at: null,
    };
    await db.insertInto('users').values(user).execute();
  }
  await ensureOrgMember(db, now, orgId, user.id);
  return user;
}

export async function invite(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  user: { id: string; email: string; name: string; locale: string },
  role: string,
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await sendInvitation(trx, now, {
      userId: user.id,
      orgId: p.org_id,
      programmeId: p.id,
      role,
      inviterId: actor.id,
    });
    await trx
      .updateTable('memberships')
      .set({ invited_at: now.toISOString() })
      .where('programme_id', '=', p.id)
      .where('user_id', '=', user.id)
      .where('ended_at', 'is', null)
      .execute();
  });
}

export async function loadMembership(ctx: AppContext, p: Programme, membershipId: string) {
  const m = await ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id',
      'memberships.role',
      'memberships.capacity',
      'memberships.user_id',
      'memberships.ended_at',
      'users.email',
      'users.name',
      'users.locale',
      'users.password_hash',
    ])
    .where('memberships.id', '=', membershipId)
    .where('memberships.programme_id', '=', p.id)
    .executeTakeFirst();
  if (!m || m.ended_at) throw notFound('membership');
  return m;
}

export async function updateMembership(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  membershipId: string,
  body: { role?: Role; capacity?: number | null },
) {
  const m = await loadMembership(ctx, p, membershipId);
  if (body.role === undefined && body.capacity === undefined) {
    throw refuse(400, 'nothing_to_change');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('memberships')
      .set({
        ...(body.role ? { role: body.role } : {}),
        ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
      })
      .where('id', '=', m.id)
      .execute();
    if (body.role && body.role !== m.role) {
      await audit(trx, ctx.clock.now(), {
        orgId: p.org_id,
        actorId: actor.id,
        action: 'membership.role_changed',
        subjectType: 'user',
        subjectId: m.user_id,
        meta: { programmeId: p.id, from: m.role, to: body.role },
      });
    }
  });
}

export async function endMembership(ctx: AppContext, actor: UserActor, p: Programme, membershipId: string) {
  const m = await loadMembership(ctx, p, membershipId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('memberships')
      .set({ ended_at: ctx.clock.now().toISOString() })
      .where('id', '=', m.id)
      .execute();
    await audit(trx, ctx.clock.now(), {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'membership.ended',
      subjectType: 'user',
      subjectId: m.user_id,
      meta: { programmeId: p.id, role: m.role },
    });
    await leaveOrganisationIfNoProgramme(trx, p.org_id, m.user_id);
  });
}
