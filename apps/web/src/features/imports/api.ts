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
  options: MutationCallbacks<CommitResult, ImportPreview> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (p: ImportPreview) =>
      api.post<CommitResult>(`/api/programmes/${programmeId}/imports/${p.id}/commit`),
    onSuccess: async (...args) => {
      options.onSuccess?.(...args);
      await Promise.all([
        qc.invalidateQueries({ queryKey: peopleKey(programmeId) }),
        qc.invalidateQueries({ queryKey: programmeKey(programmeId) }),
      ]);
    },
  });
}
