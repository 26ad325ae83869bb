import type { createCohortBody } from '@compagnon/server/modules/programmes/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import type { Programme } from '../../app/types';

export const programmeKey = (id: string) => ['programme', id] as const;

export function useProgramme(id: string) {
  return useQuery({ queryKey: programmeKey(id), queryFn: () => api.get<Programme>(`/api/programmes/${id}`) });
}

/** Every change to a programme answers with the fresh programme, put straight in the cache. */
function usePutProgramme(programmeId: string) {
  const qc = useQueryClient();
  return (fresh: Programme) => qc.setQueryData(programmeKey(programmeId), fresh);
}

/** The rules as the server's rules schema reads them (the form turns its values into this). */
export function useSaveRules(programmeId: string, options: MutationCallbacks<Programme, unknown> = {}) {
  const put = usePutProgramme(programmeId);
  return useMutation({
    ...options,
    mutationFn: (rules: unknown) => api.patch<Programme>(`/api/programmes/${programmeId}`, { rules }),
    onSuccess: (fresh, ...rest) => {
      put(fresh);
      options.onSuccess?.(fresh, ...rest);
    },
  });
}

export type NewCohort = z.input<typeof createCohortBody>;

export function useAddCohort(programmeId: string, options: MutationCallbacks<Programme, NewCohort> = {}) {
  const put = usePutProgramme(programmeId);
  return useMutation({
    ...options,
    mutationFn: (body: NewCohort) => api.post<Programme>(`/api/programmes/${programmeId}/cohorts`, body),
    onSuccess: (fresh, ...rest) => {
      put(fresh);
      options.onSuccess?.(fresh, ...rest);
    },
  });
}

export function useArchiveCohort(
  programmeId: string,
  cohortId: string,
  options: MutationCallbacks<Programme, void> = {},
) {
  const qc = useQueryClient();
  const put = usePutProgramme(programmeId);
  return useMutation({
    ...options,
    mutationFn: () => api.post<Programme>(`/api/programmes/${programmeId}/cohorts/${cohortId}/archive`),
    onSuccess: (fresh, ...rest) => {
      put(fresh);
      void qc.invalidateQueries({ queryKey: programmeKey(programmeId) });
      options.onSuccess?.(fresh, ...rest);
    },
  });
}
