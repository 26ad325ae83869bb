import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { assignInDraft, discardDraft, lockInDraft, runMatching } from './draft.ts';
import { askForRepair, changePairing, historyOf, undoPairingEnd } from './pairings.ts';
import { presentMine, presentOverview } from './present.ts';
import { publishDraft } from './publish.ts';
import { closeRoundAndRun, openRound, rank } from './rounds.ts';
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
import { rollOver } from './service.ts';
import { declareConstraint, removeConstraint, setWeights } from './settings.ts';

const tags = ['matching'];
const programmeParams = z.object({ programmeId: z.string() });
const pairingParams = z.object({ pairingId: z.string() });
const ok = z.object({ ok: z.literal(true) });
const base = '/api/programmes/:programmeId/matching';

/** A programme's matching: the overview and settings, the draft, choice rounds, the pairings themselves. */
export function matchingRoutes(api: Api, ctx: AppContext) {
  overviewRoutes(api, ctx);
  draftRoutes(api, ctx);
  constraintRoutes(api, ctx);
  roundRoutes(api, ctx);
  rolloverRoute(api, ctx);
  pairingRoutes(api, ctx);
}

/** The coordinator's overview and weights; each member's own view. */
function overviewRoutes(api: Api, ctx: AppContext) {
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
      await setWeights(ctx, actor, p, req.body);
      return presentOverview(ctx, actor, p);
    },
  );
}

/** A draft: computed by a run, changed by hand, published or discarded. */
function draftRoutes(api: Api, ctx: AppContext) {
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
}

/**
 * Conflicts of interest and "we already know each other": declared by the coordinator, or by the
 * tutor or the tutee about themselves.
 */
function constraintRoutes(api: Api, ctx: AppContext) {
  api.post(
    `${base}/constraints`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: constraintBody, response: { 201: ok } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      await declareConstraint(ctx, actor, p, req.body);
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
      await removeConstraint(ctx, p, req.params.constraintId);
      return { ok: true as const };
    },
  );
}

/** A choice round: opened by the coordinator, ranked by the members, closed into a draft. */
function roundRoutes(api: Api, ctx: AppContext) {
  api.post(
    `${base}/rounds`,
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: roundBody, response: { 201: overviewView } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await openRound(ctx, actor, p, req.body);
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
      await rank(ctx, actor, p, req.body.ranking);
      return presentMine(ctx, actor, p);
    },
  );

  api.post(
    `${base}/rounds/current/close`,
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, response: { 200: overviewView } } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await closeRoundAndRun(ctx, actor, p);
      return presentOverview(ctx, actor, p);
    },
  );
}

/** The pairings kept into the next cohort, with the tutees whose site changes. */
function rolloverRoute(api: Api, ctx: AppContext) {
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
}

/** One pairing: its state changes, a re-pairing request, its history. */
function pairingRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/api/pairings/:pairingId/transition',
    {
      config: { auth: 'user' },
      schema: { tags, params: pairingParams, body: transitionBody, response: { 200: ok } },
    },
    async (req) => {
      await changePairing(ctx, requireUser(req), req.params.pairingId, req.body);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/pairings/:pairingId/undo-end',
    {
      config: { auth: 'user' },
      schema: { tags, params: pairingParams, response: { 200: ok } },
    },
    async (req) => {
      await undoPairingEnd(ctx, requireUser(req), req.params.pairingId);
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
      await askForRepair(ctx, requireUser(req), req.params.pairingId, req.body.reason);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/pairings/:pairingId/history',
    {
      config: { auth: 'user' },
      schema: { tags, params: pairingParams, response: { 200: z.array(eventView) } },
    },
    async (req) => historyOf(ctx, requireUser(req), req.params.pairingId),
  );
}
