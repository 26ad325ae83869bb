import { Checkbox, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { MeetingBasics, type Mode } from './MeetingBasics';
import { dateIn, type ProgrammeMeetings, type Slots, useFindSlots, useProposeMeeting } from './queries';
import type { SearchRange } from './SearchRange';
import { SlotResults } from './SlotResults';
import { SlotSearch } from './SlotSearch';

const toggled = (set: Set<string>, id: string) => {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
};

/** The best time of each of the first three days: a poll across evenings gets more answers. */
function bestOfFirstDays(r: Slots) {
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: r.timeZone }).format(new Date(iso));
  const seen = new Set<string>();
  const best = r.slots.filter((s) => !seen.has(day(s.start)) && !!seen.add(day(s.start))).slice(0, 3);
  return new Set(best.map((s) => s.start));
}

/**
 * The people invited first: those of the page it was opened from (?avec=), else the programme's
 * unit: one tutee where it works in pairs, the group where it works in groups; a coordinator picks.
 */
function firstInvitees(meetings: ProgrammeMeetings, avec: string | null, team: string | null) {
  const known = new Set(meetings.candidates.map((c) => c.id));
  const asked = (avec ?? '').split(',').filter((id) => known.has(id));
  // A team meeting (?equipe=, from the team's page) invites the whole team.
  if (team && asked.length === 0)
    return meetings.candidates.filter((c) => c.role === 'teammate').map((c) => c.id);
  return asked.length > 0 ? asked : meetings.defaults.participantIds;
}

/** The title first proposed: a team meeting's, one tutee's in a pair programme, else a group's. */
const firstTitle = (meetings: ProgrammeMeetings, invited: number, teamId: string | null) =>
  teamId
    ? 'teams.meetings.defaultTitle'
    : invited === 1 && meetings.defaults.unit === 'pair'
      ? 'meetings.new.defaultTitleOne'
      : 'meetings.new.defaultTitle';

/** The meeting's name, mode, place or link and guide, as MeetingBasics edits them. */
function useBasics(firstTitle: () => string) {
  const [title, onTitle] = useState(firstTitle);
  const [mode, onMode] = useState<Mode>('in-person');
  const [place, onPlace] = useState('');
  const [videoUrl, onVideoUrl] = useState('');
  const [guideId, onGuideId] = useState<string | null>(null);
  return { title, onTitle, mode, onMode, place, onPlace, videoUrl, onVideoUrl, guideId, onGuideId };
}

/** Ninety minutes, evenings of the next two weeks (from the day asked, if one is). */
const firstRange = (zone: string, from: string | null): SearchRange => ({
  duration: '90',
  from: from ?? dateIn(zone, 1),
  to: dateIn(zone, 14),
  dayStart: '18:30',
  dayEnd: '21:30',
});

/**
 * The yearly tutored interview (a tutor with one of their tutees, where the programme keeps a
 * portfolio): chosen, it takes its own title.
 */
function useInterviewChoice(onTitle: (title: string) => void) {
  const { t } = useTranslation();
  const [interview, setInterview] = useState(false);
  const choose = (on: boolean) => {
    setInterview(on);
    onTitle(t(on ? 'meetings.interview.defaultTitle' : 'meetings.new.defaultTitleOne'));
  };
  return [interview, choose] as const;
}

/** The yearly tutored interview instead of an ordinary meeting. */
function InterviewChoice({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox
      label={t('meetings.interview.choose')}
      description={t('meetings.interview.chooseHelp')}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}

/** What the meeting is, the slot finder, and the times it found to propose. */
export function NewMeetingForm({
  programmeId,
  meetings,
}: {
  programmeId: string;
  meetings: ProgrammeMeetings;
}) {
  const { t } = useProgrammeTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const teamId = params.get('equipe');
  const [invited, setInvited] = useState(() => new Set(firstInvitees(meetings, params.get('avec'), teamId)));
  const basics = useBasics(() => t(firstTitle(meetings, invited.size, teamId)));
  const { title, mode, place, videoUrl, guideId } = basics;
  const [interview, chooseInterview] = useInterviewChoice(basics.onTitle);
  const [range, setRange] = useState(() => firstRange(meetings.timeZone, params.get('from')));
  const [required, setRequired] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const search = useFindSlots(programmeId, { onSuccess: (r) => setPicked(bestOfFirstDays(r)) });
  const propose = useProposeMeeting(programmeId, { onSuccess: (r) => navigate(`/rencontres/${r.id}`) });
  const { duration, ...window } = range;

  return (
    <Stack gap="lg" maw={860}>
      <Title order={2} fz={22}>
        {t('meetings.new.title')}
      </Title>
      {meetings.actions.createInterview && !teamId && (
        <InterviewChoice checked={interview} onChange={chooseInterview} />
      )}
      <MeetingBasics {...basics} guides={meetings.guides} />
      <SlotSearch
        // A team meeting lists the teammates; any other meeting the people one follows, not them.
        candidates={meetings.candidates.filter((c) => (c.role === 'teammate') === Boolean(teamId))}
        {...{ invited, required, range }}
        onInvite={(id) => setInvited(toggled(invited, id))}
        onRequire={(id) => setRequired(toggled(required, id))}
        onRange={setRange}
        onSearch={() =>
          search.mutate({
            participantIds: [...invited],
            requiredIds: [...required],
            durationMinutes: Number(duration),
            ...window,
            limit: 12,
          })
        }
        searching={search.isPending}
        error={search.error}
      />
      {search.data && (
        <SlotResults
          result={search.data}
          picked={picked}
          onPick={(start) => setPicked(toggled(picked, start))}
          onPropose={() =>
            propose.mutate({
              kind: interview ? 'tutored-interview' : 'meeting',
              title:
                title.trim() ||
                t(interview ? 'meetings.interview.defaultTitle' : 'meetings.new.defaultTitle'),
              mode,
              place: mode === 'in-person' && place.trim() ? place.trim() : null,
              videoUrl: mode === 'video' && videoUrl.trim() ? videoUrl.trim() : null,
              guideId,
              teamId,
              durationMinutes: Number(duration),
              participantIds: [...invited],
              requiredIds: [...required],
              options: [...picked].sort().map((start) => ({ start })),
            })
          }
          proposing={propose.isPending}
          error={propose.error}
        />
      )}
    </Stack>
  );
}
