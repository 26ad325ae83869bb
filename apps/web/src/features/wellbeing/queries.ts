import type {
  alertView,
  answerBody,
  checkinView,
  directoryBody,
  directoryView,
  guideBody,
  guideView,
  mineView,
  personCheckins,
  settingsBody,
  settingsView,
  summaryView,
} from '@compagnon/server/modules/wellbeing/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type Checkin = z.infer<typeof checkinView>;
export type AnswerBody = z.input<typeof answerBody>;
export type Mine = z.infer<typeof mineView>;
export type Directory = z.infer<typeof directoryView>;
export type DirectoryBody = z.input<typeof directoryBody>;
export type Guide = z.infer<typeof guideView>;
export type GuideBody = z.input<typeof guideBody>;
export type Settings = z.infer<typeof settingsView>;
export type SettingsBody = z.input<typeof settingsBody>;
export type Summary = z.infer<typeof summaryView>;
export type PersonCheckins = z.infer<typeof personCheckins>;
export type WellbeingAlert = z.infer<typeof alertView>;

/** A check-in reached by its private link (`token`) or, signed in, by its id. */
export type CheckinRef = { token: string } | { id: string };
const base = (ref: CheckinRef) =>
  'token' in ref ? `/api/checkin-link` : `/api/checkins/${encodeURIComponent(ref.id)}`;
const query = (ref: CheckinRef) => ('token' in ref ? `?token=${encodeURIComponent(ref.token)}` : '');

export const keys = {
  checkin: (ref: CheckinRef) => ['checkin', 'token' in ref ? ref.token : ref.id] as const,
  mine: ['wellbeing', 'mine'] as const,
  directory: (orgId: string) => ['wellbeing', 'directory', orgId] as const,
  guide: (orgId: string, lang: string) => ['wellbeing', 'guide', orgId, lang] as const,
  settings: (programmeId: string) => ['wellbeing', 'settings', programmeId] as const,
  summary: (programmeId: string) => ['wellbeing', 'summary', programmeId] as const,
  person: (programmeId: string, userId: string) => ['wellbeing', 'person', programmeId, userId] as const,
  alert: (id: string) => ['wellbeing', 'alert', id] as const,
};

export const useCheckin = (ref: CheckinRef) =>
  useQuery({
    queryKey: keys.checkin(ref),
    queryFn: () => api.get<Checkin>(`${base(ref)}${query(ref)}`),
    retry: false,
  });

export function useAnswerCheckin(ref: CheckinRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerBody) => api.post<Checkin>(`${base(ref)}${query(ref)}`, body),
    onSuccess: (data) => {
      qc.setQueryData(keys.checkin(ref), data);
      void qc.invalidateQueries({ queryKey: keys.mine });
    },
  });
}

export function useTellTutor(ref: CheckinRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tell: boolean) => api.post<Checkin>(`${base(ref)}/tell-tutor${query(ref)}`, { tell }),
    onSuccess: (data) => qc.setQueryData(keys.checkin(ref), data),
  });
}

export const useMyWellbeing = () =>
  useQuery({ queryKey: keys.mine, queryFn: () => api.get<Mine>('/api/me/wellbeing') });

export function useConsent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { programmeId: string; consent: boolean }) =>
      api.put<Mine>(`/api/programmes/${v.programmeId}/checkin-consent`, { consent: v.consent }),
    onSuccess: (data) => qc.setQueryData(keys.mine, data),
  });
}

export const useDirectory = (orgId: string) =>
  useQuery({ queryKey: keys.directory(orgId), queryFn: () => api.get<Directory>(`/api/orgs/${orgId}/help`) });

export function useSaveDirectory(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DirectoryBody) => api.put<Directory>(`/api/orgs/${orgId}/help`, body),
    onSuccess: (data) => qc.setQueryData(keys.directory(orgId), data),
  });
}

export const useGuide = (orgId: string, lang: string) =>
  useQuery({
    queryKey: keys.guide(orgId, lang),
    queryFn: () => api.get<Guide>(`/api/orgs/${orgId}/guide?lang=${lang === 'en' ? 'en' : 'fr'}`),
    enabled: orgId !== '',
  });

export function useSaveGuide(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GuideBody) => api.put<Guide>(`/api/orgs/${orgId}/guide`, body),
    onSuccess: (data, body) => qc.setQueryData(keys.guide(orgId, body.lang), data),
  });
}

export const useCheckinSettings = (programmeId: string) =>
  useQuery({
    queryKey: keys.settings(programmeId),
    queryFn: () => api.get<Settings>(`/api/programmes/${programmeId}/checkin-settings`),
  });

export function useSaveCheckinSettings(programmeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsBody) =>
      api.put<Settings>(`/api/programmes/${programmeId}/checkin-settings`, body),
    onSuccess: (data) => qc.setQueryData(keys.settings(programmeId), data),
  });
}

export const useWellbeingSummary = (programmeId: string) =>
  useQuery({
    queryKey: keys.summary(programmeId),
    queryFn: () => api.get<Summary>(`/api/programmes/${programmeId}/wellbeing/summary`),
  });

export const usePersonCheckins = (programmeId: string, userId: string, enabled = true) =>
  useQuery({
    queryKey: keys.person(programmeId, userId),
    queryFn: () => api.get<PersonCheckins>(`/api/programmes/${programmeId}/people/${userId}/checkins`),
    enabled,
  });

export const useWellbeingAlert = (id: string) =>
  useQuery({
    queryKey: keys.alert(id),
    queryFn: () => api.get<WellbeingAlert>(`/api/wellbeing-alerts/${id}`),
  });

export function useAlertSeen(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>(`/api/wellbeing-alerts/${id}/seen`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.alert(id) });
      void qc.invalidateQueries({ queryKey: keys.mine });
    },
  });
}
