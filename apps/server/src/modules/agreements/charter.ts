import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { isLivePairing } from '../../domain/pairings.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { defaultCharter } from './default-charter.ts';
import { mayPublishCharter, mayReadCharter } from './policy.ts';
import { programmePairs, programmeWithOrg, type VersionRow, versionsOf } from './queries.ts';
import type { CharterView } from './schema.ts';
import { sha256 } from './sign.ts';
import { agreementNotice } from './texts.ts';

// A programme's charter: versions of a Markdown text, each with the SHA-256 of its exact text. The
// first is written by the platform on first need, in the organisation's language, from the
// programme's duration and minimum of meetings; the coordination publishes the next ones.

/** The programme's versions, the default one written first if there is none yet. */
export async function ensureVersions(db: Db, programmeId: string, now: Date): Promise<VersionRow[]> {
  const found = await versionsOf(db, programmeId);
  if (found.length > 0) return found;
  const g = await programmeWithOrg(db, programmeId);
  const rules = rulesOf(g);
  const body = defaultCharter(g.locale?.startsWith('en') ? 'en' : 'fr', {
    organisation: g.org_name,
    months: rules.durationMonths ?? 12,
    minimum: rules.meetings.minimum,
  });
  await db
    .insertInto('charter_versions')
    .values({
      id: newId(),
      org_id: g.org_id,
      programme_id: g.id,
      version: 1,
      body,
      body_hash: sha256(body),
      resign_required: 0,
      author_id: null,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['programme_id', 'version']).doNothing())
    .execute();
  return versionsOf(db, programmeId);
}

const item = (v: VersionRow) => ({
  id: v.id,
  number: v.version,
  hash: v.body_hash,
  createdAt: v.created_at,
  resignRequired: v.resign_required === 1,
  author: v.author,
});
export const versionWithBody = (v: VersionRow) => ({ ...item(v), body: v.body });

function present(actor: UserActor, p: Programme, versions: VersionRow[]): CharterView {
  const current = versions.at(-1) as VersionRow;
  return {
    programme: { id: p.id, name: p.name, orgId: p.org_id },
    required: rulesOf(p).charterRequired,
    current: versionWithBody(current),
    versions: versions.map(item).reverse(),
    can: { publish: mayPublishCharter(actor, p) },
  };
}

/** The charter as it stands, for the programme's members and managers. */
export async function getCharter(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!mayReadCharter(actor, p)) throw notFound('programme');
  return present(actor, p, await ensureVersions(ctx.db, p.id, ctx.clock.now()));
}

/**
 * The coordination publishes a new version. Signed charters keep the version they signed; when
 * `resignRequired`, each live pair is told a new signature is asked.
 */
export async function publishCharter(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: { body: string; resignRequired: boolean },
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!mayPublishCharter(actor, p)) throw refuse(403, 'forbidden');
  const now = ctx.clock.now();
  const versions = await ensureVersions(ctx.db, p.id, now);
  const last = versions.at(-1) as VersionRow;
  const hash = sha256(body.body);
  if (hash === last.body_hash) throw refuse(409, 'charter_same_text');
  const number = last.version + 1;
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('charter_versions')
      .values({
        id: newId(),
        org_id: p.org_id,
        programme_id: p.id,
        version: number,
        body: body.body,
        body_hash: hash,
        resign_required: body.resignRequired ? 1 : 0,
        author_id: actor.id,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['programme_id', 'version']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) throw refuse(409, 'charter_changed');
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'agreements.charter_published',
      subjectType: 'programme',
      subjectId: p.id,
      meta: { version: number, hash, resignRequired: body.resignRequired },
    });
    if (body.resignRequired && rulesOf(p).charterRequired) await askToSignAgain(trx, p, number, now);
  });
  return present(actor, p, await versionsOf(ctx.db, p.id));
}

async function askToSignAgain(trx: Db, p: Programme, version: number, now: Date) {
  const pairs = (await programmePairs(trx, p.id)).filter((x) => isLivePairing(x.state));
  for (const x of pairs)
    for (const userId of [x.tutor_user_id, x.tutee_user_id])
      await notify(
        trx,
        {
          userId,
          orgId: p.org_id,
          kind: 'message',
          key: `agreements:resign:${p.id}:${version}:${userId}:${x.id}`,
          link: `/binomes/${x.id}/charte`,
          content: agreementNotice('resign', { programme: p.name, version: String(version) }),
        },
        now,
      );
}
