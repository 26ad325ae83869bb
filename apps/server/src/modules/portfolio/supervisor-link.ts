import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { dayIn } from '../../domain/days.ts';
import { refuse } from '../../http/errors.ts';
import { defineJob } from '../../jobs/registry.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { messageIdFor, notify } from '../../notify/notify.ts';
import { audit } from '../audit/service.ts';
import { phaseOf } from './framework.ts';
import { loadFramework, loadProgramme, loadResident, portfolioEnabled } from './queries.ts';
import { semesterDays } from './schedule.ts';
import { type Feedback, feedbackBody, type supervisorPage } from './supervisor-schema.ts';
import { portfolioNotice, portfolioTexts, wordedDay } from './texts.ts';

// The supervisor's private link: made when the e-mail is sent, stored hashed, valid until the
// request expires. It opens one request: the resident's name, the internship, the competencies
// with what the resident's phase expects, the traces the resident shared — nothing else.

/** The e-mail that brings the supervisor their link, once per request. */
export const supervisorMail = defineJob(
  'portfolio.supervisor-mail',
  z.object({ requestId: z.string() }),
  async ({ ctx, now, payload }) => {
    const row = await requestRow(ctx, payload.requestId);
    if (!row || row.submitted_at || row.expires_at <= now.toISOString()) return;
    const key = `portfolio.supervisor:${row.id}`;
    await deliverOnce(
      ctx.db,
      now,
      { key, orgId: row.org_id, channel: 'email', kind: 'portfolio.supervisor' },
      () => sendSupervisorMail(ctx, row, key),
    );
  },
);

const requestRow = (ctx: AppContext, id: string) =>
  ctx.db
    .selectFrom('supervisor_requests as r')
    .leftJoin('users as u', 'u.id', 'r.invited_by')
    .selectAll('r')
    .select('u.name as inviter_name')
    .where('r.id', '=', id)
    .executeTakeFirst();
type Row = NonNullable<Awaited<ReturnType<typeof requestRow>>>;

async function sendSupervisorMail(ctx: AppContext, row: Row, key: string): Promise<'sent' | 'skipped'> {
  const programme = await loadProgramme(ctx.db, row.programme_id);
  if (!programme || !portfolioEnabled(programme)) return 'skipped';
  const resident = await loadResident(ctx.db, programme, row.resident_id);
  if (!resident) return 'skipped';
  const token = newSecret();
  await ctx.db
    .updateTable('supervisor_requests')
    .set({ token_hash: hashSecret(token) })
    .where('id', '=', row.id)
    .execute();
  const link = `${ctx.config.publicUrl}/maitre-de-stage/${token}`;
  const until = wordedDay(dayIn(new Date(row.expires_at), programme.time_zone));
  // The supervisor has no account: the message in French, then in English.
  const text = (['fr', 'en'] as const)
    .map((lang) => {
      const t = portfolioTexts(lang);
      const values = {
        name: row.name,
        inviter: row.inviter_name ?? resident.name,
        resident: resident.name,
        programme: programme.name,
        period: row.period,
        site: row.site ? `, ${row.site}` : '',
        until: until(lang),
      };
      return [
        t('supervisorMail.greeting', values),
        t('supervisorMail.intro', values),
        t('supervisorMail.what', values),
        `${t('supervisorMail.link', values)}\n${link}`,
        t('supervisorMail.traces', values),
      ].join('\n\n');
    })
    .join('\n\n— — —\n\n');
  await ctx.mailer.send({
    to: row.email,
    subject: portfolioTexts('fr')('supervisorMail.subject', { resident: resident.name }),
    text,
    headers: { 'Message-ID': messageIdFor(key) },
  });
  return 'sent';
}

/** The request a supervisor's link opens, while it is valid, with its programme and resident. */
async function requestByToken(ctx: AppContext, token: string) {
  const found = await ctx.db
    .selectFrom('supervisor_requests')
    .select('id')
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  const row = found ? await requestRow(ctx, found.id) : undefined;
  if (!row || row.expires_at <= ctx.clock.now().toISOString()) throw refuse(404, 'supervisor_link_stale');
  const programme = await loadProgramme(ctx.db, row.programme_id);
  if (!programme || !portfolioEnabled(programme)) throw refuse(404, 'supervisor_link_stale');
  const resident = await loadResident(ctx.db, programme, row.resident_id);
  if (!resident) throw refuse(404, 'supervisor_link_stale');
  return { row, programme, resident };
}

