import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { sendInvitation } from '../auth/service.ts';
import { inviteExistingAccount } from '../people/invitations.ts';
import type { writesOf } from './plan.ts';
import { saveColumnChoices, saveSummary } from './queries.ts';
import type { CommitResult, PersonPlan, StoredSummary } from './schema.ts';

/** What a commit does once its rows are written, in the same transaction: invitations, then its records. */

type Writes = ReturnType<typeof writesOf>;

/**
 * Invites by e-mail each person the import added who has no password yet; asks the accounts of
 * elsewhere, which are not enrolled, to join (one already asked is not asked twice). Invitations
 * are jobs of this same transaction: the import and who is to be invited are written together, and
 * a mail server that is down delays them instead of losing them. Returns how many were asked.
 */
export async function inviteImported(
  db: Db,
  now: Date,
  actor: UserActor,
  p: Programme,
  { toInvite, toAskConsent }: Pick<Writes, 'toInvite' | 'toAskConsent'>,
): Promise<number> {
  for (const person of toInvite) {
    await sendInvitation(db, now, {
      userId: person.user.id,
      orgId: p.org_id,
      programmeId: p.id,
      role: person.role,
      inviterId: actor.id,
    });
  }
  let asked = 0;
  for (const person of toAskConsent) {
    if (await inviteExistingAccount(db, now, actor, p, person.userId, person, 'skip-if-pending')) asked++;
  }
  return asked;
}

/**
 * The import's summary (who was added, invited), the columns chosen for this file — how the
 * organisation's next files are read — and the audit entry.
 */
export async function recordCommit(
  db: Db,
  c: { actor: UserActor; p: Programme; importId: string; summary: StoredSummary; now: Date },
  done: { people: PersonPlan[]; result: CommitResult; invitations: number; notInvited: number },
) {
  const { actor, p, summary, now } = c;
  const { people, result } = done;
  await saveSummary(db, c.importId, JSON.stringify({ ...summary, people, result }));
  await saveColumnChoices(db, {
    orgId: p.org_id,
    actorId: actor.id,
    now: now.toISOString(),
    choices: (summary.fileColumns ?? [])
      .filter((col) => col.how === 'chosen')
      .map((col) => ({ key: col.key, field: col.field ?? 'ignore' })),
  });
  await audit(db, now, {
    orgId: p.org_id,
    actorId: actor.id,
    action: 'import.committed',
    subjectType: 'import',
    subjectId: c.importId,
    meta: {
      programmeId: p.id,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      invitations: done.invitations,
      notInvited: done.notInvited,
    },
  });
}
