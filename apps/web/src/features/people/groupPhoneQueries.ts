import type { myGroupView, myPhoneView, phoneReachView } from '@compagnon/server/modules/people/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type MyGroup = z.infer<typeof myGroupView>;
export type MyPhone = z.infer<typeof myPhoneView>;
export type PhoneReach = z.infer<typeof phoneReachView>;

export const useMyGroup = (programmeId: string) =>
  useQuery({
    queryKey: ['my-group', programmeId],
    queryFn: () => api.get<MyGroup>(`/api/programmes/${programmeId}/my-group`),
  });

export const usePhoneReach = (programmeId: string) =>
  useQuery({
    queryKey: ['phone-reach', programmeId],
    queryFn: () => api.get<PhoneReach>(`/api/programmes/${programmeId}/phone-reach`),
  });

export const useMyPhone = (programmeId: string) =>
  useQuery({
    queryKey: ['my-phone', programmeId],
    queryFn: () => api.get<MyPhone>(`/api/programmes/${programmeId}/my-phone`),
  });

export function useSetMyPhone(programmeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) => api.put<MyPhone>(`/api/programmes/${programmeId}/my-phone`, { shared }),
    onSuccess: (v) => qc.setQueryData(['my-phone', programmeId], v),
  });
}
