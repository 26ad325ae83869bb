import type {
  feedbackAskView,
  PeerAnswerBody,
  PeerFeedbackView,
  peerListView,
  Ratings,
  SelfEvaluationBody,
  SelfEvaluationView,
  TuteeAnswerBody,
  tutorAggregatesView,
} from '@compagnon/server/modules/feedback/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type {
  PeerAnswerBody,
  PeerFeedbackView,
  Ratings,
  SelfEvaluationBody,
  SelfEvaluationView,
  TuteeAnswerBody,
};
export type PeerList = z.infer<typeof peerListView>;
export type TutorAggregates = z.infer<typeof tutorAggregatesView>;
export type FeedbackAsk = z.infer<typeof feedbackAskView>;

const keys = {
  all: ['feedback'] as const,
  self: (orgId: string) => ['feedback', 'self', orgId] as const,
  peers: (orgId: string) => ['feedback', 'peers', orgId] as const,
  peer: (id: string) => ['feedback', 'peer', id] as const,
  aggregates: (orgId: string) => ['feedback', 'aggregates', orgId] as const,
  ask: (id: string) => ['feedback', 'ask', id] as const,
};

export const useSelfEvaluation = (orgId: string) =>
  useQuery({
    queryKey: keys.self(orgId),
    queryFn: () => api.get<SelfEvaluationView>(`/api/orgs/${orgId}/self-evaluation`),
    retry: false,
  });
export const usePeerFeedback = (orgId: string) =>
  useQuery({
    queryKey: keys.peers(orgId),
    queryFn: () => api.get<PeerList>(`/api/orgs/${orgId}/peer-feedback`),
    retry: false,
  });
export const usePeerRequest = (id: string) =>
  useQuery({ queryKey: keys.peer(id), queryFn: () => api.get<PeerFeedbackView>(`/api/peer-feedback/${id}`) });
export const useTutorAggregates = (orgId: string) =>
  useQuery({
    queryKey: keys.aggregates(orgId),
    queryFn: () => api.get<TutorAggregates>(`/api/orgs/${orgId}/tutor-feedback`),
    retry: false,
  });
export const useFeedbackAsk = (id: string) =>
  useQuery({ queryKey: keys.ask(id), queryFn: () => api.get<FeedbackAsk>(`/api/tutor-feedback-asks/${id}`) });

function useFeedbackMutation<V, R = unknown>(
  fn: (v: V) => Promise<R>,
  options: MutationCallbacks<R, V> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: fn,
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: keys.all });
      await options.onSuccess?.(...args);
    },
  });
}

export const useWriteSelfEvaluation = (
  orgId: string,
  options: MutationCallbacks<SelfEvaluationView, SelfEvaluationBody> = {},
) =>
  useFeedbackMutation(
    (body: SelfEvaluationBody) => api.put<SelfEvaluationView>(`/api/orgs/${orgId}/self-evaluation`, body),
    options,
  );
export const useAskPeers = (orgId: string, options: MutationCallbacks<unknown, string[]> = {}) =>
  useFeedbackMutation(
    (peerIds: string[]) => api.post(`/api/orgs/${orgId}/peer-feedback`, { peerIds }),
    options,
  );
export const useAnswerPeer = (id: string, options: MutationCallbacks<unknown, PeerAnswerBody> = {}) =>
  useFeedbackMutation((body: PeerAnswerBody) => api.post(`/api/peer-feedback/${id}/answer`, body), options);
export const useAnswerAsk = (id: string, options: MutationCallbacks<unknown, TuteeAnswerBody> = {}) =>
  useFeedbackMutation(
    (body: TuteeAnswerBody) => api.post(`/api/tutor-feedback-asks/${id}/answers`, body),
    options,
  );