/** The last sent version of each trace shared with this request, and of no other. */
async function sharedTraces(ctx: AppContext, requestId: string) {
  const rows = await ctx.db
    .selectFrom('supervisor_shares as s')
    .innerJoin('portfolio_traces as t', 't.id', 's.trace_id')
    .innerJoin('portfolio_versions as v', 'v.trace_id', 't.id')
    .select(['t.id', 't.title', 't.type_id', 'v.number', 'v.body', 'v.submitted_at'])
    .where('s.request_id', '=', requestId)
    .where('v.submitted_at', 'is not', null)
    .orderBy('s.shared_at')
    .orderBy('t.id')
    .orderBy('v.number', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

export async function supervisorView(
  ctx: AppContext,
  token: string,
): Promise<z.infer<typeof supervisorPage>> {
  const { row, programme, resident } = await requestByToken(ctx, token);
  const framework = await loadFramework(ctx.db, programme.id);
  const phase = phaseOf(framework, resident.des_year);
  const traces = await sharedTraces(ctx, row.id);
  return {
    supervisor: { name: row.name },
    resident: { name: resident.name },
    programme: { name: programme.name },
    internship: { period: row.period, ...semesterDays(row.period), site: row.site },
    phase: phase ? { id: phase.id, label: phase.label } : null,
    competencies: framework.competencies.map((c) => {
      const e = phase ? c.expectations[phase.id] : undefined;
      return { id: c.id, label: c.label, expected: e ? { level: e.level, text: e.text } : null };
    }),
    traces: traces.map((t) => ({
      id: t.id,
      title: t.title,
      typeLabel: framework.traceTypes.find((x) => x.id === t.type_id)?.label ?? t.type_id,
      version: t.number,
      body: t.body,
      submittedAt: t.submitted_at as string,
    })),
    expiresAt: row.expires_at,
    feedback: row.feedback ? readJson(feedbackBody, row.feedback, 'supervisor_requests.feedback') : null,
    submittedAt: row.submitted_at,
  };
}

/** The supervisor's feedback, once; each level goes on the resident's competency map. */
export async function submitFeedback(ctx: AppContext, token: string, body: Feedback) {
  const { row, programme, resident } = await requestByToken(ctx, token);
  if (row.submitted_at) throw refuse(409, 'feedback_given');
  const framework = await loadFramework(ctx.db, programme.id);
  const known = new Set(framework.competencies.map((c) => c.id));
  const ids = body.competencies.map((c) => c.id);
  if (ids.some((id) => !known.has(id)) || new Set(ids).size !== ids.length)
    throw refuse(400, 'unknown_competency');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('supervisor_requests')
      .set({ feedback: JSON.stringify(body), submitted_at: now })
      .where('id', '=', row.id)
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw refuse(409, 'feedback_given');
    for (const c of body.competencies)
      await trx
        .insertInto('competency_ratings')
        .values({
          id: newId(),
          org_id: row.org_id,
          programme_id: row.programme_id,
          resident_id: row.resident_id,
          competency_id: c.id,
          level: c.level,
          source: 'supervisor',
          source_id: row.id,
          rated_by: null,
          rated_at: now,
        })
        .execute();
    // The resident and their tutor are told; the coordination is not.
    const content = portfolioNotice('supervisorFeedback', {
      supervisor: row.name,
      resident: resident.name,
      period: row.period,
    });
    for (const userId of [resident.id, resident.tutor?.id].filter((x): x is string => !!x))
      await notify(
        trx,
        {
          userId,
          orgId: row.org_id,
          kind: 'message',
          key: `portfolio:supervisor-feedback:${row.id}:${userId}`,
          link: `/portfolio/${row.programme_id}/${resident.id}`,
          content,
        },
        new Date(now),
      );
    await audit(trx, new Date(now), {
      orgId: row.org_id,
      action: 'portfolio.supervisor_feedback',
      subjectType: 'user',
      subjectId: row.resident_id,
      meta: { requestId: row.id },
    });
  });
  return supervisorView(ctx, token);
}
