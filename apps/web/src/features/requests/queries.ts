import type {
  joinBody,
  joinPageView,
  linkView,
  queueView,
  submittedView,
} from '@compagnon/server/modules/requests/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type JoinPage = z.infer<typeof joinPageView>;
export type JoinForm = z.input<typeof joinBody>;
export type Submitted = z.infer<typeof submittedView>;
export type LinkPage = z.infer<typeof linkView>;
export type Queue = z.infer<typeof queueView>;
export type QueueItem = Queue['requests'][number];

const keys = {
  page: (programmeId: string) => ['join-page', programmeId] as const,
  link: (token: string) => ['join-link', token] as const,
  queue: (programmeId: string) => ['join-requests', programmeId] as const,
};

/** A programme's public page, while it takes requests (404 otherwise). */
export const useJoinPage = (programmeId: string) =>
  useQuery({
    queryKey: keys.page(programmeId),
    queryFn: () => api.get<JoinPage>(`/api/join/${programmeId}`),
    retry: false,
  });

export const useSubmitRequest = (programmeId: string) =>
  useMutation({ mutationFn: (body: JoinForm) => api.post<Submitted>(`/api/join/${programmeId}`, body) });

/** The person's request behind their private link. */
export const useLinkPage = (token: string) =>
  useQuery({
    queryKey: keys.link(token),
    queryFn: () => api.get<LinkPage>(`/api/join-link/${token}`),
    enabled: token.length > 0,
    retry: false,
  });

export function useLinkAction(token: string, action: 'confirm' | 'withdraw') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<LinkPage>(`/api/join-link/${token}/${action}`),
    onSuccess: (data) => qc.setQueryData(keys.link(token), data),
  });
}

/** The coordination's queue of a programme. */
export const useQueue = (programmeId: string) =>
  useQuery({
    queryKey: keys.queue(programmeId),
    queryFn: () => api.get<Queue>(`/api/programmes/${programmeId}/join-requests`),
  });

export function useSetOpen(programmeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (open: boolean) =>
      api.put<Queue>(`/api/programmes/${programmeId}/join-requests/settings`, { open }),
    onSuccess: (data) => qc.setQueryData(keys.queue(programmeId), data),
  });
}

export function useDecide(programmeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; decision: 'accept' | 'decline'; text: string }) =>
      api.post(
        `/api/programmes/${programmeId}/join-requests/${v.id}/${v.decision}`,
        v.decision === 'accept' ? { overrideReason: v.text || null } : { message: v.text || null },
      ),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.queue(programmeId) });
      qc.invalidateQueries({ queryKey: ['people', programmeId] });
    },
  });
}

/** A calendar day in words: "14 décembre 2026". */
export function dayLabel(iso: string, lang: string) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: iso.length === 10 ? 'UTC' : undefined,
  }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}
