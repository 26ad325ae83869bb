import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { Insertable } from 'kysely';
import { loadConfig } from '../../apps/server/src/config.ts';
import type { AppContext } from '../../apps/server/src/context.ts';
import { migrate, openDatabase } from '../../apps/server/src/db/index.ts';
import type {
  ContactLogTable,
  MeetingParticipantTable,
  MeetingReportTable,
  MeetingTable,
} from '../../apps/server/src/db/types.ts';
import { buildApp } from '../../apps/server/src/http/app.ts';
import { fixedClock } from '../../apps/server/src/lib/clock.ts';
import { newId } from '../../apps/server/src/lib/ids.ts';
import { sweepProgramme } from '../../apps/server/src/modules/followup/sweep.ts';
import { templates } from '../../apps/server/src/modules/programmes/templates.ts';
import { MemoryMailer } from '../../apps/server/src/notify/mailer.ts';
import { sessionCookie } from '../../apps/server/src/test/harness.ts';
import { type BenchCase, measure } from '../harness.ts';

/** xorshift32: the same programme on every run. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const DAY = 86_400_000;
const RESIDENTS = 1000;
const TUTORS = 120;

/**
 * A DES tutoring programme of 1,000 residents and 120 tutors, three cohorts (one a year), three
 * years of history: meetings with their reports, calls and messages, a few unanswered attempts
 * (the meetings tables and the contact log),
 * then one sweep so alerts exist. Built in the embedded database, like a department's instance.
 */
