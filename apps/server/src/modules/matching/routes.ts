import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { programmeActions } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { presentMine, presentOverview } from './present.ts';
import { rulesOf } from './queries.ts';
import {
  assignBody,
  constraintBody,
  eventView,
  lockBody,
  mineView,
  overviewView,
  rankingBody,
  repairBody,
  rolloverBody,
  roundBody,
  runBody,
  transitionBody,
  weightsBody,
} from './schema.ts';
import {
  assignInDraft,
  discardDraft,
  lockInDraft,
  publishDraft,
  requestRepair,
  rollOver,
  runMatching,
  transition,
} from './service.ts';

const tags = ['matching'];
const programmeParams = z.object({ programmeId: z.string() });
const pairingParams = z.object({ pairingId: z.string() });
const ok = z.object({ ok: z.literal(true) });
const refuse = (status: number, code: string, fr: string, en: string) =>
  new AppError(status, code, fr, { messageEn: en });

/**
 * A pairing the actor may see: its tutor, its tutee, or a manager of its programme. Anyone else,
 * inside the organisation or not, is told it does not exist.
 */
async function loadPairingFor(ctx: AppContext, actor: UserActor, id: string) {
  const pairing = await ctx.db.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!pairing || pairing.state === 'proposed') throw notFound('pairing');
  const p = await loadProgrammeFor(ctx, actor, pairing.programme_id);
  const manage = programmeActions(actor, p).managePeople;
  const side =
    pairing.tutor_user_id === actor.id ? 'tutor' : pairing.tutee_user_id === actor.id ? 'tutee' : null;
  if (!manage && !side) throw notFound('pairing');
  return { pairing, p, manage, side };
}

