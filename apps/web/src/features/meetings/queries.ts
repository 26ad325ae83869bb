import type {
  availabilityView,
  calendarBody,
  eventView,
  phraseView,
} from '@compagnon/server/modules/availability/schema.ts';
import type {
  contactBody,
  contactsView,
  eventBody,
  meetingBody,
  meetingView,
  pollView,
  programmeMeetingsView,
  reportBody,
  reportView,
  slotsBody,
  slotsView,
} from '@compagnon/server/modules/meetings/schema.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';

export type Availability = z.infer<typeof availabilityView>;
export type ProgrammeMeetings = z.infer<typeof programmeMeetingsView>;
export type Slots = z.infer<typeof slotsView>;
export type MeetingDetail = z.infer<typeof meetingView>;
export type Poll = z.infer<typeof pollView>;
export type Report = z.infer<typeof reportView>;
export type Contacts = z.infer<typeof contactsView>;
export type Answer = 'yes' | 'ifNeedBe' | 'no';
export type Phrase = z.infer<typeof phraseView>;
export type ProgrammeEvent = z.infer<typeof eventView>;
/** A rule as the page builds it: the shape the server shows, without its id. */
export type NewRule = Omit<Availability['rules'][number], 'id'>;
export type NewCalendar = z.input<typeof calendarBody>;
export type EventBody = z.input<typeof eventBody>;
export type SlotsQuery = z.input<typeof slotsBody>;
export type NewMeeting = z.input<typeof meetingBody>;
export type ReportBody = z.input<typeof reportBody>;
export type ContactBody = z.input<typeof contactBody>;
/** The server answers a creation with the new record's id (its schema is inline in the route). */
export type Created = { id: string };

export const keys = {
  availability: (orgId: string) => ['availability', orgId] as const,
  meetings: (programmeId: string) => ['meetings', programmeId] as const,
  contacts: (programmeId: string) => ['contacts', programmeId] as const,
  meeting: (id: string) => ['meeting', id] as const,
  report: (id: string) => ['meeting-report', id] as const,
  poll: (token: string) => ['poll', token] as const,
  phrase: (orgId: string, text: string) => ['phrase', orgId, text] as const,
  events: (programmeId: string) => ['programme-events', programmeId] as const,
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

/** The person's availability in the organisation is read again. */
export function useRefreshAvailability(orgId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.availability(orgId) });
}

export function useAddRule(orgId: string, options: MutationCallbacks<unknown, NewRule> = {}) {
  const refresh = useRefreshAvailability(orgId);
  return useMutation({
    ...options,
    mutationFn: (rule: NewRule) => api.post(`/api/orgs/${orgId}/availability/rules`, rule),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      void refresh();
    },
  });
}

/** Removes a rule or a calendar: `path` is `rules/<id>` or `calendars/<id>`. */
export function useRemoveAvailability(orgId: string) {
  const refresh = useRefreshAvailability(orgId);
  return useMutation({
    mutationFn: (path: string) => api.delete(`/api/orgs/${orgId}/availability/${path}`),
    onSuccess: refresh,
  });
}

export function useAddCalendar(orgId: string, options: MutationCallbacks<unknown, NewCalendar> = {}) {
  const refresh = useRefreshAvailability(orgId);
  return useMutation({
    ...options,
    mutationFn: (body: NewCalendar) => api.post(`/api/orgs/${orgId}/availability/calendars`, body),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      void refresh();
    },
  });
}

/** A new private feed address (the old one stops working). Its schema is inline in the route. */
export function useCreateFeed(orgId: string, options: MutationCallbacks<{ url: string }, void> = {}) {
  const refresh = useRefreshAvailability(orgId);
  return useMutation({
    ...options,
    mutationFn: () => api.post<{ url: string }>('/api/me/calendar-feed'),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      void refresh();
    },
  });
}

/** What the server understood of a phrase, asked again as the text settles; nothing is saved. */
export const usePhrasePreview = (orgId: string, text: string) =>
  useQuery({
    queryKey: keys.phrase(orgId, text),
    queryFn: () => api.post<Phrase>(`/api/orgs/${orgId}/availability/phrases/preview`, { text }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });

export const useSavePhrase = (orgId: string, options: MutationCallbacks<unknown, string> = {}) =>
  useMutation({
    ...options,
    mutationFn: (text: string) => api.post(`/api/orgs/${orgId}/availability/phrases`, { text }),
  });

export const useProgrammeEvents = (programmeId: string) =>
  useQuery({
    queryKey: keys.events(programmeId),
    queryFn: () => api.get<ProgrammeEvent[]>(`/api/programmes/${programmeId}/events`),
  });

/** Programme events count as busy times: every availability is read again with them. */
function useRefreshEvents(programmeId: string) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: keys.events(programmeId) });
    qc.invalidateQueries({ queryKey: ['availability'] });
  };
}

