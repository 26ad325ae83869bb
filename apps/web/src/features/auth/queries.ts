import type {
  acceptInvitationBody,
  changePasswordBody,
  emailBody,
  magicLinkBody,
  signInBody,
} from '@compagnon/server/modules/auth/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import { meKey, setMe } from '../../app/session';
import type { Invitation, Me } from '../../app/types';

export type Credentials = z.input<typeof signInBody>;
export type NewInvitationAccount = z.input<typeof acceptInvitationBody>;
type EmailOnly = z.input<typeof emailBody>;
type MagicLinkBody = z.input<typeof magicLinkBody>;

/** Signs in with a password; the session is the person's before the component's own `onSuccess`. */
export function useSignIn(options: MutationCallbacks<Me, Credentials> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (body: Credentials) => api.post<Me>('/api/auth/sign-in', body),
    onSuccess: (me, ...rest) => {
      setMe(qc, me);
      options.onSuccess?.(me, ...rest);
    },
  });
}

/**
 * A change that signs someone in (a sign-in link spent, a password reset, an invitation accepted):
 * the session is read again before the component's own `onSuccess`.
 */
function useSigningIn<V>(request: (v: V) => Promise<unknown>, options: MutationCallbacks<unknown, V>) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: request,
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: meKey });
      await options.onSuccess?.(...args);
    },
  });
}

/** Sends a sign-in link; `next` is where the link lands once used (home when not given). */
export function useRequestMagicLink(next: string, options: MutationCallbacks<unknown, EmailOnly> = {}) {
  return useMutation({
    ...options,
    mutationFn: (body: EmailOnly) =>
      api.post('/api/auth/magic-link', next === '/' ? body : ({ ...body, next } satisfies MagicLinkBody)),
  });
}

/** Spends a single-use sign-in link. */
export const useConsumeMagicLink = (token: string, options: MutationCallbacks<unknown, void> = {}) =>
  useSigningIn(() => api.post('/api/auth/magic-link/consume', { token }), options);

/** Asks for a password reset link. */
export const useRequestPasswordReset = () =>
  useMutation({
    mutationFn: (body: EmailOnly) => api.post('/api/auth/password-reset', body),
  });

/** Chooses a new password with a reset link, which signs the person in. */
export const useCompletePasswordReset = (token: string, options: MutationCallbacks<unknown, string> = {}) =>
  useSigningIn(
    (password: string) => api.post('/api/auth/password-reset/complete', { token, password }),
    options,
  );

/** The signed-in person replaces their password (temporary or not). */
export const useChangePassword = (
  options: MutationCallbacks<unknown, z.input<typeof changePasswordBody>> = {},
) =>
  useMutation({
    ...options,
    mutationFn: (body: z.input<typeof changePasswordBody>) => api.post('/api/me/password', body),
  });

const invitationPath = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

/** The invitation an e-mailed link opens. */
export const useInvitation = (token: string) =>
  useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<Invitation>(invitationPath(token)),
    enabled: !!token,
  });

/** Accepts an invitation (a name, and a password for a new account), which signs the person in. */
export const useAcceptInvitation = (
  token: string,
  options: MutationCallbacks<unknown, NewInvitationAccount> = {},
) => useSigningIn((body: NewInvitationAccount) => api.post(`${invitationPath(token)}/accept`, body), options);
