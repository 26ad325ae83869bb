import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { getCharter, publishCharter } from './charter.ts';
import { charterDocument, verifyCode } from './document.ts';
import {
  agreementList,
  agreementView,
  charterView,
  endDateBody,
  endEarlyBody,
  pairingParams,
  programmeParams,
  publishBody,
  signBody,
  verifyBody,
  verifyView,
} from './schema.ts';
import { getAgreement, listAgreements } from './service.ts';
import { signCharter } from './sign.ts';
import { endEarly, moveEnd } from './terms.ts';

const tags = ['agreements'];
const user = { auth: 'user' as const };
// The public check of a code gets the sign-in routes' tighter per-address limit: codes are not guessed.
const strict = { auth: 'public' as const, rateLimit: { max: 20, timeWindow: '1 minute' } };
const pair = '/api/pairings/:pairingId/agreement';

/** The programme's charter, each pair's signatures and term, and the public check of a signed charter. */
export function agreementRoutes(api: Api, ctx: AppContext) {
  const programme = { tags, params: programmeParams, response: { 200: charterView } };
  api.get('/api/programmes/:programmeId/charter', { config: user, schema: programme }, async (req) =>
    getCharter(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/charter',
    { config: user, schema: { ...programme, body: publishBody } },
    async (req) => publishCharter(ctx, requireUser(req), req.params.programmeId, req.body),
  );
  api.get(
    '/api/programmes/:programmeId/agreements',
    { config: user, schema: { tags, params: programmeParams, response: { 200: agreementList } } },
    async (req) => listAgreements(ctx, requireUser(req), req.params.programmeId),
  );

  const view = { tags, params: pairingParams, response: { 200: agreementView } };
  api.get(pair, { config: user, schema: view }, async (req) =>
    getAgreement(ctx, requireUser(req), req.params.pairingId),
  );
  api.post(`${pair}/sign`, { config: user, schema: { ...view, body: signBody } }, async (req) => {
    await signCharter(ctx, requireUser(req), req.params.pairingId, req.body);
    return getAgreement(ctx, requireUser(req), req.params.pairingId);
  });
  api.put(`${pair}/end-date`, { config: user, schema: { ...view, body: endDateBody } }, async (req) => {
    await moveEnd(ctx, requireUser(req), req.params.pairingId, req.body);
    return getAgreement(ctx, requireUser(req), req.params.pairingId);
  });
  api.post(`${pair}/end-early`, { config: user, schema: { ...view, body: endEarlyBody } }, async (req) => {
    await endEarly(ctx, requireUser(req), req.params.pairingId, req.body.reason);
    return getAgreement(ctx, requireUser(req), req.params.pairingId);
  });
  api.get(`${pair}/pdf`, { config: user, schema: { tags, params: pairingParams } }, async (req, reply) => {
    const { pdf, filename } = await charterDocument(ctx, requireUser(req), req.params.pairingId);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(pdf);
  });

  api.post(
    '/api/verification',
    { config: strict, schema: { tags, body: verifyBody, response: { 200: verifyView } } },
    async (req) => verifyCode(ctx, req.body.code),
  );
}
