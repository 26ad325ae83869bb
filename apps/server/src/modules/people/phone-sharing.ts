import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { type ProgrammeRules, rulesOf } from '../programmes/templates.ts';

/**
 * Whether a person's phone is shared with their tutor, tutees or group, programme by programme:
 * their own choice, else the programme's rule `phoneSharedByDefault`. The confidentiality table
 * (policy/confidentiality.ts, `contactFor`) decides who may see a phone at all; this is the
 * owner's consent it asks for.
 */
export async function phoneSharing(
  db: Db,
  p: Pick<Programme, 'id' | 'rules' | 'template'>,
  userIds: string[],
): Promise<Map<string, boolean>> {
  const byDefault = rulesOf(p).phoneSharedByDefault;
  const out = new Map(userIds.map((id) => [id, byDefault]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('phone_choices')
    .select(['user_id', 'shared'])
    .where('programme_id', '=', p.id)
    .where('user_id', 'in', userIds)
    .execute();
  for (const r of rows) out.set(r.user_id, r.shared === 1);
  return out;
}

/** The viewer's own choice in a programme they belong to, and the rule it started from. */
export async function myPhone(ctx: AppContext, actor: UserActor, p: Programme) {
  if (rolesIn(actor, p.id).size === 0) throw refuse(403, 'forbidden');
  const [user, row] = await Promise.all([
    ctx.db.selectFrom('users').select('phone').where('id', '=', actor.id).executeTakeFirst(),
    ctx.db
      .selectFrom('phone_choices')
      .select(['shared', 'decided_by'])
      .where('programme_id', '=', p.id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst(),
  ]);
  const byDefault = rulesOf(p).phoneSharedByDefault;
  return {
    shared: row ? row.shared === 1 : byDefault,
    byDefault,
    chosen: row?.decided_by === 'person',
    hasPhone: !!user?.phone,
  };
}

/** The person changes their own choice for this programme. */
export async function setMyPhone(ctx: AppContext, actor: UserActor, p: Programme, shared: boolean) {
  if (rolesIn(actor, p.id).size === 0) throw refuse(403, 'forbidden');
  await saveChoice(ctx.db, p, actor.id, shared, 'person', ctx.clock.now().toISOString());
  return myPhone(ctx, actor, p);
}

async function saveChoice(
  db: Db,
  p: Pick<Programme, 'id' | 'org_id'>,
  userId: string,
  shared: boolean,
  by: 'person' | 'rule',
  at: string,
) {
  const values = { shared: shared ? 1 : 0, decided_by: by, decided_at: at };
  await db
    .insertInto('phone_choices')
    .values({ id: newId(), org_id: p.org_id, programme_id: p.id, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['programme_id', 'user_id']).doUpdateSet(values))
    .execute();
}

/**
 * Before the default changes, everyone already in the programme who never chose keeps the default
 * they joined under: a rule change is never retroactive.
 */
export async function keepChoicesBeforeRuleChange(
  db: Db,
  p: Programme,
  before: ProgrammeRules,
  after: ProgrammeRules,
  at: string,
) {
  if (before.phoneSharedByDefault === after.phoneSharedByDefault) return;
  const members = await db
    .selectFrom('memberships')
    .select('user_id')
    .distinct()
    .where('programme_id', '=', p.id)
    .where('ended_at', 'is', null)
    .where(
      'user_id',
      'not in',
      db.selectFrom('phone_choices').select('user_id').where('programme_id', '=', p.id),
    )
    .execute();
  for (const m of members) await saveChoice(db, p, m.user_id, before.phoneSharedByDefault, 'rule', at);
}

/**
 * Tutees of the programme the tutor cannot phone: no number, or not shared. Counts only, for
 * the coordinators.
 */
export async function phoneReach(ctx: AppContext, p: Programme) {
  const db = ctx.db;
  const tutees = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.phone'])
    .distinct()
    .where('memberships.programme_id', '=', p.id)
    .where('memberships.role', '=', 'tutee')
    .where('memberships.ended_at', 'is', null)
    .execute();
  const shares = await phoneSharing(
    db,
    p,
    tutees.map((t) => t.id),
  );
  const noPhone = tutees.filter((t) => !t.phone).length;
  const notShared = tutees.filter((t) => t.phone && !shares.get(t.id)).length;
  return { tutees: tutees.length, noPhone, notShared, unreachable: noPhone + notShared };
}
