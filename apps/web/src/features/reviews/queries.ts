import type {
  askView,
  EndReviewBody,
  EndReviewView,
  myEndReviewsView,
  myQuestionnairesView,
  programmeEndReviewsView,
  programmeQuestionnairesView,
  QuestionnaireBody,
} from '@compagnon/server/modules/reviews/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type { EndReviewBody, EndReviewView, QuestionnaireBody };
export type MyEndReviews = z.infer<typeof myEndReviewsView>;
export type ProgrammeEndReviews = z.infer<typeof programmeEndReviewsView>;
export type ProgrammeQuestionnaires = z.infer<typeof programmeQuestionnairesView>;
export type Questionnaire = ProgrammeQuestionnaires['questionnaires'][number];
export type MyQuestionnaires = z.infer<typeof myQuestionnairesView>;
export type AskView = z.infer<typeof askView>;

const keys = {
  all: ['reviews'] as const,
  mine: ['reviews', 'mine'] as const,
  myQuestionnaires: ['reviews', 'my-questionnaires'] as const,
  one: (id: string) => ['reviews', 'one', id] as const,
  programme: (id: string) => ['reviews', 'programme', id] as const,
  questionnaires: (id: string) => ['reviews', 'questionnaires', id] as const,
  ask: (id: string) => ['reviews', 'ask', id] as const,
};

export const useMyEndReviews = () =>
  useQuery({ queryKey: keys.mine, queryFn: () => api.get<MyEndReviews>('/api/me/end-reviews') });

export const useMyQuestionnaires = () =>
  useQuery({
    queryKey: keys.myQuestionnaires,
    queryFn: () => api.get<MyQuestionnaires>('/api/me/questionnaires'),
  });

export const useEndReview = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => api.get<EndReviewView>(`/api/end-reviews/${id}`) });

/** Saves the draft, or (`submit`) sends it; the answer is the review as stored. */
export function useSaveEndReview(
  id: string,
  options: MutationCallbacks<EndReviewView, { body: EndReviewBody; submit: boolean }> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: ({ body, submit }: { body: EndReviewBody; submit: boolean }) =>
      submit
        ? api.post<EndReviewView>(`/api/end-reviews/${id}/submit`, body)
        : api.put<EndReviewView>(`/api/end-reviews/${id}`, body),
    onSuccess: async (view, ...rest) => {
      qc.setQueryData(keys.one(id), view);
      await qc.invalidateQueries({ queryKey: keys.mine });
      await options.onSuccess?.(view, ...rest);
    },
  });
}

export const useProgrammeEndReviews = (programmeId: string) =>
  useQuery({
    queryKey: keys.programme(programmeId),
    queryFn: () => api.get<ProgrammeEndReviews>(`/api/programmes/${programmeId}/end-reviews`),
  });

export const useQuestionnaires = (programmeId: string) =>
  useQuery({
    queryKey: keys.questionnaires(programmeId),
    queryFn: () => api.get<ProgrammeQuestionnaires>(`/api/programmes/${programmeId}/questionnaires`),
  });

/** Creates a questionnaire (no id) or changes one. */
export function useSaveQuestionnaire(
  programmeId: string,
  options: MutationCallbacks<unknown, { id: string | null; body: QuestionnaireBody }> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: ({ id, body }: { id: string | null; body: QuestionnaireBody }) =>
      id
        ? api.put(`/api/questionnaires/${id}`, body)
        : api.post(`/api/programmes/${programmeId}/questionnaires`, body),
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: keys.questionnaires(programmeId) });
      await options.onSuccess?.(...args);
    },
  });
}

export const useAsk = (askId: string) =>
  useQuery({
    queryKey: keys.ask(askId),
    queryFn: () => api.get<AskView>(`/api/questionnaire-asks/${askId}`),
  });

export function useAnswer(
  askId: string,
  options: MutationCallbacks<unknown, Record<string, number | boolean | string>> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (answers: Record<string, number | boolean | string>) =>
      api.post(`/api/questionnaire-asks/${askId}/answers`, { answers }),
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: keys.all });
      await options.onSuccess?.(...args);
    },
  });
}
