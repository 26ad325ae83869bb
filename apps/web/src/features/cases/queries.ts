import type { CaseBody, CaseView, caseListView } from '@compagnon/server/modules/cases/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type { CaseBody, CaseView };
export type CaseList = z.infer<typeof caseListView>;

const keys = {
  all: ['team-cases'] as const,
  list: (orgId: string) => ['team-cases', 'list', orgId] as const,
  one: (id: string) => ['team-cases', 'one', id] as const,
};

/** The cases of the person's team in an organisation. */
export const useCases = (orgId: string) =>
  useQuery({ queryKey: keys.list(orgId), queryFn: () => api.get<CaseList>(`/api/orgs/${orgId}/team-cases`) });

export const useCase = (id: string, enabled = true) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => api.get<CaseView>(`/api/team-cases/${id}`), enabled });

function useCaseMutation<V, R = unknown>(fn: (v: V) => Promise<R>, options: MutationCallbacks<R, V> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: fn,
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: keys.all });
      await options.onSuccess?.(...args);
    },
  });
}

export const useBringCase = (orgId: string, options: MutationCallbacks<{ id: string }, CaseBody> = {}) =>
  useCaseMutation(
    (body: CaseBody) => api.post<{ id: string }>(`/api/orgs/${orgId}/team-cases`, body),
    options,
  );

export const useCaseReply = (id: string, options: MutationCallbacks<unknown, string> = {}) =>
  useCaseMutation((body: string) => api.post(`/api/team-cases/${id}/messages`, { body }), options);

export const useDecide = (id: string, options: MutationCallbacks<unknown, string> = {}) =>
  useCaseMutation((decision: string) => api.post(`/api/team-cases/${id}/decision`, { decision }), options);

export const useReopen = (id: string, options: MutationCallbacks = {}) =>
  useCaseMutation(() => api.post(`/api/team-cases/${id}/reopen`), options);

export const useShareCase = (id: string, options: MutationCallbacks<unknown, boolean> = {}) =>
  useCaseMutation((shared: boolean) => api.put(`/api/team-cases/${id}/share`, { shared }), options);
