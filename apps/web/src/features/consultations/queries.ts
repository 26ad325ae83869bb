import type {
  AskBody,
  ConsultationItem,
  ConsultationView,
  listView,
  optionsView,
} from '@compagnon/server/modules/consultations/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type { AskBody, ConsultationItem, ConsultationView };
export type Consultations = z.infer<typeof listView>;
export type AskOptions = z.infer<typeof optionsView>;

const keys = {
  all: ['consultations'] as const,
  list: (orgId: string) => ['consultations', 'list', orgId] as const,
  options: (orgId: string) => ['consultations', 'options', orgId] as const,
  one: (id: string) => ['consultations', 'one', id] as const,
};

/** What the person asked and what they were asked, in an organisation. */
export const useConsultations = (orgId: string) =>
  useQuery({
    queryKey: keys.list(orgId),
    queryFn: () => api.get<Consultations>(`/api/orgs/${orgId}/consultations`),
  });

/** The form's choices: programmes, experts, the tutees the person may discuss. */
export const useAskOptions = (orgId: string) =>
  useQuery({
    queryKey: keys.options(orgId),
    queryFn: () => api.get<AskOptions>(`/api/orgs/${orgId}/consultations/options`),
    retry: false,
  });

export const useConsultation = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => api.get<ConsultationView>(`/api/consultations/${id}`) });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.all });
}

export function useAsk(orgId: string, options: MutationCallbacks<{ id: string }, AskBody> = {}) {
  const refresh = useRefresh();
  return useMutation({
    ...options,
    mutationFn: (body: AskBody) => api.post<{ id: string }>(`/api/orgs/${orgId}/consultations`, body),
    onSuccess: async (...args) => {
      await refresh();
      await options.onSuccess?.(...args);
    },
  });
}

export function useReplyTo(id: string, options: MutationCallbacks<unknown, string> = {}) {
  const refresh = useRefresh();
  return useMutation({
    ...options,
    mutationFn: (body: string) => api.post(`/api/consultations/${id}/messages`, { body }),
    onSuccess: async (...args) => {
      await refresh();
      await options.onSuccess?.(...args);
    },
  });
}

export function useCloseConsultation(id: string, options: MutationCallbacks = {}) {
  const refresh = useRefresh();
  return useMutation({
    ...options,
    mutationFn: () => api.post(`/api/consultations/${id}/close`),
    onSuccess: async (...args) => {
      await refresh();
      await options.onSuccess?.(...args);
    },
  });
}