/** Creates an event (`id` null) or changes one. */
export function useSaveEvent(
  programmeId: string,
  options: MutationCallbacks<unknown, { id: string | null; body: EventBody }> = {},
) {
  const refresh = useRefreshEvents(programmeId);
  return useMutation({
    ...options,
    mutationFn: ({ id, body }: { id: string | null; body: EventBody }) =>
      id === null
        ? api.post(`/api/programmes/${programmeId}/events`, body)
        : api.patch(`/api/programmes/${programmeId}/events/${id}`, body),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      refresh();
    },
  });
}

export function useRemoveEvent(
  programmeId: string,
  options: MutationCallbacks<unknown, ProgrammeEvent> = {},
) {
  const refresh = useRefreshEvents(programmeId);
  return useMutation({
    ...options,
    mutationFn: (e: ProgrammeEvent) => api.delete(`/api/programmes/${programmeId}/events/${e.id}`),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      refresh();
    },
  });
}

export const useFindSlots = (programmeId: string, options: MutationCallbacks<Slots, SlotsQuery> = {}) =>
  useMutation({
    ...options,
    mutationFn: (body: SlotsQuery) => api.post<Slots>(`/api/programmes/${programmeId}/slots`, body),
  });

export const useProposeMeeting = (
  programmeId: string,
  options: MutationCallbacks<Created, NewMeeting> = {},
) =>
  useMutation({
    ...options,
    mutationFn: (body: NewMeeting) => api.post<Created>(`/api/programmes/${programmeId}/meetings`, body),
  });

/** A contact with a tutee noted from the meetings tab (`name` is kept for the confirmation). */
export function useLogContact(programmeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name: _, ...body }: ContactBody & { name: string }) =>
      api.post(`/api/programmes/${programmeId}/contacts`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.contacts(programmeId) }),
  });
}

/** Confirm, cancel or answer a meeting: the answer is the fresh meeting, put in the cache. */
function useMeetingChange<V>(meetingId: string, request: (v: V) => Promise<MeetingDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data: MeetingDetail) => qc.setQueryData(keys.meeting(meetingId), data),
  });
}

export const useConfirmMeeting = (meetingId: string) =>
  useMeetingChange(meetingId, (optionId: string) =>
    api.post<MeetingDetail>(`/api/meetings/${meetingId}/confirm`, { optionId }),
  );

export const useCancelMeeting = (meetingId: string) =>
  useMeetingChange(meetingId, () => api.post<MeetingDetail>(`/api/meetings/${meetingId}/cancel`));

export const useAnswerMeeting = (meetingId: string) =>
  useMeetingChange(meetingId, (a: { optionId: string; answer: Answer }) =>
    api.post<MeetingDetail>(`/api/meetings/${meetingId}/answers`, { answers: [a] }),
  );

/** Nudges those who have not answered the poll; the meeting (with its last nudge) is read again. */
export function useNudgeMeeting(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ nudged: number }>(`/api/meetings/${meetingId}/nudge`),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.meeting(meetingId) }),
  });
}

/** Changes the meeting's place or video link (the people of a confirmed meeting get the update). */
export const useEditMeeting = (meetingId: string) =>
  useMeetingChange(meetingId, (patch: { place?: string | null; videoUrl?: string | null }) =>
    api.patch<MeetingDetail>(`/api/meetings/${meetingId}`, patch),
  );

/** Saves the report (`file`: filed, no longer a draft); the meeting is read again. */
export function useSaveReport(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportBody) => api.put<Report>(`/api/meetings/${meetingId}/report`, body),
    onSuccess: (data) => {
      qc.setQueryData(keys.report(meetingId), data);
      qc.invalidateQueries({ queryKey: keys.meeting(meetingId) });
    },
  });
}

/** The poll behind a private link: no account needed. */
export const usePoll = (token: string) =>
  useQuery({
    queryKey: keys.poll(token),
    queryFn: () => api.get<Poll>(`/api/polls/${token}`),
    enabled: token.length > 0,
    retry: false,
  });

export function useAnswerPoll(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { optionId: string; answer: Answer }) =>
      api.post<Poll>(`/api/polls/${token}`, { answers: [a] }),
    onSuccess: (data) => qc.setQueryData(keys.poll(token), data),
  });
}

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
