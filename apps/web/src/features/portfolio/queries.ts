import type { Framework } from '@compagnon/server/modules/portfolio/framework.ts';
import type {
  attachmentView,
  commentBody,
  draftBody,
  frameworkView,
  overviewView,
  PortfolioView,
  queueView,
  revisionBody,
  submittedView,
  TraceView,
  validateBody,
} from '@compagnon/server/modules/portfolio/schema.ts';
import type {
  SynthesisView,
  signBody,
  synthesisBody,
  synthesisList,
} from '@compagnon/server/modules/portfolio/schema-synthesis.ts';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, uploadWithProgress } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type { Framework, PortfolioView, TraceView };
export type TraceSummary = PortfolioView['traces'][number];
export type TraceState = TraceSummary['state'];
export type Level = TraceSummary['competencies'][number]['level'];
export type Rating = PortfolioView['ratings'][number];
export type Quota = PortfolioView['quotas'][number];
export type Version = TraceView['versions'][number];
export type TraceMessage = TraceView['messages'][number];
export type Expectation = TraceView['expectations'][number];
export type Attachment = z.infer<typeof attachmentView>;
export type FrameworkView = z.infer<typeof frameworkView>;
export type Overview = z.infer<typeof overviewView>;
export type Queue = z.infer<typeof queueView>;
export type QueueItem = Queue['due'][number];
export type Submitted = z.infer<typeof submittedView>;
export type DraftBody = z.input<typeof draftBody>;
export type CommentBody = z.input<typeof commentBody>;
export type RevisionBody = z.input<typeof revisionBody>;
export type ValidateBody = z.input<typeof validateBody>;
export type { SynthesisView };
export type SynthesisList = z.infer<typeof synthesisList>;
export type SynthesisStatus = SynthesisList[number];
export type SynthesisBody = z.input<typeof synthesisBody>;
export type SignBody = z.input<typeof signBody>;
export type MyPortfolios = { programmes: Array<{ id: string; name: string; orgId: string }> };

export const levels: readonly Level[] = ['novice', 'intermediate', 'competent'];

/** A trace reached signed in (by its id) or through a tutor's private review link (by its token). */
export type TraceRef = { traceId: string } | { token: string };
const traceBase = (ref: TraceRef) =>
  'token' in ref
    ? `/api/portfolio/review/${encodeURIComponent(ref.token)}`
    : `/api/portfolio/traces/${encodeURIComponent(ref.traceId)}`;

/** Where an attachment is read: through the review link when the reader came by it. */
export const attachmentUrl = (ref: TraceRef, attachmentId: string) =>
  'token' in ref
    ? `${traceBase(ref)}/attachments/${encodeURIComponent(attachmentId)}`
    : `/api/portfolio/attachments/${encodeURIComponent(attachmentId)}`;

const programmeBase = (programmeId: string) => `/api/programmes/${encodeURIComponent(programmeId)}/portfolio`;

export const keys = {
  all: ['portfolio'] as const,
  mine: ['portfolio', 'mine'] as const,
  queue: ['portfolio', 'queue'] as const,
  framework: (programmeId: string) => ['portfolio', 'framework', programmeId] as const,
  portfolio: (programmeId: string, residentId: string) =>
    ['portfolio', 'resident', programmeId, residentId] as const,
  overview: (programmeId: string, cohortId: string | null) =>
    ['portfolio', 'overview', programmeId, cohortId ?? ''] as const,
  synthesis: (programmeId: string, residentId: string, phaseId: string) =>
    ['portfolio', 'synthesis', programmeId, residentId, phaseId] as const,
  syntheses: (programmeId: string, cohortId: string | null) =>
    ['portfolio', 'syntheses', programmeId, cohortId ?? ''] as const,
  trace: (ref: TraceRef) =>
    ['portfolio', 'trace', 'token' in ref ? `link:${ref.token}` : ref.traceId] as const,
};

/** The programmes where the signed-in person is a resident with a portfolio. */
export const useMyPortfolios = (enabled = true) =>
  useQuery({
    queryKey: keys.mine,
    queryFn: () => api.get<MyPortfolios>('/api/me/portfolio'),
    enabled,
    staleTime: 60_000,
  });

