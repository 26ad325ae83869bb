import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { rulesOf } from '../programmes/templates.ts';
import { livePairsAmong, signaturesOf, versionsOf } from './queries.ts';
import { parties } from './schema.ts';
import { charterStatus } from './status.ts';

// Meetings wait for the charter: in a programme that asks for one, a meeting of a pair (its mentor
// and mentee both among the people) is organised only once the three signed a version of it.

/**
 * Refuses (409 `charter_unsigned`) a meeting of the people when one of their pairs has no charter
 * signed by the three, naming who still has to sign. Called by meetings/service.ts createMeeting.
 */
export async function requireSignedCharters(
  db: Db,
  programme: { id: string; rules: string; template?: string },
  people: string[],
) {
  if (!rulesOf(programme).charterRequired) return;
  const pairs = await livePairsAmong(db, programme.id, people);
  if (pairs.length === 0) return;
  const versions = await versionsOf(db, programme.id);
  const sigs = await signaturesOf(
    db,
    pairs.map((x) => x.id),
  );
  for (const x of pairs) {
    const own = sigs.filter((s) => s.pairing_id === x.id);
    const status = versions.length > 0 ? charterStatus(versions, own) : null;
    if (status?.lastComplete) continue;
    const waiting = status?.waitingOn ?? [...parties];
    const names = [
      ...(waiting.includes('mentor') ? [x.tutor_name] : []),
      ...(waiting.includes('mentee') ? [x.tutee_name] : []),
    ].join(', ');
    const organisation = waiting.includes('organisation');
    const variant = names && organisation ? 'people_organisation' : names ? 'people' : 'organisation';
    throw refuse(409, 'charter_unsigned', { variant, names, tutor: x.tutor_name, tutee: x.tutee_name });
  }
}
