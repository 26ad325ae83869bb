import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { OrganisationDetail, Template } from '../../app/types';

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
