import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  answerAsk,
  createQuestionnaire,
  myQuestionnaires,
  programmeQuestionnaires,
  readAsk,
  updateQuestionnaire,
} from './questionnaires.ts';
import {
  answerBody,
  askParams,
  askView,
  createdView,
  endReviewBody,
  endReviewView,
  myEndReviewsView,
  myQuestionnairesView,
  programmeEndReviewsView,
  programmeParams,
  programmeQuestionnairesView,
  questionnaireBody,
  questionnaireParams,
  questionnaireView,
  reviewParams,
} from './schema.ts';
import { myEndReviews, programmeEndReviews, readEndReview, saveEndReview } from './service.ts';

const tags = ['reviews'];

/** End-of-relationship reviews and the programme's anonymous questionnaires. */
export function reviewRoutes(api: Api, ctx: AppContext) {
  endReviewRoutes(api, ctx);
  questionnaireRoutes(api, ctx);
}

function endReviewRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/me/end-reviews',
    { config: { auth: 'user' }, schema: { tags, response: { 200: myEndReviewsView } } },
    async (req) => myEndReviews(ctx, requireUser(req)),
  );
  api.get(
    '/api/end-reviews/:reviewId',
    { config: { auth: 'user' }, schema: { tags, params: reviewParams, response: { 200: endReviewView } } },
    async (req) => readEndReview(ctx, requireUser(req), req.params.reviewId),
  );
  api.put(
    '/api/end-reviews/:reviewId',
    {
      config: { auth: 'user' },
      schema: { tags, params: reviewParams, body: endReviewBody, response: { 200: endReviewView } },
    },
    async (req) => saveEndReview(ctx, requireUser(req), req.params.reviewId, req.body, false),
  );
  api.post(
    '/api/end-reviews/:reviewId/submit',
    {
      config: { auth: 'user' },
      schema: { tags, params: reviewParams, body: endReviewBody, response: { 200: endReviewView } },
    },
    async (req) => saveEndReview(ctx, requireUser(req), req.params.reviewId, req.body, true),
  );
  api.get(
    '/api/programmes/:programmeId/end-reviews',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, response: { 200: programmeEndReviewsView } },
    },
    async (req) => programmeEndReviews(ctx, requireUser(req), req.params.programmeId),
  );
}

function questionnaireRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/questionnaires',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, response: { 200: programmeQuestionnairesView } },
    },
    async (req) => programmeQuestionnaires(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/questionnaires',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: questionnaireBody, response: { 201: createdView } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createQuestionnaire(ctx, requireUser(req), req.params.programmeId, req.body)),
  );
  api.put(
    '/api/questionnaires/:questionnaireId',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: questionnaireParams,
        body: questionnaireBody,
        response: { 200: questionnaireView },
      },
    },
    async (req) => updateQuestionnaire(ctx, requireUser(req), req.params.questionnaireId, req.body),
  );
  api.get(
    '/api/me/questionnaires',
    { config: { auth: 'user' }, schema: { tags, response: { 200: myQuestionnairesView } } },
    async (req) => myQuestionnaires(ctx, requireUser(req)),
  );
  api.get(
    '/api/questionnaire-asks/:askId',
    { config: { auth: 'user' }, schema: { tags, params: askParams, response: { 200: askView } } },
    async (req) => readAsk(ctx, requireUser(req), req.params.askId),
  );
  api.post(
    '/api/questionnaire-asks/:askId/answers',
    {
      config: { auth: 'user' },
      schema: { tags, params: askParams, body: answerBody, response: { 201: createdView } },
    },
    async (req, reply) =>
      reply.status(201).send(await answerAsk(ctx, requireUser(req), req.params.askId, req.body.answers)),
  );
}
