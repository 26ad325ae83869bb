import type {
  programmeTraining,
  sessionBody,
  sessionDetail,
  sessionView,
} from '@compagnon/server/modules/training/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type ProgrammeTraining = z.infer<typeof programmeTraining>;
export type TrainingSession = z.infer<typeof sessionView>;
export type SessionDetail = z.infer<typeof sessionDetail>;
export type SessionForm = z.input<typeof sessionBody>;

const keys = {
  programme: (programmeId: string) => ['training', 'programme', programmeId] as const,
  session: (sessionId: string) => ['training', 'session', sessionId] as const,
};

/** A programme's sessions as the viewer may see them (and, for its coordination, the untrained tutors). */
export const useProgrammeTraining = (programmeId: string) =>
  useQuery({
    queryKey: keys.programme(programmeId),
    queryFn: () => api.get<ProgrammeTraining>(`/api/programmes/${programmeId}/training`),
  });

export const useSession = (sessionId: string) =>
  useQuery({
    queryKey: keys.session(sessionId),
    queryFn: () => api.get<SessionDetail>(`/api/training/${sessionId}`),
    retry: false,
  });

/** Every change refreshes every training view: counts and places move together. */
function useTrainingMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['training'] }),
  });
}

export const useCreateSession = (programmeId: string) =>
  useTrainingMutation((body: SessionForm) =>
    api.post<{ id: string }>(`/api/programmes/${programmeId}/training`, body),
  );

export const useUpdateSession = (sessionId: string) =>
  useTrainingMutation((body: SessionForm) => api.put(`/api/training/${sessionId}`, body));

export const useCancelSession = (sessionId: string) =>
  useTrainingMutation(() => api.post(`/api/training/${sessionId}/cancel`));

export const useRegistration = (sessionId: string) =>
  useTrainingMutation((action: 'register' | 'cancel') =>
    action === 'register'
      ? api.post(`/api/training/${sessionId}/registration`)
      : api.delete(`/api/training/${sessionId}/registration`),
  );

export const useAttendance = (sessionId: string) =>
  useTrainingMutation((attendance: { userId: string; status: 'present' | 'absent' }[]) =>
    api.put(`/api/training/${sessionId}/attendance`, { attendance }),
  );

/** An instant as the local date-time of a zone, for the form ("2026-12-10T18:00"). */
export function localInput(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