export async function build() {
  const dataDir = mkdtempSync(join(tmpdir(), 'compagnon-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DEMO: 'off',
    LOG_LEVEL: 'silent',
  } as NodeJS.ProcessEnv);
  const handle = openDatabase({ dataDir });
  await migrate(handle.db);
  const now = new Date('2026-11-16T09:00:00Z');
  const ctx: AppContext = {
    db: handle.db,
    dbKind: handle.kind,
    config,
    mailer: new MemoryMailer(),
    clock: fixedClock(now),
  };
  const rnd = random(20261116);
  const iso = (d: number) => new Date(now.getTime() - d * DAY).toISOString();
  const orgId = newId();
  const programmeId = newId();
  const coordinatorId = newId();
  let rows = { meetings: 0, participants: 0, reports: 0, contacts: 0 };
  await handle.db.transaction().execute(async (db) => {
    await db
      .insertInto('organisations')
      .values({
        id: orgId,
        name: 'DMG',
        slug: 'dmg-bench',
        kind: 'university-department',
        time_zone: 'Europe/Paris',
        locale: 'fr',
        is_demo: 0,
        created_at: iso(1200),
        archived_at: null,
      })
      .execute();
    await db
      .insertInto('programmes')
      .values({
        id: programmeId,
        org_id: orgId,
        name: 'Tutorat DES',
        template: 'des-tutoring',
        rules: JSON.stringify(templates['des-tutoring'].rules),
        created_at: iso(1200),
        archived_at: null,
      })
      .execute();
    const cohorts = [2023, 2024, 2025, 2026].map((y) => ({ id: newId(), y }));
    await db
      .insertInto('cohorts')
      .values(
        cohorts.map((c) => ({
          id: c.id,
          org_id: orgId,
          programme_id: programmeId,
          name: `${c.y}-${c.y + 1}`,
          kind: 'academic-year',
          starts_on: `${c.y}-11-01`,
          ends_on: `${c.y + 1}-10-31`,
          created_at: iso(1200),
          archived_at: null,
        })),
      )
      .execute();
    const user = (id: string, name: string) => ({
      id,
      email: `${id}@bench.test`,
      name,
      password_hash: null,
      locale: 'fr',
      phone: null,
      is_demo: 0,
      created_at: iso(1200),
      last_sign_in_at: null,
      disabled_at: null,
    });
    const tutors = Array.from({ length: TUTORS }, () => newId());
    const residents = Array.from({ length: RESIDENTS }, () => newId());
    const people = [
      user(coordinatorId, 'Coordination'),
      ...tutors.map((id, i) => user(id, `Dr Tuteur ${i}`)),
      ...residents.map((id, i) => user(id, `Interne ${i}`)),
    ];
    for (let i = 0; i < people.length; i += 400)
      await db
        .insertInto('users')
        .values(people.slice(i, i + 400))
        .execute();
    const members = [
      { user: coordinatorId, role: 'coordinator', capacity: null as number | null },
      ...tutors.map((u) => ({ user: u, role: 'tutor', capacity: 10 })),
      ...residents.map((u) => ({ user: u, role: 'tutee', capacity: null })),
    ].map((m) => ({
      id: newId(),
      org_id: orgId,
      programme_id: programmeId,
      cohort_id: null,
      user_id: m.user,
      role: m.role,
      capacity: m.capacity,
      created_at: iso(1200),
      ended_at: null,
    }));
    for (let i = 0; i < members.length; i += 400)
      await db
        .insertInto('memberships')
        .values(members.slice(i, i + 400))
        .execute();
    // The records the meetings pages keep: meetings with their participants and reports, and the
    // contact log (calls and messages, some unanswered).
    const meetings: Insertable<MeetingTable>[] = [];
    const participants: Insertable<MeetingParticipantTable>[] = [];
    const reports: Insertable<MeetingReportTable>[] = [];
    const contacts: Insertable<ContactLogTable>[] = [];
    const pairings = residents.map((r, i) => {
      // Residents arrive one cohort a year; the oldest have three years of history.
      const cohort = cohorts[i % 4] as { id: string; y: number };
      const started = Math.max(10, (2026 - cohort.y) * 365 + 15);
      const id = newId();
      const tutor = tutors[i % TUTORS] as string;
      const quiet = rnd() < 0.08;
      for (let d = started - 20; d > (quiet ? 160 : 5); d -= 120 + Math.floor(rnd() * 90)) {
        const m = newId();
        const at = iso(d);
        const reported = rnd() < 0.9;
        meetings.push({
          id: m,
          org_id: orgId,
          programme_id: programmeId,
          organiser_id: tutor,
          kind: 'meeting',
          title: 'Entretien',
          mode: rnd() < 0.6 ? 'in-person' : 'video',
          place: null,
          video_url: null,
          guide_id: null,
          duration_minutes: 60,
          status: 'confirmed',
          starts_at: at,
          ends_at: iso(d - 1 / 24),
          ical_uid: `${m}@bench`,
          sequence: 0,
          poll_expires_at: null,
          reminded_at: null,
          created_at: iso(d + 14),
          updated_at: iso(d + 14),
        });
        for (const user of [tutor, r])
          participants.push({
            id: newId(),
            meeting_id: m,
            user_id: user,
            required: 0,
            poll_token_hash: null,
            answered_at: null,
            poll_reminded_at: null,
            attendance: reported ? 'present' : null,
          });
        if (reported)
          reports.push({
            meeting_id: m,
            author_id: tutor,
            status: 'filed',
            duration_minutes: 60,
            content: '{}',
            updated_at: iso(d - 2),
            // As the DES template files them: its tutee reads them, its coordination does not.
            visible_to_tutee: 1,
            visible_to_coordinator: 0,
            filed_at: iso(d - 2),
          });
      }
      for (let d = started - 5; d > (quiet ? 150 : 3); d -= 30 + Math.floor(rnd() * 40)) {
        const at = iso(d);
        contacts.push({
          id: newId(),
          org_id: orgId,
          programme_id: programmeId,
          author_id: tutor,
          tutee_id: r,
          channel: rnd() < 0.5 ? 'sms' : 'email',
          happened_at: at,
          created_at: at,
          answered: rnd() < 0.15 ? 0 : 1,
        });
      }
      return {
        id,
        org_id: orgId,
        programme_id: programmeId,
        cohort_id: cohort.id,
        tutor_user_id: tutor,
        tutee_user_id: r,
        group_key: null,
        state: 'active',
        created_at: iso(started),
        ended_at: null,
        end_reason: null,
      };
    });
    for (let i = 0; i < pairings.length; i += 200)
      await db
        .insertInto('pairings')
        .values(pairings.slice(i, i + 200))
        .execute();
    for (let i = 0; i < meetings.length; i += 100)
      await db
        .insertInto('meetings')
        .values(meetings.slice(i, i + 100))
        .execute();
    for (let i = 0; i < participants.length; i += 300)
      await db
        .insertInto('meeting_participants')
        .values(participants.slice(i, i + 300))
        .execute();
    for (let i = 0; i < reports.length; i += 300)
      await db
        .insertInto('meeting_reports')
        .values(reports.slice(i, i + 300))
        .execute();
    for (let i = 0; i < contacts.length; i += 300)
      await db
        .insertInto('contact_logs')
        .values(contacts.slice(i, i + 300))
        .execute();
    rows = {
      meetings: meetings.length,
      participants: participants.length,
      reports: reports.length,
      contacts: contacts.length,
    };
    await sweepProgramme(ctx, db, programmeId, now);
  });
  const alerts = await handle.db
    .selectFrom('followup_alerts')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const app = await buildApp(ctx);
  await app.ready();
  const cookie = await sessionCookie(ctx, coordinatorId);
  return {
    app,
    ctx,
    coordinatorId,
    cookie,
    programmeId,
    notes: { residents: RESIDENTS, tutors: TUTORS, ...rows, openAlerts: Number(alerts?.n ?? 0) },
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const dashboard1000: BenchCase = {
  name: 'dashboard-1000',
  async run() {
    const b = await build();
    const url = `/api/programmes/${b.programmeId}/followup/dashboard`;
    const first = await b.app.inject({ method: 'GET', url, headers: { cookie: b.cookie } });
    if (first.statusCode !== 200)
      throw new Error(`dashboard answered ${first.statusCode}: ${first.body.slice(0, 200)}`);
    const bytes = first.body.length;
    const ms = await measure(() => b.app.inject({ method: 'GET', url, headers: { cookie: b.cookie } }), {
      minRuns: 20,
      minMs: 2000,
    });
    // Baseline: a bare Fastify route answering a small JSON document, in this same process.
    const bare = Fastify();
    bare.get('/ping', async () => ({ ok: true }));
    await bare.ready();
    const baselineMs = await measure(() => bare.inject({ method: 'GET', url: '/ping' }), {
      minRuns: 200,
      minMs: 1000,
      maxRuns: 5000,
    });
    await bare.close();
    await b.close();
    return {
      ms,
      baselineMs,
      baseline: 'bare Fastify /ping',
      notes: { ...b.notes, responseKB: Math.round(bytes / 1024) },
    };
  },
};

export const cases: BenchCase[] = [dashboard1000];
