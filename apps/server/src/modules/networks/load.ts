import { randomInt } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { hashSecret } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { findProgramme } from '../programmes/queries.ts';
import { teamsAllowed } from '../teams/policy.ts';
import { networkActions, networkRelation, seesNetwork, standingIn } from './policy.ts';
import { liveTeamIdsOf, memberTeamsOf, networkById } from './queries.ts';

// A network as the actor stands in it (404 to anyone who does not see it), a team the actor's
// coordination answers for, and the join code.

export async function loadNetworkFor(ctx: AppContext, actor: UserActor, networkId: string) {
  const network = await networkById(ctx.db, networkId);
  if (!network) throw notFound('network');
  const teams = (await memberTeamsOf(ctx.db, [network.id])).get(network.id) ?? [];
  const standing = standingIn(actor, network, teams, await liveTeamIdsOf(ctx.db, actor.id));
  const relation = networkRelation(standing);
  if (!seesNetwork(relation)) throw notFound('network');
  return { network, teams, standing, relation, actions: networkActions(actor, network, standing) };
}
export type LoadedNetwork = Awaited<ReturnType<typeof loadNetworkFor>>;

/**
 * A live team of a programme with teams, reached through the actor's scope (404 outside it), that
 * the actor's coordination answers for (403 otherwise): the team they create or join a network with.
 */
export async function loadManagedTeam(ctx: AppContext, actor: UserActor, teamId: string) {
  const team = await ctx.db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
  const p = team && (await findProgramme(ctx.db, scopeFor(actor), team.programme_id));
  if (!team || !p || team.archived_at || !teamsAllowed(p)) throw notFound('team');
  if (!managesProgramme(actor, p, 'write')) throw forbidden();
  return { team, programme: p };
}

// Twelve characters of an alphabet without look-alikes (no I, O, 0, 1): 60 bits, typed by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new join code, "ABCD-EFGH-JKLM": shown once, stored as its hash. */
export function newJoinCode() {
  let raw = '';
  for (let i = 0; i < 12; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** The hash a code is kept as, whatever its case, spaces and dashes as typed. */
export const codeHash = (code: string) => hashSecret(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));
