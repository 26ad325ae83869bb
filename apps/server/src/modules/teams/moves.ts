import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { isLivePairing } from '../../domain/pairings.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { pairsStarted } from '../agreements/terms.ts';
import { audit } from '../audit/service.ts';
import { event, transitionIn } from '../matching/service.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { coordinatorsOf } from '../programmes/queries.ts';
import { rulesOf } from '../programmes/templates.ts';
import { type LoadedTeam, loadTeamFor, namesOf } from './load.ts';
import {
  moveDeclinedNotice,
  moveDoneNotice,
  moveProposedNotice,
  moveReason,
  moveToApproveNotice,
} from './texts.ts';

// A tutee moved inside a team: a member proposes to hand one of their tutees to a teammate, or asks
// to take one; the other tutor accepts; where the programme's rule `teamMovesNeedCoordinator` says
// so, the coordination approves too. Then the matching's own lifecycle moves the pair: the old
// pairing ends with its reason (history kept) and a new active one starts; both tutors, the tutee
// and the coordination are told. Every step is audited.

type Move = Awaited<ReturnType<typeof findMove>> & {};
const findMove = (db: Db, teamId: string, id: string) =>
  db
    .selectFrom('team_moves')
    .selectAll()
    .where('id', '=', id)
    .where('team_id', '=', teamId)
    .executeTakeFirst();

/** The tutor who must still agree: the one of the two who did not propose. */
const otherParty = (m: {
  from_user_id: string | null;
  to_user_id: string | null;
  proposed_by: string | null;
}) => (m.proposed_by === m.from_user_id ? m.to_user_id : m.from_user_id);

function moveActions(actor: UserActor, p: Programme, m: Move, member: boolean) {
  const manage = managesProgramme(actor, p, 'write');
  const proposed = m.state === 'proposed';
  return {
    accept: member && proposed && otherParty(m) === actor.id,
    decline:
      (member && proposed && otherParty(m) === actor.id) || (manage && (proposed || m.state === 'accepted')),
    approve: manage && m.state === 'accepted',
    cancel: member && m.proposed_by === actor.id && (proposed || m.state === 'accepted'),
  };
}

export async function movesOf(db: Db, actor: UserActor, t: LoadedTeam) {
  const rows = await db
    .selectFrom('team_moves as m')
    .innerJoin('pairings as p', 'p.id', 'm.pairing_id')
    .selectAll('m')
    .select('p.tutee_user_id')
    .where('m.team_id', '=', t.team.id)
    .orderBy('m.created_at', 'desc')
    .limit(50)
    .execute();
  const ids = rows.flatMap((r) => [r.tutee_user_id, r.from_user_id, r.to_user_id, r.proposed_by]);
  const names = await namesOf(db, [...new Set(ids.filter((x): x is string => !!x))]);
  const who = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return rows.map((m) => ({
    id: m.id,
    tutee: { id: m.tutee_user_id, name: names.get(m.tutee_user_id) ?? '' },
    from: who(m.from_user_id),
    to: who(m.to_user_id),
    proposedBy: who(m.proposed_by),
    message: m.message,
    state: m.state as 'proposed' | 'accepted' | 'done' | 'declined' | 'cancelled',
    needsCoordinator: m.needs_coordinator === 1,
    createdAt: m.created_at,
    actions: moveActions(actor, t.programme, m, t.actions.proposeMove),
  }));
}

async function tell(
  trx: Db,
  t: LoadedTeam,
  m: Move,
  to: string[],
  content: ReturnType<typeof moveDoneNotice>,
  step: string,
  now: Date,
) {
  for (const userId of new Set(to)) {
    await notify(
      trx,
      {
        userId,
        orgId: t.programme.org_id,
        kind: 'message',
        key: `team-move:${m.id}:${step}:${userId}`,
        link: `/equipes/${t.team.id}`,
        content,
      },
      now,
    );
  }
}

