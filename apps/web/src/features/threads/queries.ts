import type { myThreadsView, ThreadView } from '@compagnon/server/modules/threads/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type { ThreadView };
export type MyThreads = z.infer<typeof myThreadsView>;
export type ThreadSummary = MyThreads['threads'][number];

const keys = {
  all: ['threads'] as const,
  mine: ['threads', 'mine'] as const,
  one: (pairingId: string) => ['threads', 'one', pairingId] as const,
};

/** The person's pair threads, with what they have not read yet. */
export const useMyThreads = () =>
  useQuery({ queryKey: keys.mine, queryFn: () => api.get<MyThreads>('/api/me/threads') });

/** A pair's thread; opening it marks it read, so the list is read again afterwards. */
export function useThread(pairingId: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.one(pairingId),
    queryFn: async () => {
      const view = await api.get<ThreadView>(`/api/pairings/${pairingId}/messages`);
      void qc.invalidateQueries({ queryKey: keys.mine });
      return view;
    },
  });
}

export function useWrite(pairingId: string, options: MutationCallbacks<unknown, string> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (body: string) => api.post(`/api/pairings/${pairingId}/messages`, { body }),
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: keys.all });
      await options.onSuccess?.(...args);
    },
  });
}

/** The thread of the pair the viewer shares with a person (their tutor, or one of their tutees), if any. */
export function useThreadWith(userId: string, programmeId: string): ThreadSummary | undefined {
  const mine = useMyThreads();
  return mine.data?.threads.find((x) => x.open && x.other.id === userId && x.programme.id === programmeId);
}
