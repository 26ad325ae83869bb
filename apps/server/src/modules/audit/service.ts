import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { sortByName } from '../../domain/collate.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { type ReadKind, readActions, readKinds } from './reads.ts';
import type { auditQuery, recordReadsQuery } from './schema.ts';

export interface AuditEntry {
  orgId?: string | null;
  actorId?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  ip?: string | null;
  meta?: Record<string, unknown>;
}

/**
 * Appends to the audit log: sign-ins, role changes and every read of a sensitive record. Called
 * inside the operation's transaction so a read or change is never recorded without happening.
 */
export async function audit(db: Db, at: Date, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      org_id: e.orgId ?? null,
      actor_id: e.actorId ?? null,
      action: e.action,
      subject_type: e.subjectType ?? null,
      subject_id: e.subjectId ?? null,
      ip: e.ip ?? null,
      at: at.toISOString(),
      meta: e.meta ? JSON.stringify(e.meta) : null,
    })
    .execute();
}

const SHOWN_PEOPLE = 5;

const parseCursor = (c: string) => {
  const at = c.slice(0, c.lastIndexOf('_'));
  return { at, id: c.slice(at.length + 1) };
};
const cursorOf = (r: { at: string; id: string }) => `${r.at}_${r.id}`;

const readMeta = (json: string | null): Record<string, unknown> | null => {
  if (!json) return null;
  try {
    const v = JSON.parse(json);
    return v && typeof v === 'object' ? v : null;
  } catch {
    return null;
  }
};

/**
 * One page of the organisation's audit log, newest first, filtered by action (or every sensitive
 * read), actor, person whose records were read, and days in the organisation's time zone.
 */
export async function auditPage(
  ctx: AppContext,
  org: { id: string; time_zone: string },
  f: z.infer<typeof auditQuery>,
) {
  const rows = await filteredEntries(ctx.db, org, f)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const subjects = page.length
    ? await ctx.db
        .selectFrom('audit_subjects')
        .innerJoin('users', 'users.id', 'audit_subjects.user_id')
        .select(['audit_subjects.audit_id', 'users.id', 'users.name'])
        .where(
          'audit_subjects.audit_id',
          'in',
          page.map((r) => r.id),
        )
        .execute()
        .then((all) => sortByName(all, (x) => x.name))
    : [];
  return {
    timeZone: org.time_zone,
    entries: page.map((r) => {
      const meta = readMeta(r.meta);
      const mine = subjects.filter((x) => x.audit_id === r.id);
      // The person filtered on comes first, so the entry shows why it matched.
      mine.sort((a, b) => Number(b.id === f.personId) - Number(a.id === f.personId));
      return {
        id: r.id,
        at: r.at,
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, name: r.actor ?? '' } : null,
        role: typeof meta?.role === 'string' ? meta.role : null,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        people: mine.slice(0, SHOWN_PEOPLE).map((x) => ({ id: x.id, name: x.name })),
        peopleCount: mine.length,
        meta,
      };
    }),
    next: rows.length > f.limit ? cursorOf(page[page.length - 1] as { at: string; id: string }) : null,
  };
}

/** The organisation's entries that pass the filters, after the cursor. */
function filteredEntries(db: Db, org: { id: string; time_zone: string }, f: z.infer<typeof auditQuery>) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.actor_id',
      'users.name as actor',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.meta',
    ])
    .where('audit_log.org_id', '=', org.id);
  if (f.action === 'reads') q = q.where('audit_log.action', 'in', [...readActions]);
  else if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.actorId) q = q.where('audit_log.actor_id', '=', f.actorId);
  if (f.personId) {
    const personId = f.personId;
    q = q.where('audit_log.id', 'in', (eb) =>
      eb
        .selectFrom('audit_subjects')
        .select('audit_subjects.audit_id')
        .where('audit_subjects.user_id', '=', personId)
        .where('audit_subjects.org_id', '=', org.id),
    );
  }
  if (f.from) q = q.where('audit_log.at', '>=', dayStart(f.from, org.time_zone));
  if (f.to) q = q.where('audit_log.at', '<', dayStart(f.to, org.time_zone, 1));
  if (f.before) {
    const c = parseCursor(f.before);
    q = q.where((eb) =>
      eb.or([
        eb('audit_log.at', '<', c.at),
        eb.and([eb('audit_log.at', '=', c.at), eb('audit_log.id', '<', c.id)]),
      ]),
    );
  }
  return q;
}

/** The start of a day (plus `plusDays`) in the zone, as an instant. */
function dayStart(day: string, zone: string, plusDays = 0): string {
  return DateTime.fromISO(day, { zone }).plus({ days: plusDays }).startOf('day').toUTC().toISO() as string;
}

const kindOfAction = new Map(Object.entries(readKinds).map(([k, a]) => [a as string, k as ReadKind]));

/**
 * Who read the signed-in person's records, newest first, in every organisation: the reader's name
 * and role at the time, what they read, when. The same audit rows the administrators see.
 */
export async function readsOfMyRecords(
  ctx: AppContext,
  actor: UserActor,
  f: z.infer<typeof recordReadsQuery>,
) {
  let q = ctx.db
    .selectFrom('audit_subjects')
    .innerJoin('audit_log', 'audit_log.id', 'audit_subjects.audit_id')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .leftJoin('organisations', 'organisations.id', 'audit_log.org_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.meta',
      'users.name as reader',
      'organisations.name as organisation',
      'organisations.time_zone',
    ])
    .where('audit_subjects.user_id', '=', actor.id)
    .where('audit_log.action', 'in', [...readActions]);
  if (f.before) {
    const c = parseCursor(f.before);
    q = q.where((eb) =>
      eb.or([
        eb('audit_subjects.at', '<', c.at),
        eb.and([eb('audit_subjects.at', '=', c.at), eb('audit_subjects.audit_id', '<', c.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('audit_subjects.at', 'desc')
    .orderBy('audit_subjects.audit_id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  return {
    entries: page.map((r) => {
      const role = readMeta(r.meta)?.role;
      return {
        id: r.id,
        at: r.at,
        kind: kindOfAction.get(r.action) ?? 'contact',
        reader: r.reader ?? '',
        role: typeof role === 'string' ? role : null,
        organisation: r.organisation ?? '',
        timeZone: r.time_zone ?? 'Europe/Paris',
      };
    }),
    next: rows.length > f.limit ? cursorOf(page[page.length - 1] as { at: string; id: string }) : null,
  };
}
