import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch, IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { dateIn, type Slots, slotLabel, timeLabel, useProgrammeMeetings } from './api';

type Mode = 'in-person' | 'video' | 'phone';

/** The slot finder: who, how long, when; the engine ranks the times; one tap proposes the best. */
export function NewMeetingPage() {
  const { t, i18n } = useTranslation();
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
      // A tutor's group is invited whole; a coordinator picks.
      setInvited(new Set(candidates.length <= 12 ? candidates.map((c) => c.id) : []));
      setTitle(t('meetings.new.defaultTitle'));
    }
  }, [data.data, invited, candidates, t]);

  const search = useMutation({
    mutationFn: () =>
      api.post<Slots>(`/api/programmes/${programme.id}/slots`, {
        participantIds: [...(invited ?? [])],
        requiredIds: [...required],
        durationMinutes: Number(duration),
        from,
        to,
        dayStart,
        dayEnd,
        limit: 12,
      }),
    // The best time of each of the first three days: a poll across evenings gets more answers.
    onSuccess: (r) => {
      const day = (iso: string) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: r.timeZone }).format(new Date(iso));
      const seen = new Set<string>();
      const best = r.slots.filter((s) => !seen.has(day(s.start)) && !!seen.add(day(s.start))).slice(0, 3);
      setPicked(new Set(best.map((s) => s.start)));
    },
  });
  const propose = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>(`/api/programmes/${programme.id}/meetings`, {
        title: title.trim() || t('meetings.new.defaultTitle'),
        mode,
        place: mode === 'in-person' && place.trim() ? place.trim() : null,
        videoUrl: mode === 'video' && videoUrl.trim() ? videoUrl.trim() : null,
        guideId,
        durationMinutes: Number(duration),
        participantIds: [...(invited ?? [])],
        requiredIds: [...required],
        options: [...picked].sort().map((start) => ({ start })),
      }),
    onSuccess: (r) => navigate(`/rencontres/${r.id}`),
  });

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data || invited === null) return <Loading />;
  if (!data.data.actions.create) return <Alert color="gray">{t('meetings.new.notAllowed')}</Alert>;
  const lang = i18n.language;
  const names = new Map(search.data?.people.map((p) => [p.id, p.name]));
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
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput
            label={t('meetings.new.name')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="mode-label">
              {t('meetings.new.mode')}
            </Text>
            <SegmentedControl
              aria-labelledby="mode-label"
              value={mode}
              onChange={(v) => setMode(v as Mode)}
              data={(['in-person', 'video', 'phone'] as const).map((m) => ({
                value: m,
                label: t(`meetings.mode.${m}`),
              }))}
              fullWidth
            />
          </Stack>
          {mode === 'in-person' && (
            <TextInput
              label={t('meetings.new.place')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
            />
          )}
          {mode === 'video' && (
            <TextInput
              type="url"
              label={t('meetings.new.videoUrl')}
              description={t('meetings.new.videoHint')}
              value={videoUrl}
              onChange={(e) => setVideoUrl(e.currentTarget.value)}
            />
          )}
          <Select
            label={t('meetings.new.guide')}
            placeholder={t('meetings.new.noGuide')}
            clearable
            value={guideId}
            onChange={setGuideId}
            data={data.data.guides.map((g) => ({ value: g.id, label: `${g.title} — ${g.when}` }))}
          />
        </Stack>
      </Paper>

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
            onClick={() => search.mutate()}
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
        <Stack gap="sm" aria-live="polite">
          <Title order={3} fz={18}>
            {t('meetings.new.results')}
          </Title>
          {search.data.slots.length === 0 && <Alert color="ambre">{t('meetings.new.none')}</Alert>}
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {search.data.slots.map((s, i) => {
              const everyone = s.busy.length === 0 && s.ifNeedBe.length === 0;
              return (
                <Paper key={s.start} component="li" withBorder p="sm" data-testid="slot">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Checkbox
                      checked={picked.has(s.start)}
                      onChange={() => setPicked(toggle(picked, s.start))}
                      label={
                        <Text fw={600} span>
                          {slotLabel(s.start, search.data.timeZone, lang)} –{' '}
                          {timeLabel(s.end, search.data.timeZone, lang)}
                        </Text>
                      }
                    />
                    {i === 0 && (
                      <Badge
                        color={everyone ? 'sauge' : 'ambre'}
                        variant="light"
                        tt="none"
                        style={{ flexShrink: 0 }}
                      >
                        {everyone ? t('meetings.new.everyone') : t('meetings.new.best')}
                      </Badge>
                    )}
                  </Group>
                  <Stack gap={2} mt={6} pl={30}>
                    <Text size="sm">
                      <Text span c="sauge.9" fw={600}>
                        {t('meetings.new.free', { count: s.free.length })}
                      </Text>{' '}
                      {s.free.map((id) => names.get(id)).join(', ')}
                    </Text>
                    {s.ifNeedBe.length > 0 && (
                      <Text size="sm">
                        <Text span c="ambre.9" fw={600}>
                          {t('meetings.new.ifNeedBe', { count: s.ifNeedBe.length })}
                        </Text>{' '}
                        {s.ifNeedBe.map((id) => names.get(id)).join(', ')}
                      </Text>
                    )}
                    {s.busy.length > 0 && (
                      <Text size="sm">
                        <Text span c="red.9" fw={600}>
                          {t('meetings.new.busy', { count: s.busy.length })}
                        </Text>{' '}
                        {s.busy.map((id) => names.get(id)).join(', ')}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
          {search.data.slots.length > 0 && (
            <Button
              size="md"
              leftSection={<IconSend size={18} aria-hidden />}
              onClick={() => propose.mutate()}
              loading={propose.isPending}
              disabled={picked.size === 0}
            >
              {t('meetings.new.propose', { count: picked.size })}
            </Button>
          )}
          {propose.error && <ErrorAlert error={propose.error} />}
        </Stack>
      )}
    </Stack>
  );
}
