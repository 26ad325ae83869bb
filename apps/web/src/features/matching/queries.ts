import type {
  assignBody,
  constraintBody,
  lockBody,
  roundBody,
  transitionBody,
} from '@compagnon/server/modules/matching/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import type { Mine, Mode, Overview, PairingEvent, Weights } from './types';

export const overviewKey = (id: string) => ['matching', id] as const;
export const mineKey = (id: string) => ['matching', id, 'mine'] as const;

const base = (programmeId: string) => `/api/programmes/${programmeId}/matching`;

export function useOverview(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: overviewKey(programmeId),
    queryFn: () => api.get<Overview>(base(programmeId)),
    enabled,
  });
}

export function useMine(programmeId: string) {
  return useQuery({
    queryKey: mineKey(programmeId),
    queryFn: () => api.get<Mine>(`${base(programmeId)}/mine`),
  });
}

export function useHistory(pairingId: string | null) {
  return useQuery({
    queryKey: ['pairing-history', pairingId],
    queryFn: () => api.get<PairingEvent[]>(`/api/pairings/${pairingId}/history`),
    enabled: !!pairingId,
  });
}

/**
 * A change to the draft or the round: the server answers with the fresh overview, put straight in
 * the cache (after the component's own `onSuccess`); the people list is read again.
 */
function useOverviewMutation<B, R extends Overview = Overview>(
  programmeId: string,
  request: (body: B) => Promise<R>,
  options: MutationCallbacks<R, B> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: request,
    onSuccess: (data, ...rest) => {
      options.onSuccess?.(data, ...rest);
      qc.setQueryData(overviewKey(programmeId), data);
      void qc.invalidateQueries({ queryKey: ['people', programmeId] });
    },
  });
}

/** Saves the criteria weights, then runs the matching in that mode. */
export const useRunMatching = (programmeId: string) =>
  useOverviewMutation(programmeId, async ({ mode, weights }: { mode: Mode; weights: Weights }) => {
    await api.put(`${base(programmeId)}/weights`, weights);
    return api.post<Overview>(`${base(programmeId)}/runs`, { mode });
  });

export const useAssign = (programmeId: string) =>
  useOverviewMutation(programmeId, (b: z.input<typeof assignBody>) =>
    api.post<Overview>(`${base(programmeId)}/draft/assign`, b),
  );

export const useLock = (programmeId: string) =>
  useOverviewMutation(programmeId, (b: z.input<typeof lockBody>) =>
    api.post<Overview>(`${base(programmeId)}/draft/lock`, b),
  );

/** The publish answer adds how many pairings were published (the server's schema is inline in its route). */
export type Published = Overview & { published: number };

export const usePublishDraft = (programmeId: string, options: MutationCallbacks<Published, void> = {}) =>
  useOverviewMutation(programmeId, () => api.post<Published>(`${base(programmeId)}/draft/publish`), options);

export const useDiscardDraft = (programmeId: string) =>
  useOverviewMutation(programmeId, () => api.delete<Overview>(`${base(programmeId)}/draft`));

export const useCloseRound = (programmeId: string) =>
  useOverviewMutation(programmeId, () => api.post<Overview>(`${base(programmeId)}/rounds/current/close`));

export const useOpenRound = (programmeId: string) =>
  useOverviewMutation(programmeId, (b: z.input<typeof roundBody>) =>
    api.post<Overview>(`${base(programmeId)}/rounds`, b),
  );

/** Everything the programme's matching shows is read again. */
function useInvalidateMatching(programmeId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['matching', programmeId] });
}

export type NewConstraint = z.input<typeof constraintBody>;

/** A constraint added; the matching is read again before the mutation settles. */
export function useAddConstraint(
  programmeId: string,
  options: MutationCallbacks<unknown, NewConstraint> = {},
) {
  const refresh = useInvalidateMatching(programmeId);
  return useMutation({
    ...options,
    mutationFn: (body: NewConstraint) => api.post(`${base(programmeId)}/constraints`, body),
    onSuccess: async (...args) => {
      options.onSuccess?.(...args);
      await refresh();
    },
  });
}

export function useRemoveConstraint(programmeId: string) {
  const refresh = useInvalidateMatching(programmeId);
  return useMutation({
    mutationFn: (id: string) => api.delete(`${base(programmeId)}/constraints/${id}`),
    onSuccess: () => refresh(),
  });
}

export type Transition = { id: string } & Pick<z.input<typeof transitionBody>, 'to'> & { reason?: string };

/** A live pairing moved (paused, resumed, ended…) by the coordinator. */
export function useTransitionPairing(
  programmeId: string,
  options: MutationCallbacks<unknown, Transition> = {},
) {
  const refresh = useInvalidateMatching(programmeId);
  return useMutation({
    ...options,
    mutationFn: (b: Transition) =>
      api.post(`/api/pairings/${b.id}/transition`, { to: b.to, reason: b.reason ?? null }),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      void refresh();
    },
  });
}

/** The coordinator takes back the end of a pairing while it may still be undone. */
export function useUndoPairingEnd(programmeId: string) {
  const refresh = useInvalidateMatching(programmeId);
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/pairings/${id}/undo-end`, {}),
    onSuccess: () => void refresh(),
  });
}

export type MyPairingAction = { kind: 'repair'; id: string; reason: string } | { kind: 'optOut'; id: string };

/** A tutor or tutee asks for a new pairing, or leaves one; their own matching is read again. */
export function useMyPairingAction(
  programmeId: string,
  options: MutationCallbacks<unknown, MyPairingAction> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (b: MyPairingAction) =>
      b.kind === 'repair'
        ? api.post(`/api/pairings/${b.id}/repair-request`, { reason: b.reason })
        : api.post(`/api/pairings/${b.id}/transition`, { to: 'ended' }),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      void qc.invalidateQueries({ queryKey: mineKey(programmeId) });
    },
  });
}

/** A choice round ranking saved; the answer is the fresh "mine", put in the cache. */
export function useSaveRanking(programmeId: string, options: MutationCallbacks<Mine, string[]> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (ranking: string[]) =>
      api.put<Mine>(`${base(programmeId)}/rounds/current/ranking`, { ranking }),
    onSuccess: (data, ...rest) => {
      qc.setQueryData(mineKey(programmeId), data);
      options.onSuccess?.(data, ...rest);
    },
  });
}
