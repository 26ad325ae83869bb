import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import type { MeetingTable } from '../../db/types.ts';
import { sameName } from '../../domain/signature-name.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { phaseOf } from '../portfolio/framework.ts';
import { loadFramework, tracesOf } from '../portfolio/queries.ts';
import { bothSigned, contentHash, gridComplete, recordRatings } from './interview.ts';
import {
  INTERVIEW,
  type InterviewGrid,
  type InterviewRecord,
  interviewRecord,
  type interviewView,
  type residentViewBody,
  type Signature,
  signatureList,
  type signBody,
} from './interview-schema.ts';
import { interviewNotice } from './interview-texts.ts';
import { loadMeetingFor, type MeetingRole } from './policy.ts';

// The report of a tutored interview: the tutor writes and files the grid, the resident adds their
// own view, both sign. Any change of the content after a signature voids the signatures (and the
// levels they put on the competency map).

type Meeting = MeetingTable;
type ReportRow = { status: string; content: string; signatures: string | null } | undefined;

export const readRecord = (report: ReportRow): InterviewRecord | null =>
  report ? readJson(interviewRecord, report.content, 'meeting_reports.content') : null;

const readSignatures = (report: ReportRow): Signature[] =>
  report?.signatures ? readJson(signatureList, report.signatures, 'meeting_reports.signatures') : [];

/** The resident an interview is about: its one participant besides its organiser. */
export async function interviewResident(db: Db, m: Pick<Meeting, 'id' | 'organiser_id' | 'org_id'>) {
  return db
    .selectFrom('meeting_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('org_members as om', (j) => j.onRef('om.user_id', '=', 'u.id').on('om.org_id', '=', m.org_id))
    .select(['u.id', 'u.name', 'om.des_year'])
    .where('p.meeting_id', '=', m.id)
    .where('p.user_id', '!=', m.organiser_id)
    .executeTakeFirst();
}

/** The interview part of the report view, as the viewer may read it. */
export async function interviewPart(
  ctx: AppContext,
  m: Meeting,
  role: MeetingRole,
  report: ReportRow,
  readable: boolean,
  open: boolean,
): Promise<z.infer<typeof interviewView>> {
  const framework = await loadFramework(ctx.db, m.programme_id);
  const resident = await interviewResident(ctx.db, m);
  const phase = phaseOf(framework, resident?.des_year ?? null);
  const competencies = framework.competencies.map((c) => {
    const e = phase ? c.expectations[phase.id] : undefined;
    return { id: c.id, label: c.label, expected: e ? { level: e.level, text: e.text } : null };
  });
  let record = readable ? readRecord(report) : null;
  if (readable && !record && role === 'organiser' && open)
    record = {
      competencies: framework.competencies.map((c) => ({ id: c.id, level: null, note: '' })),
      traceIds: [],
      plan: '',
      residentView: '',
    };
  const traces =
    readable && resident
      ? (await tracesOf(ctx.db, m.programme_id, resident.id))
          .filter((t) => t.state !== 'planned')
          .map((t) => ({ id: t.id, title: t.title, period: t.period, state: t.state }))
      : [];
  const hash = readable && report && record ? contentHash(record) : null;
  const signatures = readable ? readSignatures(report) : [];
  const filed = report?.status === 'filed';
  const party = role === 'organiser' || role === 'participant';
  return {
    record,
    hash,
    resident: resident ? { id: resident.id, name: resident.name } : null,
    competencies,
    traces,
    signatures: signatures.map(({ userId: _, ...s }) => ({ ...s, valid: s.hash === hash })),
    signed: hash !== null && bothSigned(signatures, hash),
    can: {
      writeView: readable && filed && role === 'participant',
      sign: readable && filed && party,
    },
  };
}

/**
 * The tutor's grid checked against the programme's framework and the resident's traces, with the
 * resident's view kept; returns the content to store and the signatures that still hold.
 */
export async function interviewContent(
  db: Db,
  m: Meeting,
  existing: ReportRow,
  grid: InterviewGrid | undefined,
  file: boolean,
) {
  if (!grid) throw refuse(400, 'interview_incomplete');
  const framework = await loadFramework(db, m.programme_id);
  const known = new Set(framework.competencies.map((c) => c.id));
  const ids = grid.competencies.map((c) => c.id);
  if (ids.some((id) => !known.has(id)) || new Set(ids).size !== ids.length)
    throw refuse(400, 'unknown_competency');
  const resident = await interviewResident(db, m);
  const theirs = new Set(resident ? (await tracesOf(db, m.programme_id, resident.id)).map((t) => t.id) : []);
  if (grid.traceIds.some((id) => !theirs.has(id))) throw refuse(400, 'unknown_trace');
  if (file && !gridComplete(grid, [...known])) throw refuse(400, 'interview_incomplete');
  const before = readRecord(existing);
  const record: InterviewRecord = {
    competencies: grid.competencies,
    traceIds: [...new Set(grid.traceIds)],
    plan: grid.plan,
    residentView: before?.residentView ?? '',
  };
  return { content: JSON.stringify(record), record, residentId: resident?.id ?? null };
}

/**
 * After the content changed: signatures of another content are void, and so are the levels they
 * put on the competency map.
 */
export async function voidStaleSignatures(
  db: Db,
  m: Meeting,
  before: ReportRow,
  after: InterviewRecord,
  residentId: string | null,
) {
  const was = readRecord(before);
  if (was && contentHash(was) === contentHash(after)) return;
  if (!before?.signatures) return;
  await db.updateTable('meeting_reports').set({ signatures: null }).where('meeting_id', '=', m.id).execute();
  if (residentId) await recordRatings(db, m, residentId, null, new Date());
}

async function interviewFor(ctx: AppContext, actor: UserActor, meetingId: string) {
  const found = await loadMeetingFor(ctx, actor, meetingId);
  if (found.meeting.kind !== INTERVIEW) throw refuse(409, 'not_interview');
  const report = await ctx.db
    .selectFrom('meeting_reports')
    .select(['status', 'content', 'signatures'])
    .where('meeting_id', '=', found.meeting.id)
    .executeTakeFirst();
  if (found.role === 'coordinator') throw forbidden();
  if (report?.status !== 'filed') throw refuse(409, 'report_not_filed');
  return { ...found, report };
}

/** The resident writes their own view of the year; a view changed after a signature voids it. */
export async function writeResidentView(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: z.infer<typeof residentViewBody>,
) {
  const { meeting: m, programme, role, report } = await interviewFor(ctx, actor, meetingId);
  if (role !== 'participant' || programme.archived_at) throw forbidden();
  const record = { ...(readRecord(report) as InterviewRecord), residentView: body.text };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('meeting_reports')
      .set({ content: JSON.stringify(record), updated_at: now.toISOString() })
      .where('meeting_id', '=', m.id)
      .execute();
    await voidStaleSignatures(trx, m, report, record, actor.id);
    await audit(trx, now, {
      orgId: m.org_id,
      actorId: actor.id,
      action: 'meeting.interview_view_written',
      subjectType: 'meeting',
      subjectId: m.id,
    });
  });
}

