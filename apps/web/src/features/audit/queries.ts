import type { auditPageView, recordReadsView } from '@compagnon/server/modules/audit/schema.ts';
import type { Retention, retentionView } from '@compagnon/server/modules/retention/schema.ts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type AuditPage = z.infer<typeof auditPageView>;
export type AuditEntry = AuditPage['entries'][number];
export type RecordReads = z.infer<typeof recordReadsView>;
export type RecordRead = RecordReads['entries'][number];
export type RetentionView = z.infer<typeof retentionView>;
export type { Retention };

export interface AuditFilters {
  action?: string;
  actor?: { id: string; name: string };
  person?: { id: string; name: string };
  from?: string;
  to?: string;
}

const PAGE = 30;

export function useAuditLog(orgId: string, f: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', orgId, f.action, f.actor?.id, f.person?.id, f.from, f.to],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: String(PAGE) });
      if (f.action) q.set('action', f.action);
      if (f.actor) q.set('actorId', f.actor.id);
      if (f.person) q.set('personId', f.person.id);
      if (f.from) q.set('from', f.from);
      if (f.to) q.set('to', f.to);
      if (pageParam) q.set('before', pageParam);
      return api.get<AuditPage>(`/api/orgs/${orgId}/audit?${q}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useRecordReads() {
  return useInfiniteQuery({
    queryKey: ['record-reads'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '20' });
      if (pageParam) q.set('before', pageParam);
      return api.get<RecordReads>(`/api/me/record-reads?${q}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

const retentionKey = (orgId: string) => ['retention', orgId] as const;

export function useRetention(orgId: string, enabled = true) {
  return useQuery({
    queryKey: retentionKey(orgId),
    queryFn: () => api.get<RetentionView>(`/api/orgs/${orgId}/retention`),
    enabled,
  });
}

export function useSaveRetention(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Retention) => api.put<RetentionView>(`/api/orgs/${orgId}/retention`, body),
    onSuccess: (fresh) => qc.setQueryData(retentionKey(orgId), fresh),
  });
}
