import type { myErasureView, pendingErasureView } from '@compagnon/server/modules/rights/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type MyErasure = z.infer<typeof myErasureView>;
export type PendingErasure = z.infer<typeof pendingErasureView>;

const myErasureKey = ['rights', 'erasure'] as const;
const pendingKey = (orgId: string) => ['rights', 'pending', orgId] as const;

export const exportUrl = (format: 'json' | 'pdf') => `/api/me/data/export.${format}`;

export function useMyErasure() {
  return useQuery({ queryKey: myErasureKey, queryFn: () => api.get<MyErasure>('/api/me/data/erasure') });
}

/** Asks for erasure (password or typed word); the answer is the request's new state. */
export function useRequestErasure(
  options: MutationCallbacks<MyErasure, { password?: string; confirmation?: string }> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (body: { password?: string; confirmation?: string }) =>
      api.post<MyErasure>('/api/me/data/erasure', body),
    onSuccess: async (...args) => {
      qc.setQueryData(myErasureKey, args[0]);
      await options.onSuccess?.(...args);
    },
  });
}

export function useCancelErasure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<MyErasure>('/api/me/data/erasure'),
    onSuccess: (fresh) => qc.setQueryData(myErasureKey, fresh),
  });
}

export function usePendingErasures(orgId: string) {
  return useQuery({
    queryKey: pendingKey(orgId),
    queryFn: () => api.get<PendingErasure[]>(`/api/orgs/${orgId}/erasure-requests`),
  });
}

/** An admin's decision: confirm, or decline with a reason the person will read. */
export function useDecideErasure(
  orgId: string,
  options: MutationCallbacks<unknown, { id: string; reason?: string }> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      reason === undefined
        ? api.post(`/api/orgs/${orgId}/erasure-requests/${id}/confirm`)
        : api.post(`/api/orgs/${orgId}/erasure-requests/${id}/decline`, { reason }),
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: pendingKey(orgId) });
      await options.onSuccess?.(...args);
    },
  });
}
