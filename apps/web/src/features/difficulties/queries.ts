import type {
  DifficultyItem,
  DifficultyState,
  DifficultyView,
  inboxView,
  mineView,
  RaiseBody,
} from '@compagnon/server/modules/difficulties/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type { DifficultyItem, DifficultyState, DifficultyView, RaiseBody };
export type Mine = z.infer<typeof mineView>;
export type Inbox = z.infer<typeof inboxView>;

export const difficultyCategories = [
  'harassment',
  'internship',
  'nights',
  'workload',
  'other',
  'pair',
] as const;
export const difficultyStates = ['new', 'acknowledged', 'in_progress', 'closed'] as const;

const keys = {
  all: ['difficulties'] as const,
  mine: (orgId: string) => ['difficulties', 'mine', orgId] as const,
  inbox: (orgId: string, state: DifficultyState | null) => ['difficulties', 'inbox', orgId, state] as const,
  one: (id: string) => ['difficulties', 'one', id] as const,
};

/** The difficulties the person raised in an organisation, where they may raise one, and whether an inbox is theirs. */
export const useMyDifficulties = (orgId: string) =>
  useQuery({
    queryKey: keys.mine(orgId),
    queryFn: () => api.get<Mine>(`/api/orgs/${orgId}/difficulties/mine`),
  });

/** The coordination's inbox, all states or one. */
export const useInbox = (orgId: string, state: DifficultyState | null) =>
  useQuery({
    queryKey: keys.inbox(orgId, state),
    queryFn: () => api.get<Inbox>(`/api/orgs/${orgId}/difficulties/inbox${state ? `?state=${state}` : ''}`),
  });

export const useDifficulty = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => api.get<DifficultyView>(`/api/difficulties/${id}`) });

/** Whatever changed, every list and the difficulty are read again. */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.all });
}

export function useRaise(
  options: MutationCallbacks<{ id: string }, RaiseBody & { programmeId: string }> = {},
) {
  const refresh = useRefresh();
  return useMutation({
    ...options,
    mutationFn: ({ programmeId, ...body }: RaiseBody & { programmeId: string }) =>
      api.post<{ id: string }>(`/api/programmes/${programmeId}/difficulties`, body),
    onSuccess: async (...args) => {
      await refresh();
      await options.onSuccess?.(...args);
    },
  });
}

export function useReply(id: string, options: MutationCallbacks<unknown, string> = {}) {
  const refresh = useRefresh();
  return useMutation({
    ...options,
    mutationFn: (body: string) => api.post(`/api/difficulties/${id}/messages`, { body }),
    onSuccess: async (...args) => {
      await refresh();
      await options.onSuccess?.(...args);
    },
  });
}

export function useMoveState(
  id: string,
  options: MutationCallbacks<unknown, { to: DifficultyState; note?: string }> = {},
) {
  const refresh = useRefresh();
  return useMutation({
    ...options,
    mutationFn: (body: { to: DifficultyState; note?: string }) =>
      api.post(`/api/difficulties/${id}/state`, body),
    onSuccess: async (...args) => {
      await refresh();
      await options.onSuccess?.(...args);
    },
  });
}

export function useForward(
  id: string,
  options: MutationCallbacks<unknown, { orgId: string; text: string }> = {},
) {
  const refresh = useRefresh();
  return useMutation({
    ...options,
    mutationFn: (body: { orgId: string; text: string }) => api.post(`/api/difficulties/${id}/forward`, body),
    onSuccess: async (...args) => {
      await refresh();
      await options.onSuccess?.(...args);
    },
  });
}
