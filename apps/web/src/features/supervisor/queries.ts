import type {
  feedbackBody,
  inviteBody,
  supervisorPage,
  supervisorRequestView,
  supervisorsView,
} from '@compagnon/server/modules/portfolio/supervisor-schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type Supervisors = z.infer<typeof supervisorsView>;
export type SupervisorRequest = z.infer<typeof supervisorRequestView>;
export type SupervisorPageData = z.infer<typeof supervisorPage>;
export type Invite = z.input<typeof inviteBody>;
export type Feedback = z.input<typeof feedbackBody>;
export type Level = 'novice' | 'intermediate' | 'competent';
export const levels: Level[] = ['novice', 'intermediate', 'competent'];

const keys = {
  list: (programmeId: string, residentId: string) => ['supervisors', programmeId, residentId] as const,
  page: (token: string) => ['supervisor-page', token] as const,
};

const base = (programmeId: string, residentId: string) =>
  `/api/programmes/${programmeId}/portfolio/residents/${residentId}/supervisors`;

/** A resident's internship supervisors, for the resident and their tutor. */
export const useSupervisors = (programmeId: string, residentId: string) =>
  useQuery({
    queryKey: keys.list(programmeId, residentId),
    queryFn: () => api.get<Supervisors>(base(programmeId, residentId)),
  });

function useListChange<V>(programmeId: string, residentId: string, fn: (v: V) => Promise<SupervisorRequest>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.list(programmeId, residentId) }),
  });
}

export const useInviteSupervisor = (programmeId: string, residentId: string) =>
  useListChange(programmeId, residentId, (body: Invite) =>
    api.post<SupervisorRequest>(base(programmeId, residentId), body),
  );

export const useShareTraces = (programmeId: string, residentId: string) =>
  useListChange(programmeId, residentId, (v: { requestId: string; traceIds: string[] }) =>
    api.put<SupervisorRequest>(`/api/portfolio/supervisors/${v.requestId}/shares`, { traceIds: v.traceIds }),
  );

/** The supervisor's page, behind their private link: no account. */
export const useSupervisorPage = (token: string) =>
  useQuery({
    queryKey: keys.page(token),
    queryFn: () => api.get<SupervisorPageData>(`/api/portfolio/supervisor/${token}`),
    enabled: token.length > 0,
    retry: false,
  });

export function useSubmitFeedback(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Feedback) =>
      api.post<SupervisorPageData>(`/api/portfolio/supervisor/${token}/feedback`, body),
    onSuccess: (data) => qc.setQueryData(keys.page(token), data),
  });
}

/** A calendar day in words: "14 décembre 2026". */
export function dayLabel(day: string, lang: string) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day.slice(0, 10)}T12:00:00Z`));
}
