import type {
  addedMemberView,
  addMemberBody,
  updateMembershipBody,
} from '@compagnon/server/modules/people/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import type { Person } from '../../app/types';
import { programmeKey } from '../programmes/queries';

export const peopleKey = (programmeId: string) => ['people', programmeId] as const;

export function usePeople(programmeId: string) {
  return useQuery({
    queryKey: peopleKey(programmeId),
    queryFn: () => api.get<Person[]>(`/api/programmes/${programmeId}/people`),
  });
}

export type MembershipRef = { person: Person; membership: Person['memberships'][number] };
export type NewMember = z.input<typeof addMemberBody>;
export type MembershipChange = z.input<typeof updateMembershipBody>;

export type AddedMember = z.infer<typeof addedMemberView>;

/**
 * Adds someone: the server answers with what was typed and whether the person was added or invited
 * (an existing account elsewhere joins only once they accept); people and programme are read again.
 */
export function useAddMember(programmeId: string, options: MutationCallbacks<AddedMember, NewMember> = {}) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    ...options,
    mutationFn: (body: NewMember) => api.post<AddedMember>(`/api/programmes/${programmeId}/members`, body),
    onSuccess: async (added, ...rest) => {
      await refresh();
      options.onSuccess?.(added, ...rest);
    },
  });
}

/** People and programme read again, waited for before the component's own `onSuccess`. */
function useRefresh(programmeId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: peopleKey(programmeId) }),
      qc.invalidateQueries({ queryKey: programmeKey(programmeId) }),
    ]);
}

export function useUpdateMembership(
  programmeId: string,
  membershipId: string,
  options: MutationCallbacks<unknown, MembershipChange> = {},
) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    ...options,
    mutationFn: (body: MembershipChange) =>
      api.patch(`/api/programmes/${programmeId}/members/${membershipId}`, body),
    onSuccess: async (...args) => {
      await refresh();
      options.onSuccess?.(...args);
    },
  });
}

export function useRemoveMembership(
  programmeId: string,
  options: MutationCallbacks<unknown, MembershipRef> = {},
) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    ...options,
    mutationFn: (ref: MembershipRef) =>
      api.delete(`/api/programmes/${programmeId}/members/${ref.membership.id}`),
    onSuccess: async (...args) => {
      await refresh();
      options.onSuccess?.(...args);
    },
  });
}

export function useResendInvitation(
  programmeId: string,
  options: MutationCallbacks<unknown, MembershipRef> = {},
) {
  return useMutation({
    ...options,
    mutationFn: (ref: MembershipRef) =>
      api.post(`/api/programmes/${programmeId}/members/${ref.membership.id}/invitation`),
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
