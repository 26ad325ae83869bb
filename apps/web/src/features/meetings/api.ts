import type {
  availabilityView,
  contactsView,
  meetingView,
  pollView,
  programmeMeetingsView,
  reportView,
  slotsView,
} from '@compagnon/server/modules/meetings/schema.ts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type Availability = z.infer<typeof availabilityView>;
export type ProgrammeMeetings = z.infer<typeof programmeMeetingsView>;
export type Slots = z.infer<typeof slotsView>;
export type MeetingDetail = z.infer<typeof meetingView>;
export type Poll = z.infer<typeof pollView>;
export type Report = z.infer<typeof reportView>;
export type Contacts = z.infer<typeof contactsView>;
export type Answer = 'yes' | 'ifNeedBe' | 'no';

export const keys = {
  availability: (orgId: string) => ['availability', orgId] as const,
  meetings: (programmeId: string) => ['meetings', programmeId] as const,
  contacts: (programmeId: string) => ['contacts', programmeId] as const,
  meeting: (id: string) => ['meeting', id] as const,
  report: (id: string) => ['meeting-report', id] as const,
  poll: (token: string) => ['poll', token] as const,
};

export const useAvailability = (orgId: string) =>
  useQuery({
    queryKey: keys.availability(orgId),
    queryFn: () => api.get<Availability>(`/api/orgs/${orgId}/availability`),
  });

export const useProgrammeMeetings = (programmeId: string) =>
  useQuery({
    queryKey: keys.meetings(programmeId),
    queryFn: () => api.get<ProgrammeMeetings>(`/api/programmes/${programmeId}/meetings`),
  });

export const useContacts = (programmeId: string) =>
  useQuery({
    queryKey: keys.contacts(programmeId),
    queryFn: () => api.get<Contacts>(`/api/programmes/${programmeId}/contacts`),
  });

/** The organiser watches answers arrive: the meeting refreshes every few seconds while polling. */
export const useMeeting = (id: string) =>
  useQuery({
    queryKey: keys.meeting(id),
    queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'polling' ? 5000 : false),
  });

export const useReport = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.report(id),
    queryFn: () => api.get<Report>(`/api/meetings/${id}/report`),
    enabled,
  });

/** Date and time on the organisation's clock: "jeu. 26 nov., 18:30". */
export function slotLabel(iso: string, timeZone: string, lang: string, withYear = false) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function timeLabel(iso: string, timeZone: string, lang: string) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A local date (YYYY-MM-DD) some days from today in the zone. */
export function dateIn(timeZone: string, days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}
