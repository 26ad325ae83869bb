import type {
  GuideView,
  guideBody,
  libraryView,
  suggestionBody,
  suggestionList,
} from '@compagnon/server/modules/guides/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type { GuideView };
export type Library = z.infer<typeof libraryView>;
export type GuideInput = z.infer<typeof guideBody>;
export type SuggestionInput = z.infer<typeof suggestionBody>;
export type Suggestions = z.infer<typeof suggestionList>;
export type Suggestion = Suggestions['suggestions'][number];
export type GuideTheme = GuideInput['theme'];

export const guideThemes: GuideTheme[] = [
  'first-meeting',
  'internship-choice',
  'maquette',
  'rsca',
  'thesis',
  'installation',
  'difficulty',
  'other',
];

const keys = {
  all: ['guides'] as const,
  library: (orgId: string) => ['guides', 'library', orgId] as const,
  one: (id: string) => ['guides', 'one', id] as const,
  suggestions: (orgId: string) => ['guides', 'suggestions', orgId] as const,
};

export const useLibrary = (orgId: string) =>
  useQuery({ queryKey: keys.library(orgId), queryFn: () => api.get<Library>(`/api/orgs/${orgId}/guides`) });

export const useGuide = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => api.get<GuideView>(`/api/guides/${id}`) });

export const useSuggestions = (orgId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.suggestions(orgId),
    queryFn: () => api.get<Suggestions>(`/api/orgs/${orgId}/guide-suggestions`),
    enabled,
  });

/** Every write of the library refreshes all of it: lists, guides, suggestions. */
function useGuideMutation<TData, TVars>(
  fn: (v: TVars) => Promise<TData>,
  options: MutationCallbacks<TData, TVars> = {},
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

export const useCreateGuide = (orgId: string, o?: MutationCallbacks<GuideView, GuideInput>) =>
  useGuideMutation((v: GuideInput) => api.post<GuideView>(`/api/orgs/${orgId}/guides`, v), o);

export const useUpdateGuide = (id: string, o?: MutationCallbacks<GuideView, GuideInput>) =>
  useGuideMutation((v: GuideInput) => api.put<GuideView>(`/api/guides/${id}`, v), o);

export const useArchiveGuide = (id: string, o?: MutationCallbacks<GuideView, boolean>) =>
  useGuideMutation((archived: boolean) => api.post<GuideView>(`/api/guides/${id}/archive`, { archived }), o);

export const useSuggest = (orgId: string, o?: MutationCallbacks<Suggestion, SuggestionInput>) =>
  useGuideMutation(
    (v: SuggestionInput) => api.post<Suggestion>(`/api/orgs/${orgId}/guide-suggestions`, v),
    o,
  );

export const useAccept = (o?: MutationCallbacks<Suggestion, string>) =>
  useGuideMutation((id: string) => api.post<Suggestion>(`/api/guide-suggestions/${id}/accept`), o);

export const useDecline = (o?: MutationCallbacks<Suggestion, { id: string; note: string }>) =>
  useGuideMutation(
    ({ id, note }: { id: string; note: string }) =>
      api.post<Suggestion>(`/api/guide-suggestions/${id}/decline`, { note }),
    o,
  );
