import type {
  createBody,
  moveBody,
  myTeamsView,
  reportView,
  teamPage,
  teamReportContent,
  teamsView,
  threadView,
} from '@compagnon/server/modules/teams/schema.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import { type MutationCallbacks, useInvalidatingMutation } from '../../app/query';

export type Teams = z.infer<typeof teamsView>;
export type MyTeams = z.infer<typeof myTeamsView>;
export type TeamPageView = z.infer<typeof teamPage>;
export type TeamMember = TeamPageView['members'][number];
export type TeamThread = z.infer<typeof threadView>;
export type TeamReport = z.infer<typeof reportView>;
export type TeamReportContent = z.input<typeof teamReportContent>;
export type NewTeam = z.input<typeof createBody>;
export type NewMove = z.input<typeof moveBody>;

const keys = {
  all: ['teams'] as const,
  mine: ['teams', 'mine'] as const,
  programme: (id: string) => ['teams', 'programme', id] as const,
  team: (id: string) => ['teams', 'team', id] as const,
  thread: (id: string) => ['teams', 'thread', id] as const,
  report: (teamId: string, meetingId: string) => ['teams', 'report', teamId, meetingId] as const,
};

export const useMyTeams = () =>
  useQuery({ queryKey: keys.mine, queryFn: () => api.get<MyTeams>('/api/me/teams') });

export const useProgrammeTeams = (programmeId: string) =>
  useQuery({
    queryKey: keys.programme(programmeId),
    queryFn: () => api.get<Teams>(`/api/programmes/${programmeId}/teams`),
  });

export const useTeam = (teamId: string) =>
  useQuery({ queryKey: keys.team(teamId), queryFn: () => api.get<TeamPageView>(`/api/teams/${teamId}`) });

/** The team's thread; opening it marks it read, so the unread counts are read again. */
export function useTeamThread(teamId: string, enabled: boolean) {
  const qc = useQueryClient();
  return useQuery({
    enabled,
    queryKey: keys.thread(teamId),
    queryFn: async () => {
      const view = await api.get<TeamThread>(`/api/teams/${teamId}/messages`);
      void qc.invalidateQueries({ queryKey: keys.mine });
      return view;
    },
  });
}

export const useTeamReport = (teamId: string, meetingId: string) =>
  useQuery({
    queryKey: keys.report(teamId, meetingId),
    queryFn: () => api.get<TeamReport>(`/api/teams/${teamId}/meetings/${meetingId}/report`),
  });

/** Any change to teams: every team view is read again. */
const useTeamMutation = <V, R = unknown>(call: (v: V) => Promise<R>, options: MutationCallbacks<R, V> = {}) =>
  useInvalidatingMutation(keys.all, call, options);

export const useCreateTeam = (programmeId: string, o?: MutationCallbacks<{ id: string }, NewTeam>) =>
  useTeamMutation((v: NewTeam) => api.post<{ id: string }>(`/api/programmes/${programmeId}/teams`, v), o);
export const useTeamsFromGroups = (programmeId: string, o?: MutationCallbacks<{ created: number }, void>) =>
  useTeamMutation(() => api.post<{ created: number }>(`/api/programmes/${programmeId}/teams/from-groups`), o);
export const useRenameTeam = (teamId: string, o?: MutationCallbacks<unknown, string>) =>
  useTeamMutation((name: string) => api.patch(`/api/teams/${teamId}`, { name }), o);
export const useDissolveTeam = (teamId: string, o?: MutationCallbacks<unknown, void>) =>
  useTeamMutation(() => api.post(`/api/teams/${teamId}/dissolve`), o);
export const useAddTeamMember = (teamId: string, o?: MutationCallbacks<unknown, string>) =>
  useTeamMutation((userId: string) => api.post(`/api/teams/${teamId}/members`, { userId }), o);
export const useRemoveTeamMember = (teamId: string, o?: MutationCallbacks<unknown, string>) =>
  useTeamMutation((userId: string) => api.delete(`/api/teams/${teamId}/members/${userId}`), o);
export const useWriteInTeam = (teamId: string, o?: MutationCallbacks<unknown, string>) =>
  useTeamMutation((body: string) => api.post(`/api/teams/${teamId}/messages`, { body }), o);
export const useSaveTeamReport = (
  teamId: string,
  meetingId: string,
  o?: MutationCallbacks<unknown, TeamReportContent>,
) =>
  useTeamMutation(
    (c: TeamReportContent) => api.put(`/api/teams/${teamId}/meetings/${meetingId}/report`, c),
    o,
  );
export const useRaiseOverload = (teamId: string, o?: MutationCallbacks<unknown, string | null>) =>
  useTeamMutation((message: string | null) => api.post(`/api/teams/${teamId}/overloads`, { message }), o);
export const useCloseOverload = (
  teamId: string,
  o?: MutationCallbacks<unknown, { id: string; note: string | null }>,
) =>
  useTeamMutation(
    (v: { id: string; note: string | null }) =>
      api.post(`/api/teams/${teamId}/overloads/${v.id}/close`, { note: v.note }),
    o,
  );
export const useProposeMove = (teamId: string, o?: MutationCallbacks<unknown, NewMove>) =>
  useTeamMutation((v: NewMove) => api.post(`/api/teams/${teamId}/moves`, v), o);
export type MoveStep = 'accept' | 'approve' | 'decline' | 'cancel';
export const useMoveStep = (teamId: string, o?: MutationCallbacks<unknown, { id: string; step: MoveStep }>) =>
  useTeamMutation(
    (v: { id: string; step: MoveStep }) => api.post(`/api/teams/${teamId}/moves/${v.id}/${v.step}`),
    o,
  );
