import type { AppContext } from '../context.ts';
import { hashSecret, newId, newSecret } from '../lib/ids.ts';

/** Opens a programme's public page to requests, as its coordination's switch does. */
export async function openRequests(ctx: AppContext, programmeId: string) {
  await ctx.db
    .insertInto('join_request_pages')
    .values({
      programme_id: programmeId,
      open: 1,
      updated_at: ctx.clock.now().toISOString(),
      updated_by: null,
    })
    .onConflict((oc) => oc.column('programme_id').doUpdateSet({ open: 1 }))
    .execute();
}

/** A request to join, confirmed and waiting for the coordination (as the public form and link leave it); its link's secret. */
export async function joinRequest(
  ctx: AppContext,
  o: {
    programme: { id: string; orgId: string };
    email?: string;
    name?: string;
    role?: 'tutee' | 'tutor';
    eligible?: boolean;
    state?: 'unconfirmed' | 'pending';
  },
): Promise<{ id: string; token: string; email: string }> {
  const id = newId();
  const token = newSecret();
  const at = ctx.clock.now().toISOString();
  const email = o.email ?? `demande-${id.slice(-8)}@example.org`;
  const state = o.state ?? 'pending';
  await ctx.db
    .insertInto('join_requests')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      name: o.name ?? 'Camille Demande',
      email,
      phone: null,
      locale: 'fr',
      role: o.role ?? 'tutee',
      profession: 'Médecin généraliste',
      place: 'Corbie',
      installed_on: '2026-09-01',
      practising_since: null,
      needs: 'Organiser mon cabinet et mes gardes.',
      availability: 'Le jeudi soir',
      preferences: '',
      eligible: o.eligible === false ? 0 : 1,
      eligibility: '[]',
      state,
      token_hash: hashSecret(token),
      created_at: at,
      confirmed_at: state === 'pending' ? at : null,
      decided_at: null,
      decision: null,
      decided_by: null,
      override_reason: null,
      decline_message: null,
      withdrawn_at: null,
      user_id: null,
      membership_id: null,
    })
    .execute();
  return { id, token, email };
}
