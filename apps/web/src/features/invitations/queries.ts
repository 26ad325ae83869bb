import type { invitationView } from '@compagnon/server/modules/people/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import { meKey } from '../../app/session';

export type Invitation = z.infer<typeof invitationView>;
export type Answer = 'accept' | 'decline';

export const invitationsKey = ['invitations'] as const;

/** The signed-in person's invitations into programmes that await their answer. */
export function useMyInvitations() {
  return useQuery({
    queryKey: invitationsKey,
    queryFn: () => api.get<Invitation[]>('/api/me/invitations'),
  });
}

/** Accepts or declines; accepting changes the person's organisations and programmes, read again. */
export function useAnswerInvitation(
  options: MutationCallbacks<{ programmeId: string }, { invitation: Invitation; answer: Answer }> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: ({ invitation, answer }: { invitation: Invitation; answer: Answer }) =>
      api.post<{ programmeId: string }>(`/api/me/invitations/${invitation.id}/${answer}`),
    onSuccess: async (...args) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: invitationsKey }),
        qc.invalidateQueries({ queryKey: meKey }),
      ]);
      options.onSuccess?.(...args);
    },
  });
}