/** A tutor's reviews: asked this week and before, and how many wait for the next weeks. */
export const useReviewQueue = (enabled = true) =>
  useQuery({ queryKey: keys.queue, queryFn: () => api.get<Queue>('/api/me/portfolio/queue'), enabled });

export const useFramework = (programmeId: string, enabled = true) =>
  useQuery({
    queryKey: keys.framework(programmeId),
    queryFn: () => api.get<FrameworkView>(`${programmeBase(programmeId)}/framework`),
    enabled,
  });

export function useSaveFramework(programmeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (framework: Framework) =>
      api.put<FrameworkView>(`${programmeBase(programmeId)}/framework`, { framework }),
    onSuccess: (data) => {
      qc.setQueryData(keys.framework(programmeId), data);
      void qc.invalidateQueries({ queryKey: ['portfolio', 'overview', programmeId] });
    },
  });
}

const fetchPortfolio = (programmeId: string, residentId: string) =>
  api.get<PortfolioView>(`${programmeBase(programmeId)}/residents/${encodeURIComponent(residentId)}`);

export const usePortfolio = (programmeId: string, residentId: string) =>
  useQuery({
    queryKey: keys.portfolio(programmeId, residentId),
    queryFn: () => fetchPortfolio(programmeId, residentId),
  });

/** The person's own portfolio in each of their programmes (the home card's next due trace). */
export const useMyPortfolioViews = (programmeIds: string[], residentId: string) =>
  useQueries({
    queries: programmeIds.map((id) => ({
      queryKey: keys.portfolio(id, residentId),
      queryFn: () => fetchPortfolio(id, residentId),
    })),
  });

/** The resident adds a trace beyond what the plan expects. */
export function useAddTrace(
  programmeId: string,
  residentId: string,
  options: MutationCallbacks<TraceSummary, string> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (typeId: string) =>
      api.post<TraceSummary>(
        `${programmeBase(programmeId)}/residents/${encodeURIComponent(residentId)}/traces`,
        {
          typeId,
        },
      ),
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: keys.portfolio(programmeId, residentId) });
      await options.onSuccess?.(...args);
    },
  });
}

export const useOverview = (programmeId: string, cohortId: string | null) =>
  useQuery({
    queryKey: keys.overview(programmeId, cohortId),
    queryFn: () =>
      api.get<Overview>(
        `${programmeBase(programmeId)}/overview${cohortId ? `?cohortId=${encodeURIComponent(cohortId)}` : ''}`,
      ),
    placeholderData: (previous) => previous,
  });

export const useTrace = (ref: TraceRef) =>
  useQuery({
    queryKey: keys.trace(ref),
    queryFn: () => api.get<TraceView>(traceBase(ref)),
    retry: false,
  });

/** After a change to a trace: the fresh view in the cache, and the lists that show it read again. */
function useTraceChanged(ref: TraceRef) {
  const qc = useQueryClient();
  return (view: TraceView | null) => {
    if (view) qc.setQueryData(keys.trace(ref), view);
    else void qc.invalidateQueries({ queryKey: keys.trace(ref) });
    if ('token' in ref) return;
    void qc.invalidateQueries({ queryKey: ['portfolio', 'resident'] });
    void qc.invalidateQueries({ queryKey: keys.queue });
  };
}

export function useSaveDraft(traceId: string) {
  const changed = useTraceChanged({ traceId });
  return useMutation({
    mutationFn: (body: DraftBody) =>
      api.put<TraceView>(`/api/portfolio/traces/${encodeURIComponent(traceId)}/draft`, body),
    onSuccess: (view) => changed(view),
  });
}

export function useUploadAttachment(traceId: string, onProgress: (fraction: number) => void) {
  const changed = useTraceChanged({ traceId });
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return uploadWithProgress<Attachment>(
        `/api/portfolio/traces/${encodeURIComponent(traceId)}/attachments`,
        form,
        onProgress,
      );
    },
    onSuccess: () => changed(null),
  });
}

export function useDeleteAttachment(traceId: string) {
  const changed = useTraceChanged({ traceId });
  return useMutation({
    mutationFn: (attachmentId: string) =>
      api.delete<void>(`/api/portfolio/attachments/${encodeURIComponent(attachmentId)}`),
    onSuccess: () => changed(null),
  });
}

