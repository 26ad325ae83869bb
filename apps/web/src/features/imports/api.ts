import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, uploadWithProgress } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import { peopleKey } from '../people/queries';
import { programmeKey } from '../programmes/api';
import type { CommitResult, ImportPreview } from './types';

/**
 * Sends the file to be checked (nothing is written yet): the server answers with the plan, or
 * refuses the file with its problems line by line. `onProgress` follows the upload (0–1).
 */
export const uploadImport = (programmeId: string, form: FormData, onProgress: (fraction: number) => void) =>
  uploadWithProgress<ImportPreview>(`/api/programmes/${programmeId}/imports`, form, onProgress);

/** Writes a checked import; the programme and its people are read again before it settles. */
export function useCommitImport(
  programmeId: string,
  options: MutationCallbacks<CommitResult, { preview: ImportPreview; invite: boolean }> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: ({ preview, invite }: { preview: ImportPreview; invite: boolean }) =>
      api.post<CommitResult>(`/api/programmes/${programmeId}/imports/${preview.id}/commit`, { invite }),
    onSuccess: async (...args) => {
      options.onSuccess?.(...args);
      await Promise.all([
        qc.invalidateQueries({ queryKey: peopleKey(programmeId) }),
        qc.invalidateQueries({ queryKey: programmeKey(programmeId) }),
      ]);
    },
  });
}

/** Sends the invitations an import left for later. */
export function useSendImportInvitations(
  programmeId: string,
  importId: string,
  options: MutationCallbacks<{ invited: number }, void> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: () =>
      api.post<{ invited: number }>(`/api/programmes/${programmeId}/imports/${importId}/invitations`, {}),
    onSuccess: async (...args) => {
      options.onSuccess?.(...args);
      await qc.invalidateQueries({ queryKey: peopleKey(programmeId) });
    },
  });
}
