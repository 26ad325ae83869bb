import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  askBody,
  consultationParams,
  consultationView,
  createdView,
  listView,
  messageBody,
  optionsView,
  orgParams,
  stateView,
} from './schema.ts';
import {
  ask,
  closeConsultation,
  listConsultations,
  optionsFor,
  readConsultation,
  replyTo,
} from './service.ts';

const tags = ['consultations'];

/** Experts consulted on a case: asked by a tutor or the coordination, answered in a thread. */
export function consultationRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/consultations',
    { config: { auth: 'user' }, schema: { tags, params: orgParams, response: { 200: listView } } },
    async (req) => listConsultations(ctx, requireUser(req), req.params.orgId),
  );

  api.get(
    '/api/orgs/:orgId/consultations/options',
    { config: { auth: 'user' }, schema: { tags, params: orgParams, response: { 200: optionsView } } },
    async (req) => optionsFor(ctx, requireUser(req), req.params.orgId),
  );

  api.post(
    '/api/orgs/:orgId/consultations',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: askBody, response: { 201: createdView } },
    },
    async (req, reply) =>
      reply.status(201).send(await ask(ctx, requireUser(req), req.params.orgId, req.body)),
  );

  api.get(
    '/api/consultations/:consultationId',
    {
      config: { auth: 'user' },
      schema: { tags, params: consultationParams, response: { 200: consultationView } },
    },
    async (req) => readConsultation(ctx, requireUser(req), req.params.consultationId, req.ip),
  );

  api.post(
    '/api/consultations/:consultationId/messages',
    {
      config: { auth: 'user' },
      schema: { tags, params: consultationParams, body: messageBody, response: { 201: createdView } },
    },
    async (req, reply) =>
      reply.status(201).send(await replyTo(ctx, requireUser(req), req.params.consultationId, req.body.body)),
  );

  api.post(
    '/api/consultations/:consultationId/close',
    { config: { auth: 'user' }, schema: { tags, params: consultationParams, response: { 200: stateView } } },
    async (req) => closeConsultation(ctx, requireUser(req), req.params.consultationId),
  );
}
