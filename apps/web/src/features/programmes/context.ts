import { useQuery } from '@tanstack/react-query';
import { useOutletContext } from 'react-router-dom';
import { api } from '../../app/api';
import type { MeOrganisation, Programme } from '../../app/types';

export const programmeKey = (id: string) => ['programme', id] as const;

export function useProgramme(id: string) {
  return useQuery({ queryKey: programmeKey(id), queryFn: () => api.get<Programme>(`/api/programmes/${id}`) });
}

export interface ProgrammeContext {
  programme: Programme;
  organisation: MeOrganisation | undefined;
}

/** The programme the tabs below the programme header work on. */
export function useProgrammeContext() {
  return useOutletContext<ProgrammeContext>();
}