export function matchingRoutes(api: Api, ctx: AppContext) {
  const base = '/api/programmes/:programmeId/matching';

  api.get(
    base,
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, response: { 200: overviewView } } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      return presentOverview(ctx, actor, p);
    },
  );

  api.get(
    `${base}/mine`,
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, response: { 200: mineView } } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      return presentMine(ctx, actor, p);
    },
  );

  api.put(
    `${base}/weights`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: weightsBody, response: { 200: overviewView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      const now = ctx.clock.now().toISOString();
      const weights = JSON.stringify(req.body);
      await ctx.db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('matching_settings')
          .set({ weights, updated_at: now, updated_by: actor.id })
          .where('programme_id', '=', p.id)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) {
          await trx
            .insertInto('matching_settings')
            .values({ programme_id: p.id, org_id: p.org_id, weights, updated_at: now, updated_by: actor.id })
            .execute();
        }
      });
      return presentOverview(ctx, actor, p);
    },
  );

  api.post(
    `${base}/runs`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: runBody, response: { 201: overviewView } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await runMatching(ctx, actor, p, req.body.mode);
      return reply.status(201).send(await presentOverview(ctx, actor, p));
    },
  );

  api.post(
    `${base}/draft/assign`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: assignBody, response: { 200: overviewView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await assignInDraft(ctx, actor, p, req.body);
      return presentOverview(ctx, actor, p);
    },
  );

  api.post(
    `${base}/draft/lock`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: lockBody, response: { 200: overviewView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await lockInDraft(ctx, p, req.body.tuteeId, req.body.locked);
      return presentOverview(ctx, actor, p);
    },
  );

  api.post(
    `${base}/draft/publish`,
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: programmeParams,
        response: { 200: overviewView.extend({ published: z.number() }) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      const published = await publishDraft(ctx, actor, p);
      return { ...(await presentOverview(ctx, actor, p)), published };
    },
  );

  api.delete(
    `${base}/draft`,
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, response: { 200: overviewView } } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await discardDraft(ctx, actor, p);
      return presentOverview(ctx, actor, p);
    },
  );

  // Conflicts of interest and "we already know each other": declared by the coordinator, or by
  // the tutor or the tutee about themselves.
  api.post(
    `${base}/constraints`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: constraintBody, response: { 201: ok } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      const b = req.body;
      const manage = programmeActions(actor, p).managePeople;
      if (!manage && b.tutorId !== actor.id && b.tuteeId !== actor.id) {
        throw refuse(
          403,
          'forbidden',
          'Vous ne pouvez déclarer que ce qui vous concerne.',
          'You can only declare what concerns you.',
        );
      }
      const members = await ctx.db
        .selectFrom('memberships')
        .select(['user_id', 'role'])
        .where('programme_id', '=', p.id)
        .where('ended_at', 'is', null)
        .where('user_id', 'in', [b.tutorId, b.tuteeId])
        .execute();
      if (
        !members.some((m) => m.user_id === b.tutorId && m.role === 'tutor') ||
        !members.some((m) => m.user_id === b.tuteeId && m.role === 'tutee')
      ) {
        throw notFound('person');
      }
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('matching_constraints')
          .values({
            id: newId(),
            org_id: p.org_id,
            programme_id: p.id,
            tutor_user_id: b.tutorId,
            tutee_user_id: b.tuteeId,
            kind: b.kind,
            reason: b.reason ?? null,
            declared_by: actor.id,
            created_at: ctx.clock.now().toISOString(),
          })
          .execute();
        await audit(trx, ctx.clock.now(), {
          orgId: p.org_id,
          actorId: actor.id,
          action: `matching.${b.kind}`,
          subjectType: 'programme',
          subjectId: p.id,
        });
      });
      return reply.status(201).send({ ok: true as const });
    },
  );

  api.delete(
    `${base}/constraints/:constraintId`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams.extend({ constraintId: z.string() }), response: { 200: ok } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      const res = await ctx.db
        .deleteFrom('matching_constraints')
        .where('id', '=', req.params.constraintId)
        .where('programme_id', '=', p.id)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw notFound('constraint');
      return { ok: true as const };
    },
  );

  api.post(
    `${base}/rounds`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: roundBody, response: { 201: overviewView } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      if (new Date(req.body.deadline) <= ctx.clock.now()) {
        throw refuse(
          400,
          'deadline_past',
          'La date limite doit être dans le futur.',
          'The deadline must be in the future.',
        );
      }
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('matching_rounds')
          .set({ status: 'closed', closed_at: ctx.clock.now().toISOString() })
          .where('programme_id', '=', p.id)
          .where('status', '=', 'open')
          .execute();
        await trx
          .insertInto('matching_rounds')
          .values({
            id: newId(),
            org_id: p.org_id,
            programme_id: p.id,
            kind: req.body.kind,
            deadline: new Date(req.body.deadline).toISOString(),
            status: 'open',
            created_by: actor.id,
            created_at: ctx.clock.now().toISOString(),
            closed_at: null,
          })
          .execute();
      });
      return reply.status(201).send(await presentOverview(ctx, actor, p));
    },
  );

  api.put(
    `${base}/rounds/current/ranking`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: rankingBody, response: { 200: mineView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      const mine = await presentMine(ctx, actor, p);
      const round = mine.round;
      if (!round)
        throw refuse(
          409,
          'no_round',
          'Aucun choix n’est ouvert pour vous dans ce programme.',
          'No choice is open for you in this programme.',
        );
      if (!round.open)
        throw refuse(
          409,
          'round_closed',
          'La date limite des choix est passée.',
          'The deadline for choices has passed.',
        );
      const known = new Set(round.candidates.map((c) => c.userId));
      const ranking = [...new Set(req.body.ranking)];
      if (ranking.some((id) => !known.has(id))) throw notFound('person');
      const now = ctx.clock.now().toISOString();
      const res = await ctx.db
        .updateTable('matching_choices')
        .set({ ranking: JSON.stringify(ranking), updated_at: now })
        .where('round_id', '=', round.id)
        .where('user_id', '=', actor.id)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) {
        await ctx.db
          .insertInto('matching_choices')
          .values({
            id: newId(),
            round_id: round.id,
            user_id: actor.id,
            side: round.side,
            ranking: JSON.stringify(ranking),
            updated_at: now,
          })
          .execute();
      }
      return presentMine(ctx, actor, p);
    },
  );

  api.post(
    `${base}/rounds/current/close`,
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, response: { 200: overviewView } } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      const round = await ctx.db
        .selectFrom('matching_rounds')
        .selectAll()
        .where('programme_id', '=', p.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (!round)
        throw refuse(409, 'no_round', 'Aucun tour de choix n’est ouvert.', 'No choice round is open.');
      await ctx.db
        .updateTable('matching_rounds')
        .set({ status: 'closed', closed_at: ctx.clock.now().toISOString() })
        .where('id', '=', round.id)
        .execute();
      await runMatching(ctx, actor, p, round.kind as 'tutee-choice');
      return presentOverview(ctx, actor, p);
    },
  );

  api.post(
    `${base}/rollover`,
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: programmeParams,
        body: rolloverBody,
        response: {
          200: z.object({
            kept: z.number(),
            siteChanges: z.array(
              z.object({
                pairingId: z.string(),
                tuteeId: z.string(),
                site: z.string().nullable(),
                sameSite: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      return rollOver(ctx, actor, p, req.body.cohortId);
    },
  );

  api.post(
    '/api/pairings/:pairingId/transition',
    {
      config: { auth: 'user' },
      schema: { tags, params: pairingParams, body: transitionBody, response: { 200: ok } },
    },
    async (req) => {
      const actor = requireUser(req);
      const { pairing, p, manage, side } = await loadPairingFor(ctx, actor, req.params.pairingId);
      const rules = rulesOf(p);
      let reason = req.body.reason ?? null;
      if (!manage) {
        // A tutee may leave an optional programme; everything else is the coordinator's.
        const optOut = side === 'tutee' && req.body.to === 'ended' && rules.participation.mode === 'optional';
        if (!optOut) {
          throw refuse(
            403,
            'forbidden',
            rules.participation.mode === 'compulsory' || rules.participation.mode === 'first-n'
              ? 'La participation est obligatoire dans ce programme : parlez-en à votre coordinateur ou demandez un autre binôme.'
              : 'Seul le coordinateur peut changer l’état de ce binôme.',
            'Only the coordinator can change this pairing; you may ask for another pairing.',
          );
        }
        reason = 'opt-out';
      }
      await transition(ctx, actor, pairing, req.body.to, reason);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/pairings/:pairingId/repair-request',
    {
      config: { auth: 'user' },
      schema: { tags, params: pairingParams, body: repairBody, response: { 200: ok } },
    },
    async (req) => {
      const actor = requireUser(req);
      const { pairing } = await loadPairingFor(ctx, actor, req.params.pairingId);
      if (pairing.state !== 'active' && pairing.state !== 'paused') {
        throw refuse(409, 'invalid_transition', 'Ce binôme est terminé.', 'This pairing has ended.');
      }
      await requestRepair(ctx, actor, pairing, req.body.reason);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/pairings/:pairingId/history',
    {
      config: { auth: 'user' },
      schema: { tags, params: pairingParams, response: { 200: z.array(eventView) } },
    },
    async (req) => {
      const actor = requireUser(req);
      const { pairing } = await loadPairingFor(ctx, actor, req.params.pairingId);
      const rows = await ctx.db
        .selectFrom('pairing_events')
        .leftJoin('users', 'users.id', 'pairing_events.actor_id')
        .select([
          'pairing_events.at',
          'pairing_events.kind',
          'pairing_events.from_state',
          'pairing_events.to_state',
          'pairing_events.reason',
          'users.name',
        ])
        .where('pairing_id', '=', pairing.id)
        .orderBy('pairing_events.at')
        .orderBy('pairing_events.id')
        .execute();
      return rows.map((r) => ({
        at: r.at,
        kind: r.kind,
        from: r.from_state,
        to: r.to_state,
        reason: r.reason,
        actorName: r.name,
      }));
    },
  );
}
