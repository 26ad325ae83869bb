import type { profileBody } from '@compagnon/server/modules/people/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import { setMe } from '../../app/session';
import type { Me, MyProfile } from '../../app/types';

export type ProfileBody = z.input<typeof profileBody>;
/** What the account form sends to PATCH /api/me (its schema is inline in the server's route). */
export type AccountBody = { name: string; locale: 'fr' | 'en'; phone: string | null };

const profileKey = (orgId: string) => ['profile', orgId] as const;

/** The signed-in person's profile in one of their organisations. */
export const useMyProfile = (orgId: string) =>
  useQuery({
    queryKey: profileKey(orgId),
    queryFn: () => api.get<MyProfile>(`/api/orgs/${orgId}/profile`),
    enabled: !!orgId,
  });

/** Saves the profile; the answer is put in the cache before the component's own `onSuccess`. */
export function useSaveProfile(orgId: string, options: MutationCallbacks<MyProfile, ProfileBody> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (body: ProfileBody) => api.patch<MyProfile>(`/api/orgs/${orgId}/profile`, body),
    onSuccess: (fresh, ...rest) => {
      qc.setQueryData(profileKey(orgId), fresh);
      return options.onSuccess?.(fresh, ...rest);
    },
  });
}

/** Saves the account (name, language, phone); the signed-in person is replaced by the answer first. */
export function useSaveAccount(options: MutationCallbacks<Me, AccountBody> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (body: AccountBody) => api.patch<Me>('/api/me', body),
    onSuccess: (fresh, ...rest) => {
      setMe(qc, fresh);
      return options.onSuccess?.(fresh, ...rest);
    },
  });
}
