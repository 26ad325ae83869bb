import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { capacityOf } from '../matching/queries.ts';
import { rulesOf } from '../programmes/templates.ts';

// The shared caseload of a team: for each member, their live tutees in the team's programme against
// their capacity (their membership's, else the programme's), the open follow-up alerts on those
// tutees, and the portfolio traces waiting for their review where the programme has a portfolio.

export interface Load {
  tutees: number;
  capacity: number;
  alerts: number;
  traces: number | null;
}

export async function caseloadOf(db: Db, p: Programme, memberIds: string[]) {
  const rules = rulesOf(p);
  const empty = () => ({ load: { tutees: 0, capacity: 0, alerts: 0, traces: null } as Load, tutees: [] });
  const out = new Map<string, { load: Load; tutees: { pairingId: string; id: string; name: string }[] }>();
  for (const id of memberIds) out.set(id, empty());
  if (memberIds.length === 0) return out;
  const [capacities, pairings, alerts, traces] = await Promise.all([
    db
      .selectFrom('memberships')
      .select(['user_id', 'capacity'])
      .where('programme_id', '=', p.id)
      .where('user_id', 'in', memberIds)
      .where('role', '=', 'tutor')
      .where('ended_at', 'is', null)
      .execute(),
    db
      .selectFrom('pairings as pr')
      .innerJoin('users as u', 'u.id', 'pr.tutee_user_id')
      .select(['pr.id', 'pr.tutor_user_id', 'u.id as tutee_id', 'u.name'])
      .where('pr.programme_id', '=', p.id)
      .where('pr.tutor_user_id', 'in', memberIds)
      .where('pr.state', 'in', LIVE_PAIRING_STATES)
      .orderBy('u.name')
      .execute(),
    db
      .selectFrom('followup_alerts as a')
      .innerJoin('pairings as pr', 'pr.id', 'a.pairing_id')
      .select(['pr.tutor_user_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('a.programme_id', '=', p.id)
      .where('a.state', 'in', ['open', 'snoozed'])
      .where('pr.tutor_user_id', 'in', memberIds)
      .where('pr.state', 'in', LIVE_PAIRING_STATES)
      .groupBy('pr.tutor_user_id')
      .execute(),
    rules.portfolioEnabled
      ? db
          .selectFrom('portfolio_traces')
          .select(['reviewer_id', (eb) => eb.fn.countAll<string | number>().as('n')])
          .where('programme_id', '=', p.id)
          .where('state', '=', 'submitted')
          .where('reviewer_id', 'in', memberIds)
          .groupBy('reviewer_id')
          .execute()
      : Promise.resolve([]),
  ]);
  for (const [id, m] of out) {
    const own = capacities.find((c) => c.user_id === id);
    m.load.capacity = own ? capacityOf(rules, own.capacity) : 0;
    m.load.traces = rules.portfolioEnabled ? 0 : null;
  }
  for (const r of pairings) {
    const m = out.get(r.tutor_user_id);
    if (!m) continue;
    m.tutees.push({ pairingId: r.id, id: r.tutee_id, name: r.name });
    m.load.tutees = m.tutees.length;
  }
  for (const r of alerts) {
    const m = out.get(r.tutor_user_id);
    if (m) m.load.alerts = Number(r.n);
  }
  for (const r of traces) {
    const m = r.reviewer_id ? out.get(r.reviewer_id) : undefined;
    if (m) m.load.traces = Number(r.n);
  }
  return out;
}
