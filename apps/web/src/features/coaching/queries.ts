import type { coachingBody, programmeCoaching } from '@compagnon/server/modules/coaching/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type ProgrammeCoaching = z.infer<typeof programmeCoaching>;
export type CoachingForm = z.input<typeof coachingBody>;

const key = (programmeId: string) => ['coaching', programmeId] as const;

/** The programme's coaching as the viewer may see it: their own, and the coordination's view. */
export const useProgrammeCoaching = (programmeId: string) =>
  useQuery({
    queryKey: key(programmeId),
    queryFn: () => api.get<ProgrammeCoaching>(`/api/programmes/${programmeId}/coaching`),
  });

function useCoachingMutation<V, R>(fn: (v: V) => Promise<R>, onError?: (e: unknown) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['coaching'] }),
    onError,
  });
}

export const useCreateCoaching = (programmeId: string, onError?: (e: unknown) => void) =>
  useCoachingMutation(
    (body: CoachingForm) => api.post<{ id: string }>(`/api/programmes/${programmeId}/coaching`, body),
    onError,
  );

export const useEndCoaching = (onError?: (e: unknown) => void) =>
  useCoachingMutation(
    (v: { id: string; note: string | null }) => api.post(`/api/coaching/${v.id}/end`, { note: v.note }),
    onError,
  );
