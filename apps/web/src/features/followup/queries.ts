import type {
  activityBody,
  alertsView,
  alertView,
  closeBody,
  dashboardView,
  messageBody,
  notificationsView,
  preferencesView,
  reviewSummaryView,
  snoozeBody,
} from '@compagnon/server/modules/followup/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import type { MutationCallbacks } from '../../app/query';
import { nextKey } from '../orgs/next';

export type Alert = z.infer<typeof alertView>;
export type Alerts = z.infer<typeof alertsView>;
export type Dashboard = z.infer<typeof dashboardView>;
export type Notices = z.infer<typeof notificationsView>;
export type Notice = Notices['items'][number];
export type Preferences = z.infer<typeof preferencesView>;
export type Channel = Preferences['channels']['alert'][number];
export type Activity = z.input<typeof activityBody>;

export const keys = {
  followup: (programmeId: string) => ['followup', programmeId] as const,
  dashboard: (programmeId: string, cohortId: string | null) =>
    ['followup', programmeId, 'dashboard', cohortId] as const,
  alerts: (programmeId: string) => ['followup', programmeId, 'alerts'] as const,
  notifications: ['notifications'] as const,
  preferences: ['notification-preferences'] as const,
};

export const useDashboard = (programmeId: string, cohortId: string | null) =>
  useQuery({
    queryKey: keys.dashboard(programmeId, cohortId),
    queryFn: () =>
      api.get<Dashboard>(
        `/api/programmes/${programmeId}/followup/dashboard${cohortId ? `?cohortId=${cohortId}` : ''}`,
      ),
  });

/** The yearly review's figures the screen shows (the server sends more; the files hold them all). */
export type ReviewSummary = z.infer<typeof reviewSummaryView>;

const reviewPath = (programmeId: string, year: number | null | undefined, ext = '') =>
  `/api/programmes/${programmeId}/followup/review${ext}${year == null ? '' : `?year=${year}`}`;

/** The review of `year`, or of the current review year when none is chosen. */
export const useReview = (programmeId: string, year: number | null) =>
  useQuery({
    queryKey: ['followup', programmeId, 'review', year] as const,
    queryFn: () => api.get<ReviewSummary>(reviewPath(programmeId, year)),
  });

/** The review of `year` (the current one when not known yet) as a file to download. */
export const reviewFileUrl = (programmeId: string, year: number | undefined, format: 'pdf' | 'csv') =>
  reviewPath(programmeId, year, `.${format}`);

export const useAlerts = (programmeId: string) =>
  useQuery({
    queryKey: keys.alerts(programmeId),
    queryFn: () => api.get<Alerts>(`/api/programmes/${programmeId}/followup/alerts`),
  });

/** A contact or an attempt the tutor notes; the programme's follow-up is read again. */
export function useLogActivity(programmeId: string, options: MutationCallbacks<unknown, Activity> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (body: Activity) => api.post(`/api/programmes/${programmeId}/followup/activity`, body),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      void qc.invalidateQueries({ queryKey: keys.followup(programmeId) });
    },
  });
}

export type AlertAction =
  | { path: 'snooze'; body: z.input<typeof snoozeBody> }
  | { path: 'close'; body: z.input<typeof closeBody> }
  | { path: 'message'; body: z.input<typeof messageBody> };

/** A coordinator's action on an alert (snooze, close, message); the follow-up is read again. */
export function useAlertAction(
  alertId: string,
  programmeId: string,
  options: MutationCallbacks<unknown, AlertAction> = {},
) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: ({ path, body }: AlertAction) => api.post(`/api/followup/alerts/${alertId}/${path}`, body),
    onSuccess: (...args) => {
      options.onSuccess?.(...args);
      void qc.invalidateQueries({ queryKey: keys.followup(programmeId) });
    },
  });
}

export const useNotifications = () =>
  useQuery({ queryKey: keys.notifications, queryFn: () => api.get<Notices>('/api/notifications') });

export function useMarkNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read', {}),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keys.notifications }),
        qc.invalidateQueries({ queryKey: nextKey }),
      ]),
  });
}

export const useNotificationPreferences = () =>
  useQuery({
    queryKey: keys.preferences,
    queryFn: () => api.get<Preferences>('/api/me/notification-preferences'),
  });

/** Saves the preferences (the phone flag is the server's to say) and keeps its answer in the cache. */
export function useSaveNotificationPreferences(options: MutationCallbacks<Preferences, Preferences> = {}) {
  const qc = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: ({ phoneForSms: _, ...body }: Preferences) =>
      api.put<Preferences>('/api/me/notification-preferences', body),
    onSuccess: (fresh, ...rest) => {
      qc.setQueryData(keys.preferences, fresh);
      options.onSuccess?.(fresh, ...rest);
    },
  });
}
