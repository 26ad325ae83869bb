import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { ProgrammeEvent as Event } from './queries';

dayjs.extend(utc);
dayjs.extend(timezone);

export const KINDS = ['course-day', 'welcome-day', 'other'] as const;

export interface Draft {
  title: string;
  kind: (typeof KINDS)[number];
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  busy: boolean;
}

/** Wall-clock date and time in the programme's zone ↔ instants: the form speaks the zone's clock. */
export const toInstant = (date: string, time: string, zone: string) =>
  dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', zone).toISOString();
export const local = (iso: string, zone: string) => {
  const d = dayjs(iso).tz(zone);
  return { date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') };
};

export function draftOf(e: Event | null, zone: string): Draft {
  if (!e) {
    const date = dayjs().tz(zone).add(7, 'day').format('YYYY-MM-DD');
    return {
      title: '',
      kind: 'course-day',
      startDate: date,
      startTime: '09:00',
      endDate: date,
      endTime: '17:00',
      busy: true,
    };
  }
  const s = local(e.start, zone);
  const en = local(e.end, zone);
  return {
    title: e.title,
    kind: (KINDS as readonly string[]).includes(e.kind) ? (e.kind as Draft['kind']) : 'other',
    startDate: s.date,
    startTime: s.time,
    endDate: en.date,
    endTime: en.time,
    busy: e.busy,
  };
}

/** "jeudi 3 décembre, 9:00 → 17:00" (or across days). */
