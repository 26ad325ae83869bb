import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Mine, Overview, PairingEvent } from './types';

export const overviewKey = (id: string) => ['matching', id] as const;
export const mineKey = (id: string) => ['matching', id, 'mine'] as const;

export function useOverview(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: overviewKey(programmeId),
    queryFn: () => api.get<Overview>(`/api/programmes/${programmeId}/matching`),
    enabled,
  });
}

export function useMine(programmeId: string) {
  return useQuery({
    queryKey: mineKey(programmeId),
    queryFn: () => api.get<Mine>(`/api/programmes/${programmeId}/matching/mine`),
  });
}

export function useHistory(pairingId: string | null) {
  return useQuery({
    queryKey: ['pairing-history', pairingId],
    queryFn: () => api.get<PairingEvent[]>(`/api/pairings/${pairingId}/history`),
    enabled: !!pairingId,
  });
}

/** A matching change: the server answers with the fresh overview, put straight in the cache. */
export function useOverviewMutation<B>(programmeId: string, request: (body: B) => Promise<Overview>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => {
      qc.setQueryData(overviewKey(programmeId), data);
      void qc.invalidateQueries({ queryKey: ['people', programmeId] });
    },
  });
}

export function useInvalidateMatching(programmeId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['matching', programmeId] });
}
