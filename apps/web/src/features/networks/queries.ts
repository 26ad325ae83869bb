import type {
  codeView,
  createBody,
  createdView,
  joinBody,
  joinedView,
  myNetworksView,
  networkSessionBody,
  networkView,
  registeredView,
  threadView,
} from '@compagnon/server/modules/networks/schema.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import { type MutationCallbacks, useInvalidatingMutation } from '../../app/query';

export type MyNetworks = z.infer<typeof myNetworksView>;
export type NetworkView = z.infer<typeof networkView>;
export type NetworkSession = NetworkView['sessions'][number];
export type NetworkThread = z.infer<typeof threadView>;
export type NewNetwork = z.input<typeof createBody>;
export type JoinNetwork = z.input<typeof joinBody>;
export type NetworkSessionForm = z.input<typeof networkSessionBody>;
type Created = z.infer<typeof createdView>;
type Joined = z.infer<typeof joinedView>;
type Code = z.infer<typeof codeView>;
type Registered = z.infer<typeof registeredView>;

const keys = {
  all: ['networks'] as const,
  mine: ['networks', 'mine'] as const,
  network: (id: string) => ['networks', 'network', id] as const,
  thread: (id: string, before?: string) => ['networks', 'thread', id, before ?? 'latest'] as const,
};

export const useMyNetworks = (enabled = true) =>
  useQuery({ enabled, queryKey: keys.mine, queryFn: () => api.get<MyNetworks>('/api/me/networks') });

export const useNetwork = (networkId: string) =>
  useQuery({
    queryKey: keys.network(networkId),
    queryFn: () => api.get<NetworkView>(`/api/networks/${networkId}`),
    retry: false,
  });

/** A page of the thread (the newest, or the one before a message); the newest marks it read. */
export function useNetworkThread(networkId: string, before?: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.thread(networkId, before),
    queryFn: async () => {
      const q = before ? `?before=${encodeURIComponent(before)}` : '';
      const view = await api.get<NetworkThread>(`/api/networks/${networkId}/messages${q}`);
      if (!before) void qc.invalidateQueries({ queryKey: keys.mine });
      return view;
    },
  });
}

/** Any change to a network: every network view is read again. */
const useNetworkMutation = <V, R = unknown>(
  call: (v: V) => Promise<R>,
  options: MutationCallbacks<R, V> = {},
) => useInvalidatingMutation(keys.all, call, options);

export const useCreateNetwork = (o?: MutationCallbacks<Created, NewNetwork>) =>
  useNetworkMutation((v: NewNetwork) => api.post<Created>('/api/networks', v), o);
export const useJoinNetwork = (o?: MutationCallbacks<Joined, JoinNetwork>) =>
  useNetworkMutation((v: JoinNetwork) => api.post<Joined>('/api/networks/join', v), o);
export const useNewCode = (networkId: string, o?: MutationCallbacks<Code, void>) =>
  useNetworkMutation(() => api.post<Code>(`/api/networks/${networkId}/code`), o);
export const useArchiveNetwork = (networkId: string, o?: MutationCallbacks<unknown, void>) =>
  useNetworkMutation(() => api.post(`/api/networks/${networkId}/archive`), o);
export const useRemoveNetworkTeam = (networkId: string, o?: MutationCallbacks<unknown, string>) =>
  useNetworkMutation((teamId: string) => api.delete(`/api/networks/${networkId}/teams/${teamId}`), o);
export const useWriteInNetwork = (networkId: string, o?: MutationCallbacks<unknown, string>) =>
  useNetworkMutation((body: string) => api.post(`/api/networks/${networkId}/messages`, { body }), o);
export const useDeleteNetworkMessage = (networkId: string, o?: MutationCallbacks<unknown, string>) =>
  useNetworkMutation((id: string) => api.delete(`/api/networks/${networkId}/messages/${id}`), o);
export const useHideNetworkMessage = (networkId: string, o?: MutationCallbacks<unknown, string>) =>
  useNetworkMutation((id: string) => api.post(`/api/networks/${networkId}/messages/${id}/hide`), o);
export const usePublishNetworkSession = (networkId: string) =>
  useNetworkMutation((v: NetworkSessionForm) =>
    api.post<{ id: string }>(`/api/networks/${networkId}/sessions`, v),
  );
export const useCancelNetworkSession = (sessionId: string, o?: MutationCallbacks<unknown, void>) =>
  useNetworkMutation(() => api.post(`/api/network-sessions/${sessionId}/cancel`), o);
export const useNetworkRegistration = (
  sessionId: string,
  o?: MutationCallbacks<Registered | unknown, 'register' | 'cancel'>,
) =>
  useNetworkMutation(
    (action: 'register' | 'cancel') =>
      action === 'register'
        ? api.post<Registered>(`/api/network-sessions/${sessionId}/registration`)
        : api.delete(`/api/network-sessions/${sessionId}/registration`),
    o,
  );
