import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { answerPeer, askPeers, listPeerFeedback, readPeerFeedback } from './peers.ts';
import {
  createdManyView,
  feedbackAskParams,
  feedbackAskView,
  orgParams,
  peerAnswerBody,
  peerAskBody,
  peerFeedbackView,
  peerListView,
  peerRequestParams,
  selfEvaluationBody,
  selfEvaluationView,
  tuteeAnswerBody,
  tutorAggregatesView,
} from './schema.ts';
import { readSelfEvaluation, writeSelfEvaluation } from './service.ts';
import { answerTuteeAsk, readTuteeAsk, tutorAggregates } from './tutees.ts';

const tags = ['feedback'];
const user = { auth: 'user' as const };

/** Feedback on one's tutoring: the yearly self-evaluation, peers' feedback, tutees' anonymous feedback. */
export function feedbackRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/self-evaluation',
    { config: user, schema: { tags, params: orgParams, response: { 200: selfEvaluationView } } },
    async (req) => readSelfEvaluation(ctx, requireUser(req), req.params.orgId),
  );
  api.put(
    '/api/orgs/:orgId/self-evaluation',
    {
      config: user,
      schema: { tags, params: orgParams, body: selfEvaluationBody, response: { 200: selfEvaluationView } },
    },
    async (req) => writeSelfEvaluation(ctx, requireUser(req), req.params.orgId, req.body),
  );
  api.get(
    '/api/orgs/:orgId/peer-feedback',
    { config: user, schema: { tags, params: orgParams, response: { 200: peerListView } } },
    async (req) => listPeerFeedback(ctx, requireUser(req), req.params.orgId),
  );
  api.post(
    '/api/orgs/:orgId/peer-feedback',
    {
      config: user,
      schema: { tags, params: orgParams, body: peerAskBody, response: { 201: createdManyView } },
    },
    async (req, reply) =>
      reply.status(201).send(await askPeers(ctx, requireUser(req), req.params.orgId, req.body.peerIds)),
  );
  api.get(
    '/api/peer-feedback/:peerRequestId',
    { config: user, schema: { tags, params: peerRequestParams, response: { 200: peerFeedbackView } } },
    async (req) => readPeerFeedback(ctx, requireUser(req), req.params.peerRequestId),
  );
  api.post(
    '/api/peer-feedback/:peerRequestId/answer',
    {
      config: user,
      schema: { tags, params: peerRequestParams, body: peerAnswerBody, response: { 200: peerFeedbackView } },
    },
    async (req) => answerPeer(ctx, requireUser(req), req.params.peerRequestId, req.body),
  );
  api.get(
    '/api/orgs/:orgId/tutor-feedback',
    { config: user, schema: { tags, params: orgParams, response: { 200: tutorAggregatesView } } },
    async (req) => tutorAggregates(ctx, requireUser(req), req.params.orgId),
  );
  api.get(
    '/api/tutor-feedback-asks/:feedbackAskId',
    { config: user, schema: { tags, params: feedbackAskParams, response: { 200: feedbackAskView } } },
    async (req) => readTuteeAsk(ctx, requireUser(req), req.params.feedbackAskId),
  );
  api.post(
    '/api/tutor-feedback-asks/:feedbackAskId/answers',
    {
      config: user,
      schema: {
        tags,
        params: feedbackAskParams,
        body: tuteeAnswerBody,
        response: { 201: z.object({ answered: z.literal(true) }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await answerTuteeAsk(ctx, requireUser(req), req.params.feedbackAskId, req.body)),
  );
}
