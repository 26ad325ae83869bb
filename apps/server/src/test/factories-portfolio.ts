import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { addMember, createOrg, createProgramme, createUser, pair } from './factories.ts';
import type { setupTestServer } from './harness.ts';

type TestServer = Awaited<ReturnType<typeof setupTestServer>>;

/** Who makes a request in a test: a signed-in person's cookie, or nobody. */
type Caller = { cookie: string } | string | undefined;

/** `call(who, method, url, payload)` on the test server, `who` being a person with a cookie, a cookie, or nobody. */
export function caller(s: TestServer) {
  return (who: Caller, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const cookie = typeof who === 'string' ? who : who?.cookie;
    return s.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  };
}

/**
 * A DES department at `now` (the test server's clock is set to it): an organisation, a programme of
 * `template`, its coordinator, a tutor (capacity `tutorCapacity`) paired with each of `residents`
 * (in DES1), an optional second tutor with nobody, and `unpaired` DES1 residents without a tutor.
 */
export async function desDepartment(
  s: TestServer,
  opts: {
    now: Date;
    template?: 'des-tutoring' | 'installation-mentoring';
    tutorName?: string;
    tutorCapacity?: number;
    otherTutor?: boolean;
    residents?: string[];
    unpaired?: string[];
  },
) {
  s.clock.set(opts.now);
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId, opts.template);
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  const tutor = await createUser(s.ctx, orgId, { name: opts.tutorName ?? 'Dr Tuteur' });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  await addMember(s.ctx, programme, tutor.id, 'tutor', opts.tutorCapacity ?? 20);
  const otherTutor = opts.otherTutor ? await createUser(s.ctx, orgId, { name: 'Dr Autre' }) : undefined;
  if (otherTutor) await addMember(s.ctx, programme, otherTutor.id, 'tutor', 20);
  const resident = async (name: string) => {
    const r = await createUser(s.ctx, orgId, { name });
    await s.db.updateTable('org_members').set({ des_year: 1 }).where('user_id', '=', r.id).execute();
    await addMember(s.ctx, programme, r.id, 'tutee');
    return r;
  };
  const residents = [];
  const pairings = [];
  for (const name of opts.residents ?? ['Interne 1']) {
    const r = await resident(name);
    pairings.push(await pair(s.ctx, programme, tutor.id, r.id));
    residents.push(r);
  }
  const unpaired = [];
  for (const name of opts.unpaired ?? []) unpaired.push(await resident(name));
  return { orgId, programme, coordinator, tutor, otherTutor, residents, pairings, unpaired };
}

/**
 * A resident's portfolio for the shared world: an RSCA of the approfondissement phase sent to
 * their tutor (one version, a PNG attached, the submission in its thread) and waiting for review,
 * and the phase's synthesis co-signed by the tutor and the resident.
 */
export async function portfolioOf(
  ctx: AppContext,
  p: {
    orgId: string;
    programmeId: string;
    resident: { id: string; name: string };
    tutor: { id: string; name: string };
  },
) {
  const now = ctx.clock.now().toISOString();
  const traceId = newId();
  const versionId = newId();
  const attachmentId = newId();
  await ctx.db
    .insertInto('portfolio_traces')
    .values({
      id: traceId,
      org_id: p.orgId,
      programme_id: p.programmeId,
      resident_id: p.resident.id,
      type_id: 'rsca',
      phase_id: 'approfondissement',
      period: '2026-2027 S1',
      seq: 1,
      family: null,
      title: 'RSCA : une consultation difficile',
      state: 'submitted',
      due_on: '2026-12-18',
      revision_due_on: null,
      reviewer_id: p.tutor.id,
      review_week: '2026-11-16',
      review_token_hash: null,
      review_token_expires_at: null,
      nudged_at: null,
      created_at: now,
      submitted_at: now,
      validated_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('portfolio_versions')
    .values({
      id: versionId,
      trace_id: traceId,
      number: 1,
      body: '## Situation\nUne consultation difficile.',
      created_at: now,
      updated_at: now,
      submitted_at: now,
      reviewer_id: p.tutor.id,
      review_week: '2026-11-16',
    })
    .execute();
  await ctx.db
    .insertInto('portfolio_attachments')
    .values({
      id: attachmentId,
      version_id: versionId,
      filename: 'schema.png',
      mime: 'image/png',
      size: 8,
      data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('portfolio_messages')
    .values({
      id: newId(),
      trace_id: traceId,
      version_number: 1,
      author_id: p.resident.id,
      kind: 'submission',
      quote: null,
      body: '',
      created_at: now,
    })
    .execute();
  const body = '# Synthèse de fin de phase\n\nPhase d’approfondissement validée.';
  await ctx.db
    .insertInto('portfolio_syntheses')
    .values({
      id: newId(),
      org_id: p.orgId,
      programme_id: p.programmeId,
      resident_id: p.resident.id,
      phase_id: 'approfondissement',
      version: 1,
      body,
      body_hash: createHash('sha256').update(body, 'utf8').digest('hex'),
      tutor_id: p.tutor.id,
      tutor_signed_name: p.tutor.name,
      tutor_signed_at: now,
      tutor_signed_version: 1,
      resident_signed_name: p.resident.name,
      resident_signed_at: now,
      resident_signed_version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { traceId, attachmentId, phaseId: 'approfondissement' };
}

/** A small PDF, enough for the content sniffing of attachments. */
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** An internship supervisor invited for a resident, whose e-mail has not gone yet. */
export async function supervisorRequest(
  ctx: AppContext,
  o: { orgId: string; programmeId: string; residentId: string },
) {
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db
    .insertInto('supervisor_requests')
    .values({
      id,
      org_id: o.orgId,
      programme_id: o.programmeId,
      resident_id: o.residentId,
      invited_by: o.residentId,
      period: '2026-2027 S1',
      site: null,
      name: 'Dr Maître de stage',
      email: 'msu@cabinet.test',
      token_hash: null,
      expires_at: new Date(now.getTime() + 60 * 86_400_000).toISOString(),
      feedback: null,
      submitted_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}
