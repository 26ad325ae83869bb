import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import { isLivePairing } from '../../domain/pairings.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { agreementReadable } from '../../policy/confidentiality.ts';
import { loadPairingFor } from '../matching/pairings.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { type ProgrammeRules, rulesOf } from '../programmes/templates.ts';
import { ensureVersions, versionWithBody } from './charter.ts';
import { mayAskHelp, mayDownload, mayEndEarly, mayMoveEnd, signingParty } from './policy.ts';
import { meetingsHeld, programmePairs, programmeWithOrg, signaturesOf, versionsOf } from './queries.ts';
import type { AgreementView, Party } from './schema.ts';
import { charterStatus } from './status.ts';
import { ensureTerms } from './terms.ts';

// A pair's agreement as each of its two people and its coordination see it: the charter to sign
// and who it waits on, the term with the meetings held against the programme's minimum and target,
// and what the viewer may do. Nobody else sees it (the pairing is not found).

const PER = { month: 1, quarter: 3, semester: 6, year: 12 } as const;

export async function getAgreement(
  ctx: AppContext,
  actor: UserActor,
  pairingId: string,
): Promise<AgreementView> {
  const { pairing, p, manage, read, side } = await loadPairingFor(ctx, actor, pairingId);
  const access = { manage, read, side };
  // The pair's mentee is its subject: they, their mentor and the programme's coordination read it.
  const relation = side === 'tutee' ? 'self' : side === 'tutor' ? 'tutor' : read ? 'coordinator' : 'none';
  if (!agreementReadable(relation)) throw notFound('pairing');
  const rules = rulesOf(p);
  const g = await programmeWithOrg(ctx.db, p.id);
  const live = isLivePairing(pairing.state) && !p.archived_at;
  const people = await ctx.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [pairing.tutor_user_id, pairing.tutee_user_id])
    .execute();
  const person = (id: string) => ({ id, name: people.find((u) => u.id === id)?.name ?? '' });
  const tutor = person(pairing.tutor_user_id);
  const tutee = person(pairing.tutee_user_id);
  const party = signingParty(actor, p, access);

  const charter = rules.charterRequired ? await charterOf(ctx, p.id, pairing.id, tutor, tutee) : null;
  const term = await termOf(ctx, pairing, rules, g.time_zone);
  const waiting = charter?.waitingOn.map((w) => w.party) ?? [];
  return {
    pairing: { id: pairing.id, state: pairing.state, live },
    programme: { id: p.id, name: p.name, orgId: p.org_id, timeZone: g.time_zone },
    tutor,
    tutee,
    viewer: side === 'tutor' ? 'mentor' : side === 'tutee' ? 'mentee' : 'coordination',
    charter,
    term,
    can: {
      sign: live && party !== null && waiting.includes(party),
      signAs: party,
      download: charter !== null && mayDownload(access, charter.meetingsAllowed),
      moveEnd: term !== null && mayMoveEnd(access, live),
      endEarly: mayEndEarly(access, live, rules.charterRequired),
      askHelp: mayAskHelp(access, live),
    },
  };
}

/** The coordination's list: every pair, its term, and whom its charter waits on. */
export async function listAgreements(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!managesProgramme(actor, p, 'read')) throw forbidden();
  const rules = rulesOf(p);
  const now = ctx.clock.now();
  const pairs = await programmePairs(ctx.db, p.id);
  const versions = rules.charterRequired
    ? await ensureVersions(ctx.db, p.id, now)
    : await versionsOf(ctx.db, p.id);
  const sigs = await signaturesOf(
    ctx.db,
    pairs.map((x) => x.id),
  );
  return {
    required: rules.charterRequired,
    pairs: pairs.map((x) => {
      const s = rules.charterRequired
        ? charterStatus(
            versions,
            sigs.filter((y) => y.pairing_id === x.id),
          )
        : null;
      return {
        pairingId: x.id,
        tutor: { id: x.tutor_user_id, name: x.tutor_name },
        tutee: { id: x.tutee_user_id, name: x.tutee_name },
        state: x.state,
        startOn: x.start_on,
        endOn: x.end_on,
        endedEarly: x.ended_early === 1,
        charter: s ? { version: s.target.version, complete: s.complete, waitingOn: s.waitingOn } : null,
      };
    }),
  };
}

async function charterOf(
  ctx: AppContext,
  programmeId: string,
  pairingId: string,
  tutor: { name: string },
  tutee: { name: string },
): Promise<AgreementView['charter']> {
  const versions = await ensureVersions(ctx.db, programmeId, ctx.clock.now());
  const s = charterStatus(versions, await signaturesOf(ctx.db, [pairingId]));
  return {
    version: versionWithBody(s.target),
    signatures: s.signatures.map((x) => ({ party: x.party as Party, name: x.signed_name, at: x.signed_at })),
    waitingOn: s.waitingOn.map((w) => ({
      party: w,
      name: w === 'mentor' ? tutor.name : w === 'mentee' ? tutee.name : null,
    })),
    complete: s.complete,
    signedEarlier: !s.complete && s.lastComplete ? { number: s.lastComplete.version } : null,
    meetingsAllowed: s.lastComplete !== null,
  };
}

/** The term, and the meetings held in it against the programme's figures. */
async function termOf(
  ctx: AppContext,
  pairing: Parameters<typeof ensureTerms>[1] & {
    ended_at: string | null;
    tutor_user_id: string;
    tutee_user_id: string;
  },
  rules: ProgrammeRules,
  zone: string,
): Promise<AgreementView['term']> {
  const now = ctx.clock.now();
  const terms = await ensureTerms(ctx.db, pairing, now);
  if (!terms) return null;
  const start = DateTime.fromISO(terms.start_on, { zone });
  const end = DateTime.fromISO(terms.end_on, { zone });
  const until = pairing.ended_at ?? now.toISOString();
  const held = await meetingsHeld(ctx.db, pairing, start.toUTC().toISO() as string, until);
  const elapsed = Math.min(
    1,
    Math.max(0, (now.getTime() - start.toMillis()) / (end.toMillis() - start.toMillis())),
  );
  // The programme's figures are per period: over the whole term for a target per pairing.
  const periods =
    rules.meetings.per === 'programme' ? 1 : end.diff(start, 'months').months / PER[rules.meetings.per];
  const target = Math.round(rules.meetings.target * periods);
  return {
    startOn: terms.start_on,
    endOn: terms.end_on,
    endedEarly: terms.ended_early === 1,
    endedOn: terms.ended_on,
    meetings: {
      held,
      minimum: Math.round(rules.meetings.minimum * periods),
      target,
      expectedByNow: Math.floor(target * elapsed),
    },
  };
}
