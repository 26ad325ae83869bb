import type { createProgrammeBody } from '@compagnon/server/modules/programmes/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import { meKey } from '../../app/session';
import type { OrganisationDetail, Programme, Template } from '../../app/types';

export const orgKey = (orgId: string) => ['org', orgId] as const;

export function useOrganisation(orgId: string) {
  return useQuery({
    queryKey: orgKey(orgId),
    queryFn: () => api.get<OrganisationDetail>(`/api/orgs/${orgId}`),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['templates'],
    queryFn: () => api.get<Template[]>('/api/templates'),
    staleTime: Infinity,
  });
}

type ProgrammeBody = z.input<typeof createProgrammeBody>;
/** What the form sends: the template may still be missing (the server's answer says so). */
export type NewProgramme = Omit<ProgrammeBody, 'template'> & {
  template: ProgrammeBody['template'] | undefined;
};

/** A new programme: the organisation and the signed-in person (their memberships) are read again first. */
export function useCreateProgramme(orgId: string, options: MutationCallbacks<Programme, NewProgramme> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (body: NewProgramme) => api.post<Programme>(`/api/orgs/${orgId}/programmes`, body),
    onSuccess: async (...args) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: orgKey(orgId) }),
        qc.invalidateQueries({ queryKey: meKey }),
      ]);
      await options.onSuccess?.(...args);
    },
  });
}
