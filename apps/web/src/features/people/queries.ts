import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Person } from '../../app/types';

export const peopleKey = (programmeId: string) => ['people', programmeId] as const;

export function usePeople(programmeId: string) {
  return useQuery({
    queryKey: peopleKey(programmeId),
    queryFn: () => api.get<Person[]>(`/api/programmes/${programmeId}/people`),
  });
}

/** The placement of the most recent period (lists are sorted newest first by the server). */
export const currentPlacement = (p: Person) => p.profile?.placements[0];

export function matches(p: Person, query: string): boolean {
  const q = normalise(query);
  if (!q) return true;
  const hay = normalise(
    [
      p.name,
      p.email ?? '',
      currentPlacement(p)?.site ?? '',
      currentPlacement(p)?.city ?? '',
      p.profile?.homeCommune ?? '',
    ].join(' '),
  );
  return q.split(/\s+/).every((w) => hay.includes(w));
}

export const normalise = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