async function moveWords(db: Db, t: LoadedTeam, m: Move, by: string) {
  const pairing = await db
    .selectFrom('pairings')
    .select('tutee_user_id')
    .where('id', '=', m.pairing_id)
    .executeTakeFirstOrThrow();
  const names = await namesOf(db, [pairing.tutee_user_id, m.from_user_id ?? '', m.to_user_id ?? '']);
  return {
    tutee: names.get(pairing.tutee_user_id) ?? '',
    from: names.get(m.from_user_id ?? '') ?? '',
    to: names.get(m.to_user_id ?? '') ?? '',
    team: t.team.name,
    programme: t.programme.name,
    by,
    tuteeId: pairing.tutee_user_id,
  };
}

export async function proposeMove(
  ctx: AppContext,
  actor: UserActor,
  teamId: string,
  body: { pairingId: string; toUserId: string; message: string | null },
) {
  const t = await loadTeamFor(ctx, actor, teamId);
  if (!t.actions.proposeMove) throw forbidden();
  const pairing = await ctx.db
    .selectFrom('pairings')
    .selectAll()
    .where('id', '=', body.pairingId)
    .executeTakeFirst();
  const from = pairing?.tutor_user_id;
  if (
    !pairing ||
    pairing.programme_id !== t.programme.id ||
    !isLivePairing(pairing.state) ||
    !from ||
    !t.memberIds.includes(from)
  )
    throw refuse(400, 'team_move_tutee');
  if (!t.memberIds.includes(body.toUserId) || body.toUserId === from) throw refuse(400, 'team_not_member');
  if (actor.id !== from && actor.id !== body.toUserId) throw forbidden();
  const open = await ctx.db
    .selectFrom('team_moves')
    .select('id')
    .where('pairing_id', '=', pairing.id)
    .where('state', 'in', ['proposed', 'accepted'])
    .executeTakeFirst();
  if (open) throw refuse(409, 'team_move_open');
  const now = ctx.clock.now();
  const m: Move = {
    id: newId(),
    team_id: t.team.id,
    org_id: t.programme.org_id,
    programme_id: t.programme.id,
    pairing_id: pairing.id,
    from_user_id: from,
    to_user_id: body.toUserId,
    proposed_by: actor.id,
    message: body.message || null,
    state: 'proposed',
    needs_coordinator: rulesOf(t.programme).teamMovesNeedCoordinator ? 1 : 0,
    created_at: now.toISOString(),
    accepted_at: null,
    approved_by: null,
    decided_at: null,
    new_pairing_id: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('team_moves').values(m).execute();
    const words = await moveWords(trx, t, m, actor.name);
    await tell(trx, t, m, [otherParty(m) ?? ''].filter(Boolean), moveProposedNotice(words), 'proposed', now);
    await audit(trx, now, {
      orgId: m.org_id,
      actorId: actor.id,
      action: 'team.move_proposed',
      subjectType: 'team',
      subjectId: t.team.id,
      meta: { moveId: m.id, pairingId: m.pairing_id },
    });
  });
  return { id: m.id };
}

async function loadMove(ctx: AppContext, actor: UserActor, teamId: string, moveId: string) {
  const t = await loadTeamFor(ctx, actor, teamId);
  const m = await findMove(ctx.db, t.team.id, moveId);
  if (!m) throw notFound('team request');
  return { t, m, actions: moveActions(actor, t.programme, m, t.actions.proposeMove) };
}

