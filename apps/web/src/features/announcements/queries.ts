import type {
  AnnouncementView,
  announcementBody,
  announcementList,
} from '@compagnon/server/modules/announcements/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type { AnnouncementView };
export type AnnouncementList = z.infer<typeof announcementList>;
export type AnnouncementInput = z.input<typeof announcementBody>;
export type Audience = AnnouncementInput['audience'];

const keys = {
  all: ['announcements'] as const,
  list: (programmeId: string) => ['announcements', 'list', programmeId] as const,
  one: (id: string) => ['announcements', 'one', id] as const,
};

export const useAnnouncements = (programmeId: string) =>
  useQuery({
    queryKey: keys.list(programmeId),
    queryFn: () => api.get<AnnouncementList>(`/api/programmes/${programmeId}/announcements`),
  });

/** One announcement; opening it marks it read, so the list is read again afterwards. */
export function useAnnouncement(id: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.one(id),
    queryFn: async () => {
      const v = await api.get<AnnouncementView>(`/api/announcements/${id}`);
      void qc.invalidateQueries({ queryKey: ['announcements', 'list'] });
      return v;
    },
  });
}

export function useSendAnnouncement(
  programmeId: string,
  options: MutationCallbacks<AnnouncementView, AnnouncementInput> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (v: AnnouncementInput) =>
      api.post<AnnouncementView>(`/api/programmes/${programmeId}/announcements`, v),
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: keys.all });
      await options.onSuccess?.(...args);
    },
  });
}

export function useReply(id: string, options: MutationCallbacks<unknown, string> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (body: string) => api.post(`/api/announcements/${id}/replies`, { body }),
    onSuccess: async (...args) => {
      await qc.invalidateQueries({ queryKey: keys.one(id) });
      await options.onSuccess?.(...args);
    },
  });
}
