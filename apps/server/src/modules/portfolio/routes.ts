import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { refuse } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  attach,
  detach,
  download,
  downloadByLink,
  readByLink,
  readTrace,
  reviewAsUser,
  reviewByLink,
  sendTrace,
  writeDraft,
} from './actions.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { portfolioOverview, reviewQueue } from './dashboard.ts';
import { supervisorRoutes } from './routes-supervisors.ts';
import { synthesisRoutes } from './routes-synthesis.ts';
import {
  attachmentParams,
  attachmentView,
  commentBody,
  draftBody,
  frameworkBody,
  frameworkView,
  myPortfoliosView,
  overviewQuery,
  overviewView,
  portfolioView as portfolioSchema,
  programmeParams,
  queueView,
  residentParams,
  revisionBody,
  submittedView,
  tokenParams,
  traceParams,
  traceSummary,
  traceView,
  validateBody,
} from './schema.ts';
import { addTrace, getFramework, myPortfolios, portfolioView, putFramework } from './service.ts';

const tags = ['portfolio'];

/** The multipart field `file`, read up to the limit and no further. */
async function readFile(req: FastifyRequest) {
  if (!req.isMultipart()) throw refuse(400, 'file_required');
  const part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
  if (!part) throw refuse(400, 'file_required');
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), filename: part.filename, truncated: part.file.truncated };
}

function sendFile(reply: FastifyReply, a: { filename: string; mime: string; data: Buffer }) {
  return reply
    .type(a.mime)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(a.data));
}

const user = { auth: 'user' as const };
const open = { auth: 'public' as const };

/** The portfolio: plans, traces and their review, the tutor's queue, the coordination's counts. */
export function portfolioRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/me/portfolio',
    {
      config: user,
      schema: {
        tags,
        response: { 200: myPortfoliosView },
      },
    },
    async (req) => myPortfolios(ctx, requireUser(req)),
  );
  api.get(
    '/api/me/portfolio/queue',
    { config: user, schema: { tags, response: { 200: queueView } } },
    async (req) => reviewQueue(ctx, requireUser(req)),
  );
  api.get(
    '/api/programmes/:programmeId/portfolio/framework',
    { config: user, schema: { tags, params: programmeParams, response: { 200: frameworkView } } },
    async (req) => getFramework(ctx, requireUser(req), req.params.programmeId),
  );
  api.put(
    '/api/programmes/:programmeId/portfolio/framework',
    {
      config: user,
      schema: { tags, params: programmeParams, body: frameworkBody, response: { 200: frameworkView } },
    },
    async (req) => putFramework(ctx, requireUser(req), req.params.programmeId, req.body.framework),
  );
  api.get(
    '/api/programmes/:programmeId/portfolio/overview',
    {
      config: user,
      schema: { tags, params: programmeParams, querystring: overviewQuery, response: { 200: overviewView } },
    },
    async (req) => portfolioOverview(ctx, requireUser(req), req.params.programmeId, req.query.cohortId),
  );
  api.get(
    '/api/programmes/:programmeId/portfolio/residents/:residentId',
    { config: user, schema: { tags, params: residentParams, response: { 200: portfolioSchema } } },
    async (req) => portfolioView(ctx, requireUser(req), req.params.programmeId, req.params.residentId),
  );
  api.post(
    '/api/programmes/:programmeId/portfolio/residents/:residentId/traces',
    {
      config: user,
      schema: {
        tags,
        params: residentParams,
        body: z.object({ typeId: z.string() }),
        response: { 201: traceSummary },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await addTrace(
            ctx,
            requireUser(req),
            req.params.programmeId,
            req.params.residentId,
            req.body.typeId,
          ),
        ),
  );
  traceRoutes(api, ctx);
  linkRoutes(api, ctx);
  synthesisRoutes(api, ctx);
  supervisorRoutes(api, ctx);
}

function traceRoutes(api: Api, ctx: AppContext) {
  const traceSchema = { tags, params: traceParams, response: { 200: traceView } };
  api.get('/api/portfolio/traces/:traceId', { config: user, schema: traceSchema }, async (req) =>
    readTrace(ctx, requireUser(req), req.params.traceId),
  );
  api.put(
    '/api/portfolio/traces/:traceId/draft',
    { config: user, schema: { ...traceSchema, body: draftBody } },
    async (req) => writeDraft(ctx, requireUser(req), req.params.traceId, req.body),
  );
  api.post(
    '/api/portfolio/traces/:traceId/submit',
    { config: user, schema: { tags, params: traceParams, response: { 200: submittedView } } },
    async (req) => sendTrace(ctx, requireUser(req), req.params.traceId),
  );
  api.post(
    '/api/portfolio/traces/:traceId/messages',
    { config: user, schema: { ...traceSchema, body: commentBody } },
    async (req) => reviewAsUser(ctx, requireUser(req), req.params.traceId, 'comment', req.body),
  );
  api.post(
    '/api/portfolio/traces/:traceId/revision',
    { config: user, schema: { ...traceSchema, body: revisionBody } },
    async (req) => reviewAsUser(ctx, requireUser(req), req.params.traceId, 'revision', req.body),
  );
  api.post(
    '/api/portfolio/traces/:traceId/validate',
    { config: user, schema: { ...traceSchema, body: validateBody } },
    async (req) => reviewAsUser(ctx, requireUser(req), req.params.traceId, 'validate', req.body),
  );
  api.post(
    '/api/portfolio/traces/:traceId/attachments',
    {
      config: user,
      schema: {
        tags,
        params: traceParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await attach(ctx, requireUser(req), req.params.traceId, () => readFile(req))),
  );
  api.get(
    '/api/portfolio/attachments/:attachmentId',
    { config: user, schema: { tags, params: attachmentParams } },
    async (req, reply) => sendFile(reply, await download(ctx, requireUser(req), req.params.attachmentId)),
  );
  api.delete(
    '/api/portfolio/attachments/:attachmentId',
    { config: user, schema: { tags, params: attachmentParams } },
    async (req, reply) => {
      await detach(ctx, requireUser(req), req.params.attachmentId);
      return reply.status(204).send();
    },
  );
}

function linkRoutes(api: Api, ctx: AppContext) {
  const schema = { tags, params: tokenParams, response: { 200: traceView } };
  api.get('/api/portfolio/review/:token', { config: open, schema }, async (req) =>
    readByLink(ctx, req.params.token),
  );
  api.post(
    '/api/portfolio/review/:token/messages',
    { config: open, schema: { ...schema, body: commentBody } },
    async (req) => reviewByLink(ctx, req.params.token, 'comment', req.body),
  );
  api.post(
    '/api/portfolio/review/:token/revision',
    { config: open, schema: { ...schema, body: revisionBody } },
    async (req) => reviewByLink(ctx, req.params.token, 'revision', req.body),
  );
  api.post(
    '/api/portfolio/review/:token/validate',
    { config: open, schema: { ...schema, body: validateBody } },
    async (req) => reviewByLink(ctx, req.params.token, 'validate', req.body),
  );
  api.get(
    '/api/portfolio/review/:token/attachments/:attachmentId',
    { config: open, schema: { tags, params: tokenParams.extend({ attachmentId: z.string() }) } },
    async (req, reply) =>
      sendFile(reply, await downloadByLink(ctx, req.params.token, req.params.attachmentId)),
  );
}