/** The pair moves: the old pairing ends with its reason, a new active one starts, everyone is told. */
async function carryOut(trx: Db, actor: UserActor, t: LoadedTeam, m: Move, now: Date) {
  const old = await trx.selectFrom('pairings').selectAll().where('id', '=', m.pairing_id).executeTakeFirst();
  if (!old || !isLivePairing(old.state) || old.tutor_user_id !== m.from_user_id || !m.to_user_id)
    throw refuse(409, 'team_move_tutee');
  const lang = actor.locale.startsWith('en') ? 'en' : 'fr';
  await transitionIn(trx, now, actor.id, old, 'ended', moveReason[lang]);
  const at = now.toISOString();
  const id = newId();
  await trx
    .insertInto('pairings')
    .values({
      id,
      org_id: old.org_id,
      programme_id: old.programme_id,
      cohort_id: old.cohort_id,
      tutor_user_id: m.to_user_id,
      tutee_user_id: old.tutee_user_id,
      group_key: old.group_key ? `groupe-${m.to_user_id}` : null,
      state: 'active',
      created_at: at,
      ended_at: null,
      end_reason: null,
    })
    .execute();
  await event(
    trx,
    at,
    { id, org_id: old.org_id, programme_id: old.programme_id },
    { actorId: actor.id, kind: 'published', from: null, to: 'active', reason: 'team-move' },
  );
  await pairsStarted(
    trx,
    t.programme,
    [{ pairingId: id, tutorId: m.to_user_id, tuteeId: old.tutee_user_id }],
    now,
  );
  await trx
    .updateTable('team_moves')
    .set({ state: 'done', decided_at: at, new_pairing_id: id })
    .where('id', '=', m.id)
    .execute();
  const words = await moveWords(trx, t, m, actor.name);
  const coordination = await coordinatorsOf(trx, t.programme.id);
  const told = [m.from_user_id ?? '', m.to_user_id, old.tutee_user_id, ...coordination].filter(
    (x) => x && x !== actor.id,
  );
  await tell(trx, t, m, told, moveDoneNotice(words), 'done', now);
  await audit(trx, now, {
    orgId: m.org_id,
    actorId: actor.id,
    action: 'team.move_done',
    subjectType: 'team',
    subjectId: t.team.id,
    meta: { moveId: m.id, from: old.id, to: id },
  });
}

export async function acceptMove(ctx: AppContext, actor: UserActor, teamId: string, moveId: string) {
  const { t, m, actions } = await loadMove(ctx, actor, teamId, moveId);
  if (m.state !== 'proposed') throw refuse(409, 'team_move_decided');
  if (!actions.accept) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (m.needs_coordinator !== 1) return carryOut(trx, actor, t, m, now);
    await trx
      .updateTable('team_moves')
      .set({ state: 'accepted', accepted_at: now.toISOString() })
      .where('id', '=', m.id)
      .execute();
    const words = await moveWords(trx, t, m, actor.name);
    await tell(
      trx,
      t,
      m,
      await coordinatorsOf(trx, t.programme.id),
      moveToApproveNotice(words),
      'accepted',
      now,
    );
    await audit(trx, now, {
      orgId: m.org_id,
      actorId: actor.id,
      action: 'team.move_accepted',
      subjectType: 'team',
      subjectId: t.team.id,
      meta: { moveId: m.id },
    });
  });
}

export async function approveMove(ctx: AppContext, actor: UserActor, teamId: string, moveId: string) {
  const { t, m, actions } = await loadMove(ctx, actor, teamId, moveId);
  if (!managesProgramme(actor, t.programme, 'write')) throw forbidden();
  if (!actions.approve) throw refuse(409, 'team_move_decided');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('team_moves').set({ approved_by: actor.id }).where('id', '=', m.id).execute();
    await carryOut(trx, actor, t, m, now);
  });
}

/** Declined by the other tutor or the coordination, cancelled by its proposer: nothing moves. */
export async function closeMove(
  ctx: AppContext,
  actor: UserActor,
  teamId: string,
  moveId: string,
  how: 'decline' | 'cancel',
) {
  const { t, m, actions } = await loadMove(ctx, actor, teamId, moveId);
  if (m.state !== 'proposed' && m.state !== 'accepted') throw refuse(409, 'team_move_decided');
  if (!actions[how]) throw forbidden();
  const now = ctx.clock.now();
  const state = how === 'decline' ? 'declined' : 'cancelled';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('team_moves')
      .set({ state, decided_at: now.toISOString() })
      .where('id', '=', m.id)
      .execute();
    const words = await moveWords(trx, t, m, actor.name);
    const told = [m.from_user_id, m.to_user_id].filter((x): x is string => !!x && x !== actor.id);
    await tell(trx, t, m, told, moveDeclinedNotice(words), state, now);
    await audit(trx, now, {
      orgId: m.org_id,
      actorId: actor.id,
      action: `team.move_${state}`,
      subjectType: 'team',
      subjectId: t.team.id,
      meta: { moveId: m.id },
    });
  });
}
