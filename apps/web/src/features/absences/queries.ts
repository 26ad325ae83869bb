import type {
  continuityView,
  coordinationView,
  declareBody,
  memberView,
  teamLeaveView,
} from '@compagnon/server/modules/absences/schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';

export type MemberView = z.infer<typeof memberView>;
export type OwnAbsence = MemberView['absences'][number];
export type CoverRequest = MemberView['requests'][number];
export type CoordinationView = z.infer<typeof coordinationView>;
export type ContinuityView = z.infer<typeof continuityView>;
export type TeamLeave = z.infer<typeof teamLeaveView>;
export type Dates = z.input<typeof declareBody>;

const keys = {
  mine: (programmeId: string) => ['absences', programmeId] as const,
  coordination: (programmeId: string) => ['absences', programmeId, 'coordination'] as const,
  continuity: (scope: string) => ['absences', 'continuity', scope] as const,
  leave: (teamId: string) => ['absences', 'leave', teamId] as const,
};

/** The actor's absences, the requests to stand in addressed to them, whom to contact as a tutee. */
export const useMyAbsences = (programmeId: string) =>
  useQuery({
    queryKey: keys.mine(programmeId),
    queryFn: () => api.get<MemberView>(`/api/programmes/${programmeId}/absences`),
  });

export const useCoordination = (programmeId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.coordination(programmeId),
    queryFn: () => api.get<CoordinationView>(`/api/programmes/${programmeId}/absences/coordination`),
    enabled,
  });

/** The continuity check of a team, or (for the coordination) of the whole programme. */
export const useContinuity = (scope: { teamId: string } | { programmeId: string }) => {
  const url =
    'teamId' in scope
      ? `/api/teams/${scope.teamId}/continuity`
      : `/api/programmes/${scope.programmeId}/continuity`;
  return useQuery({ queryKey: keys.continuity(url), queryFn: () => api.get<ContinuityView>(url) });
};

/** The team members' days away from today on (days only, never a reason). */
export const useTeamLeave = (teamId: string) =>
  useQuery({ queryKey: keys.leave(teamId), queryFn: () => api.get<TeamLeave>(`/api/teams/${teamId}/leave`) });

/** Every change here refreshes everything of leave and replacement the page shows. */
function useAbsenceMutation<T>(fn: (arg: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['absences'] }),
  });
}

export const useDeclare = (programmeId: string) =>
  useAbsenceMutation((body: Dates) =>
    api.post<{ id: string }>(`/api/programmes/${programmeId}/absences`, body),
  );
export const useEdit = () =>
  useAbsenceMutation(({ id, ...body }: Dates & { id: string }) => api.put(`/api/absences/${id}`, body));
export const useShorten = () =>
  useAbsenceMutation(({ id, endOn }: { id: string; endOn: string }) =>
    api.post(`/api/absences/${id}/shorten`, { endOn }),
  );
export const useAbsenceAction = (action: 'cancel' | 'send') =>
  useAbsenceMutation((id: string) => api.post(`/api/absences/${id}/${action}`));
export const useProposal = () =>
  useAbsenceMutation(({ coverId, backupId }: { coverId: string; backupId: string }) =>
    api.put(`/api/absence-covers/${coverId}/proposal`, { backupId }),
  );
export const useAnswer = (answer: 'accept' | 'decline') =>
  useAbsenceMutation((coverId: string) => api.post(`/api/absence-covers/${coverId}/${answer}`));
export const useNameBackup = () =>
  useAbsenceMutation(({ coverId, backupId }: { coverId: string; backupId: string }) =>
    api.put(`/api/absence-covers/${coverId}/backup`, { backupId }),
  );
