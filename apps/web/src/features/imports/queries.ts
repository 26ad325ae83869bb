import type { invitationsResultView } from '@compagnon/server/modules/imports/schema.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, uploadWithProgress } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import { peopleKey } from '../people/queries';
import { programmeKey } from '../programmes/queries';
import type { ColumnChoices, CommitResult, ImportPreview } from './types';

/** What is sent to be checked: the file, the role of rows without one, the columns chosen so far. */
export interface ImportUpload {
  file: File;
  defaultRole: string;
  columns: ColumnChoices;
}

/**
 * Sends the file to be checked (nothing is written yet): the server answers with the plan, or
 * refuses the file with its problems line by line. `onProgress` follows the upload (0–1).
 */
export function uploadImport(
  programmeId: string,
  { file, defaultRole, columns }: ImportUpload,
  onProgress: (fraction: number) => void,
) {
  const form = new FormData();
  if (defaultRole) form.append('defaultRole', defaultRole);
  if (Object.keys(columns).length > 0) form.append('columns', JSON.stringify(columns));
  form.append('file', file, file.name);
  return uploadWithProgress<ImportPreview>(`/api/programmes/${programmeId}/imports`, form, onProgress);
}

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

type InvitationsSent = z.infer<typeof invitationsResultView>;

/** Sends the invitations an import left for later. */
export function useSendImportInvitations(
  programmeId: string,
  importId: string,
  options: MutationCallbacks<InvitationsSent, void> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: () =>
      api.post<InvitationsSent>(`/api/programmes/${programmeId}/imports/${importId}/invitations`, {}),
    onSuccess: async (...args) => {
      options.onSuccess?.(...args);
      await qc.invalidateQueries({ queryKey: peopleKey(programmeId) });
    },
  });
}
