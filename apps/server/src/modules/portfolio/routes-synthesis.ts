import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { portfolioZip } from './export-zip.ts';
import { programmeParams, residentParams } from './schema.ts';
import {
  signBody,
  synthesisBody,
  synthesisList,
  synthesisListQuery,
  synthesisParams,
  synthesisView,
} from './schema-synthesis.ts';
import { getSynthesis, listSyntheses, saveSynthesis, signSynthesis, synthesisDocument } from './synthesis.ts';

const tags = ['portfolio'];
const user = { auth: 'user' as const };
const base = '/api/programmes/:programmeId/portfolio/residents/:residentId';

/** End-of-phase syntheses (read, edit, co-sign, print; the coordination's list) and the resident's ZIP. */
export function synthesisRoutes(api: Api, ctx: AppContext) {
  const schema = { tags, params: synthesisParams, response: { 200: synthesisView } };
  api.get(`${base}/syntheses/:phaseId`, { config: user, schema }, async (req) =>
    getSynthesis(ctx, requireUser(req), req.params.programmeId, req.params.residentId, req.params.phaseId),
  );
  api.put(
    `${base}/syntheses/:phaseId`,
    { config: user, schema: { ...schema, body: synthesisBody } },
    async (req) => saveSynthesis(ctx, requireUser(req), req.params, req.body.body),
  );
  api.post(
    `${base}/syntheses/:phaseId/sign`,
    { config: user, schema: { ...schema, body: signBody } },
    async (req) => signSynthesis(ctx, requireUser(req), req.params, req.body),
  );
  api.get(
    `${base}/syntheses/:phaseId/pdf`,
    { config: user, schema: { tags, params: synthesisParams } },
    async (req, reply) => {
      const { pdf, filename } = await synthesisDocument(ctx, requireUser(req), req.params);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(pdf);
    },
  );
  api.get(
    '/api/programmes/:programmeId/portfolio/syntheses',
    {
      config: user,
      schema: {
        tags,
        params: programmeParams,
        querystring: synthesisListQuery,
        response: { 200: synthesisList },
      },
    },
    async (req) => listSyntheses(ctx, requireUser(req), req.params.programmeId, req.query.cohortId),
  );
  api.get(
    `${base}/export.zip`,
    { config: user, schema: { tags, params: residentParams } },
    async (req, reply) => {
      const { stream, filename } = await portfolioZip(
        ctx,
        requireUser(req),
        req.params.programmeId,
        req.params.residentId,
      );
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(stream);
    },
  );
}
