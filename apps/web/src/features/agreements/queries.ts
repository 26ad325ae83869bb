import type {
  AgreementView,
  agreementList,
  CharterView,
  endDateBody,
  endEarlyBody,
  publishBody,
  signBody,
  verifyView,
} from '@compagnon/server/modules/agreements/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

/** What a screen adds to a mutation: its own messages and local state. */
type Callbacks<T> = { onSuccess?: (v: T) => void; onError?: (e: Error) => void };

export type { AgreementView, CharterView };
export type AgreementList = z.infer<typeof agreementList>;
export type Verification = z.infer<typeof verifyView>;
export type Party = AgreementView['can']['signAs'] & string;

const keys = {
  agreement: (pairingId: string) => ['agreements', 'pair', pairingId] as const,
  charter: (programmeId: string) => ['agreements', 'charter', programmeId] as const,
  list: (programmeId: string) => ['agreements', 'list', programmeId] as const,
};

const pairPath = (pairingId: string) => `/api/pairings/${pairingId}/agreement`;
export const charterPdfUrl = (pairingId: string) => `${pairPath(pairingId)}/pdf`;

/** A pair's agreement: its charter and who it waits on, its term and meetings, what the viewer may do. */
export const useAgreement = (pairingId: string) =>
  useQuery({
    queryKey: keys.agreement(pairingId),
    queryFn: () => api.get<AgreementView>(pairPath(pairingId)),
  });

function usePairAction<B>(
  pairingId: string,
  send: (path: string, body: B) => Promise<AgreementView>,
  cb?: Callbacks<AgreementView>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => send(pairPath(pairingId), body),
    onSuccess: (v) => {
      qc.setQueryData(keys.agreement(pairingId), v);
      void qc.invalidateQueries({ queryKey: ['agreements'] });
      void qc.invalidateQueries({ queryKey: ['matching'] });
      cb?.onSuccess?.(v);
    },
    onError: cb?.onError,
  });
}

export const useSignCharter = (pairingId: string, cb?: Callbacks<AgreementView>) =>
  usePairAction<z.infer<typeof signBody>>(pairingId, (path, body) => api.post(`${path}/sign`, body), cb);

export const useEndEarly = (pairingId: string, cb?: Callbacks<AgreementView>) =>
  usePairAction<z.infer<typeof endEarlyBody>>(
    pairingId,
    (path, body) => api.post(`${path}/end-early`, body),
    cb,
  );

export const useMoveEnd = (pairingId: string, cb?: Callbacks<AgreementView>) =>
  usePairAction<z.infer<typeof endDateBody>>(
    pairingId,
    (path, body) => api.put(`${path}/end-date`, body),
    cb,
  );

/** A programme's charter: the current text and its versions. */
export const useCharter = (programmeId: string) =>
  useQuery({
    queryKey: keys.charter(programmeId),
    queryFn: () => api.get<CharterView>(`/api/programmes/${programmeId}/charter`),
  });

export function usePublishCharter(programmeId: string, cb?: Callbacks<CharterView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof publishBody>) =>
      api.post<CharterView>(`/api/programmes/${programmeId}/charter`, body),
    onSuccess: (v) => {
      qc.setQueryData(keys.charter(programmeId), v);
      void qc.invalidateQueries({ queryKey: ['agreements'] });
      cb?.onSuccess?.(v);
    },
    onError: cb?.onError,
  });
}

/** The coordination's list of pairs, their terms and whom their charter waits on. */
export const useAgreementList = (programmeId: string) =>
  useQuery({
    queryKey: keys.list(programmeId),
    queryFn: () => api.get<AgreementList>(`/api/programmes/${programmeId}/agreements`),
  });

/** The public check of a code printed on a signed charter. */
export const useVerify = (cb?: Callbacks<Verification>) =>
  useMutation({
    mutationFn: (code: string) => api.post<Verification>('/api/verification', { code }),
    onSuccess: cb?.onSuccess,
    onError: cb?.onError,
  });