/**
 * The tutor or the resident signs the report as they read it: their typed full name (matched
 * loosely to their name), their consent, the time, and the hash of the content. Once both have
 * signed the same content, its levels go on the resident's competency map.
 */
export async function signInterview(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: z.infer<typeof signBody>,
) {
  const { meeting: m, role, report } = await interviewFor(ctx, actor, meetingId);
  const record = readRecord(report) as InterviewRecord;
  const hash = contentHash(record);
  if (body.hash !== hash) throw refuse(409, 'report_changed');
  if (!sameName(body.name, actor.name)) throw refuse(400, 'signature_name', { name: actor.name });
  const now = ctx.clock.now();
  const signer: Signature['role'] = role === 'organiser' ? 'tutor' : 'resident';
  const signatures = [
    ...readSignatures(report).filter((s) => s.role !== signer && s.hash === hash),
    { role: signer, userId: actor.id, name: body.name, signedAt: now.toISOString(), hash },
  ];
  const resident = await interviewResident(ctx.db, m);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('meeting_reports')
      .set({ signatures: JSON.stringify(signatures) })
      .where('meeting_id', '=', m.id)
      .execute();
    const both = bothSigned(signatures, hash);
    if (resident && both) await recordRatings(trx, m, resident.id, record, now);
    const other = signer === 'tutor' ? resident?.id : m.organiser_id;
    if (other && !both)
      await notify(
        trx,
        {
          userId: other,
          orgId: m.org_id,
          kind: 'message',
          key: `interview:signed:${m.id}:${signer}:${hash}`,
          link: `/rencontres/${m.id}`,
          content: interviewNotice('signed', { name: actor.name, title: m.title }),
        },
        now,
      );
    await audit(trx, now, {
      orgId: m.org_id,
      actorId: actor.id,
      action: 'meeting.interview_signed',
      subjectType: 'meeting',
      subjectId: m.id,
    });
  });
}

/** The resident is told when their interview's report is first filed: to read, add their view, sign. */
export async function tellFiled(db: Db, m: Meeting, residentId: string | null, tutorName: string, now: Date) {
  if (!residentId) return;
  await notify(
    db,
    {
      userId: residentId,
      orgId: m.org_id,
      kind: 'message',
      key: `interview:filed:${m.id}`,
      link: `/rencontres/${m.id}`,
      content: interviewNotice('filed', { tutor: tutorName, title: m.title }),
    },
    now,
  );
}
