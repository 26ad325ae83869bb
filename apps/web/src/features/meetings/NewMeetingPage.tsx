import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { dateIn, useFindSlots, useProgrammeMeetings, useProposeMeeting } from './api';
import { MeetingBasics, type Mode } from './MeetingBasics';
import { SlotResults } from './SlotResults';

/** The slot finder: who, how long, when; the engine ranks the times; one tap proposes the best. */
export function NewMeetingPage() {
  const { t, i18n } = useProgrammeTranslation();
  const { programme } = useProgrammeContext();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const data = useProgrammeMeetings(programme.id);
  const zone = data.data?.timeZone ?? 'Europe/Paris';
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<Mode>('in-person');
  const [place, setPlace] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [duration, setDuration] = useState('90');
  const [from, setFrom] = useState(() => params.get('from') ?? dateIn(zone, 1));
  const [to, setTo] = useState(() => dateIn(zone, 14));
  const [dayStart, setDayStart] = useState('18:30');
  const [dayEnd, setDayEnd] = useState('21:30');
  const [guideId, setGuideId] = useState<string | null>(null);
  const [invited, setInvited] = useState<Set<string> | null>(null);
  const [required, setRequired] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<Set<string>>(new Set());

  const candidates = data.data?.candidates ?? [];
  useEffect(() => {
    if (data.data && invited === null) {
      // The people of the page it was opened from (?avec=), else the programme's unit: one tutee
      // where it works in pairs, the group where it works in groups; a coordinator picks.
      const known = new Set(candidates.map((c) => c.id));
      const asked = (params.get('avec') ?? '').split(',').filter((id) => known.has(id));
      const first = asked.length > 0 ? asked : data.data.defaults.participantIds;
      setInvited(new Set(first));
      setTitle(
        t(
          first.length === 1 && data.data.defaults.unit === 'pair'
            ? 'meetings.new.defaultTitleOne'
            : 'meetings.new.defaultTitle',
        ),
      );
    }
  }, [data.data, invited, candidates, params, t]);

  const search = useFindSlots(programme.id, {
    // The best time of each of the first three days: a poll across evenings gets more answers.
    onSuccess: (r) => {
      const day = (iso: string) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: r.timeZone }).format(new Date(iso));
      const seen = new Set<string>();
      const best = r.slots.filter((s) => !seen.has(day(s.start)) && !!seen.add(day(s.start))).slice(0, 3);
      setPicked(new Set(best.map((s) => s.start)));
    },
  });
  const propose = useProposeMeeting(programme.id, { onSuccess: (r) => navigate(`/rencontres/${r.id}`) });

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data || invited === null) return <Loading />;
  if (!data.data.actions.create) return <Alert color="gray">{t('meetings.new.notAllowed')}</Alert>;
  const _lang = i18n.language;
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  return (
    <Stack gap="lg" maw={860}>
      <Title order={2} fz={22}>
        {t('meetings.new.title')}
      </Title>
      <MeetingBasics
        title={title}
        onTitle={setTitle}
        mode={mode}
        onMode={setMode}
        place={place}
        onPlace={setPlace}
        videoUrl={videoUrl}
        onVideoUrl={setVideoUrl}
        guideId={guideId}
        onGuideId={setGuideId}
        guides={data.data.guides}
      />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text fw={600} id="who-label">
            {t('meetings.new.who')}
          </Text>
          <Stack gap={6} role="group" aria-labelledby="who-label">
            {candidates.map((c) => (
              <Group key={c.id} justify="space-between" wrap="nowrap">
                <Checkbox
                  style={{ minWidth: 0, flex: 1 }}
                  label={c.name}
                  checked={invited.has(c.id)}
                  onChange={() => setInvited(toggle(invited, c.id))}
                />
                <Switch
                  style={{ flexShrink: 0 }}
                  size="xs"
                  label={t('meetings.new.required')}
                  checked={required.has(c.id)}
                  disabled={!invited.has(c.id)}
                  onChange={() => setRequired(toggle(required, c.id))}
                />
              </Group>
            ))}
          </Stack>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            <Select
              label={t('meetings.new.duration')}
              value={duration}
              onChange={(v) => setDuration(v ?? '90')}
              data={['30', '60', '90', '120', '180'].map((m) => ({
                value: m,
                label: t('meetings.minutes', { count: Number(m) }),
              }))}
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={t('meetings.new.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('meetings.new.to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={t('meetings.new.dayStart')}
              value={dayStart}
              onChange={(e) => setDayStart(e.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={t('meetings.new.dayEnd')}
              value={dayEnd}
              onChange={(e) => setDayEnd(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Button
            leftSection={<IconSearch size={16} aria-hidden />}
            onClick={() =>
              search.mutate({
                participantIds: [...(invited ?? [])],
                requiredIds: [...required],
                durationMinutes: Number(duration),
                from,
                to,
                dayStart,
                dayEnd,
                limit: 12,
              })
            }
            loading={search.isPending}
            disabled={invited.size === 0}
            w="fit-content"
          >
            {t('meetings.new.search')}
          </Button>
          {search.error && <ErrorAlert error={search.error} />}
        </Stack>
      </Paper>

      {search.data && (
        <SlotResults
          result={search.data}
          picked={picked}
          onPick={(start) => setPicked(toggle(picked, start))}
          onPropose={() =>
            propose.mutate({
              title: title.trim() || t('meetings.new.defaultTitle'),
              mode,
              place: mode === 'in-person' && place.trim() ? place.trim() : null,
              videoUrl: mode === 'video' && videoUrl.trim() ? videoUrl.trim() : null,
              guideId,
              durationMinutes: Number(duration),
              participantIds: [...(invited ?? [])],
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