export function useSubmitTrace(traceId: string, options: MutationCallbacks<Submitted, void> = {}) {
  const changed = useTraceChanged({ traceId });
  return useMutation({
    ...options,
    mutationFn: () => api.post<Submitted>(`/api/portfolio/traces/${encodeURIComponent(traceId)}/submit`),
    onSuccess: async (...args) => {
      changed(null);
      await options.onSuccess?.(...args);
    },
  });
}

/** The review actions and comments, signed in or through the review link. */
function useTraceAction<B>(ref: TraceRef, path: string, options: MutationCallbacks<TraceView, B> = {}) {
  const changed = useTraceChanged(ref);
  return useMutation({
    ...options,
    mutationFn: (body: B) => api.post<TraceView>(`${traceBase(ref)}/${path}`, body),
    onSuccess: async (...args) => {
      changed(args[0]);
      await options.onSuccess?.(...args);
    },
  });
}

export const useComment = (ref: TraceRef, options?: MutationCallbacks<TraceView, CommentBody>) =>
  useTraceAction<CommentBody>(ref, 'messages', options);
export const useAskRevision = (ref: TraceRef, options?: MutationCallbacks<TraceView, RevisionBody>) =>
  useTraceAction<RevisionBody>(ref, 'revision', options);
export const useValidate = (ref: TraceRef, options?: MutationCallbacks<TraceView, ValidateBody>) =>
  useTraceAction<ValidateBody>(ref, 'validate', options);

const synthesisPath = (programmeId: string, residentId: string, phaseId: string) =>
  `${programmeBase(programmeId)}/residents/${encodeURIComponent(residentId)}/syntheses/${encodeURIComponent(phaseId)}`;

/** Where the printable synthesis is downloaded (the draft too, for the resident and the tutor). */
export const synthesisPdfUrl = (programmeId: string, residentId: string, phaseId: string) =>
  `${synthesisPath(programmeId, residentId, phaseId)}/pdf`;

/** Where the resident downloads their whole portfolio. */
export const portfolioZipUrl = (programmeId: string, residentId: string) =>
  `${programmeBase(programmeId)}/residents/${encodeURIComponent(residentId)}/export.zip`;

/** A phase's synthesis: the saved text, or the draft drawn from the records (version 0). */
export const useSynthesis = (programmeId: string, residentId: string, phaseId: string) =>
  useQuery({
    queryKey: keys.synthesis(programmeId, residentId, phaseId),
    queryFn: () => api.get<SynthesisView>(synthesisPath(programmeId, residentId, phaseId)),
    retry: false,
  });

/** The tutor saves the text (a new version, which clears the signatures) or either signs it. */
function useSynthesisAction<B>(
  programmeId: string,
  residentId: string,
  phaseId: string,
  send: (path: string, body: B) => Promise<SynthesisView>,
) {
  const qc = useQueryClient();
  const key = keys.synthesis(programmeId, residentId, phaseId);
  return useMutation({
    mutationFn: (body: B) => send(synthesisPath(programmeId, residentId, phaseId), body),
    onSuccess: (view) => {
      qc.setQueryData(key, view);
      void qc.invalidateQueries({ queryKey: ['portfolio', 'syntheses', programmeId] });
    },
  });
}

export const useSaveSynthesis = (programmeId: string, residentId: string, phaseId: string) =>
  useSynthesisAction<SynthesisBody>(programmeId, residentId, phaseId, (path, body) =>
    api.put<SynthesisView>(path, body),
  );

export const useSignSynthesis = (programmeId: string, residentId: string, phaseId: string) =>
  useSynthesisAction<SignBody>(programmeId, residentId, phaseId, (path, body) =>
    api.post<SynthesisView>(`${path}/sign`, body),
  );

/** The coordination's list of syntheses: who, which phase, which version, co-signed or not. */
export const useSyntheses = (programmeId: string, cohortId: string | null) =>
  useQuery({
    queryKey: keys.syntheses(programmeId, cohortId),
    queryFn: () =>
      api.get<SynthesisList>(
        `${programmeBase(programmeId)}/syntheses${cohortId ? `?cohortId=${encodeURIComponent(cohortId)}` : ''}`,
      ),
    placeholderData: (previous) => previous,
  });
