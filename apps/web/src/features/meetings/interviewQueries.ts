import type { interviewGrid } from '@compagnon/server/modules/meetings/interview-schema.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api';
import { keys, type Report } from './queries';

export type InterviewView = NonNullable<Report['interview']>;
export type InterviewGrid = z.output<typeof interviewGrid>;
export type Level = 'novice' | 'intermediate' | 'competent';
export const levels: Level[] = ['novice', 'intermediate', 'competent'];

function useReportChange<V>(meetingId: string, fn: (v: V) => Promise<Report>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(keys.report(meetingId), data);
      qc.invalidateQueries({ queryKey: keys.meeting(meetingId) });
    },
  });
}

/** The resident's own view of their year, written on the filed report. */
export const useResidentView = (meetingId: string) =>
  useReportChange(meetingId, (text: string) =>
    api.put<Report>(`/api/meetings/${meetingId}/report/resident-view`, { text }),
  );

/** A signature: the typed full name, the consent, and the hash of the content read. */
export const useSignInterview = (meetingId: string) =>
  useReportChange(meetingId, (body: { name: string; consent: true; hash: string }) =>
    api.post<Report>(`/api/meetings/${meetingId}/report/signatures`, body),
  );

/** The grid as the tutor starts it: each competency of the framework, nothing chosen yet. */
export function gridOf(view: InterviewView): InterviewGrid {
  const r = view.record;
  return {
    competencies: view.competencies.map((c) => {
      const mine = r?.competencies.find((x) => x.id === c.id);
      return { id: c.id, level: mine?.level ?? null, note: mine?.note ?? '' };
    }),
    traceIds: r?.traceIds ?? [],
    plan: r?.plan ?? '',
  };
}
