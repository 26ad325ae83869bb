import type { eventView } from '@compagnon/server/modules/meetings/schema.ts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCalendarEvent, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ui';

dayjs.extend(utc);
dayjs.extend(timezone);

type Event = z.infer<typeof eventView>;
const KINDS = ['course-day', 'welcome-day', 'other'] as const;

interface Draft {
  title: string;
  kind: (typeof KINDS)[number];
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  busy: boolean;
}

/** Wall-clock date and time in the programme's zone ↔ instants: the form speaks the zone's clock. */
const toInstant = (date: string, time: string, zone: string) =>
  dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', zone).toISOString();
const local = (iso: string, zone: string) => {
  const d = dayjs(iso).tz(zone);
  return { date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') };
};

function draftOf(e: Event | null, zone: string): Draft {
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
function span(e: Event, zone: string, lang: string) {
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  const hour = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const a = new Date(e.start);
  const b = new Date(e.end);
  const sameDay = local(e.start, zone).date === local(e.end, zone).date;
  return sameDay
    ? `${day.format(a)}, ${hour.format(a)} → ${hour.format(b)}`
    : `${day.format(a)} ${hour.format(a)} → ${day.format(b)} ${hour.format(b)}`;
}

/**
 * Programme-wide dates (course days, welcome day): every member sees them, and those marked as
 * blocking keep meetings off them. The coordinator adds, changes and removes them here.
 */
export function ProgrammeEvents({
  programmeId,
  zone,
  canEdit,
}: {
  programmeId: string;
  zone: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ['programme-events', programmeId];
  const events = useQuery({
    queryKey: key,
    queryFn: () => api.get<Event[]>(`/api/programmes/${programmeId}/events`),
  });
  const [editing, setEditing] = useState<Event | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null, zone));
  const [removing, setRemoving] = useState<Event | null>(null);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: key });
    qc.invalidateQueries({ queryKey: ['availability'] });
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: draft.title,
        kind: draft.kind,
        start: toInstant(draft.startDate, draft.startTime, zone),
        end: toInstant(draft.endDate, draft.endTime, zone),
        busy: draft.busy,
      };
      return editing === 'new' || editing === null
        ? api.post(`/api/programmes/${programmeId}/events`, body)
        : api.patch(`/api/programmes/${programmeId}/events/${editing.id}`, body);
    },
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (e: Event) => api.delete(`/api/programmes/${programmeId}/events/${e.id}`),
    onSuccess: () => {
      setRemoving(null);
      refresh();
    },
  });
  const open = (e: Event | 'new') => {
    save.reset();
    setDraft(draftOf(e === 'new' ? null : e, zone));
    setEditing(e);
  };
  const list = events.data ?? [];
  const endBeforeStart = `${draft.endDate} ${draft.endTime}` <= `${draft.startDate} ${draft.startTime}`;
  const ready = draft.title.trim() && draft.startDate && draft.endDate && !endBeforeStart;

  if (!canEdit && list.length === 0) return null;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} fz={20}>
          {t('meetings.events.title')}
        </Title>
        {canEdit && (
          <Button
            variant="light"
            leftSection={<IconCalendarEvent size={16} aria-hidden />}
            onClick={() => open('new')}
          >
            {t('meetings.events.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('meetings.events.intro')}
      </Text>
      {events.error && <ErrorAlert error={events.error} />}
      {events.data && list.length === 0 && <Alert color="gray">{t('meetings.events.empty')}</Alert>}
      {list.map((e) => (
        <Paper key={e.id} withBorder p="sm" data-testid="programme-event">
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="wrap">
                <Text fw={600}>{e.title}</Text>
                <Badge color="ardoise" variant="light" tt="none">
                  {t(`meetings.events.kind.${e.kind}`, { defaultValue: e.kind })}
                </Badge>
              </Group>
              <Text size="sm">{span(e, zone, i18n.language)}</Text>
              <Text size="xs" c="dimmed">
                {e.busy ? t('meetings.events.blocks') : t('meetings.events.noBlock')}
              </Text>
            </Stack>
            {canEdit && (
              <Group gap={2} wrap="nowrap">
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => open(e)}
                  aria-label={t('meetings.events.edit', { title: e.title })}
                >
                  <IconPencil size={16} aria-hidden />
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => setRemoving(e)}
                  aria-label={t('meetings.events.remove', { title: e.title })}
                >
                  <IconTrash size={16} aria-hidden />
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
      ))}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('meetings.events.add') : t('meetings.events.editTitle')}
        size="lg"
      >
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (ready) save.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('meetings.events.name')}
              placeholder={t('meetings.events.namePlaceholder')}
              value={draft.title}
              onChange={(ev) => setDraft({ ...draft, title: ev.currentTarget.value })}
              required
              maxLength={200}
              data-autofocus
            />
            <Select
              label={t('meetings.events.kindLabel')}
              value={draft.kind}
              allowDeselect={false}
              onChange={(v) => v && setDraft({ ...draft, kind: v as Draft['kind'] })}
              data={KINDS.map((k) => ({ value: k, label: t(`meetings.events.kind.${k}`) }))}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                type="date"
                label={t('meetings.events.startDate')}
                value={draft.startDate}
                onChange={(ev) => {
                  const v = ev.currentTarget.value;
                  // Moving the start moves a one-day event's end with it.
                  setDraft({
                    ...draft,
                    startDate: v,
                    endDate: draft.endDate === draft.startDate ? v : draft.endDate,
                  });
                }}
                required
              />
              <TextInput
                type="time"
                label={t('meetings.events.startTime')}
                value={draft.startTime}
                onChange={(ev) => setDraft({ ...draft, startTime: ev.currentTarget.value })}
                required
              />
              <TextInput
                type="date"
                label={t('meetings.events.endDate')}
                value={draft.endDate}
                onChange={(ev) => setDraft({ ...draft, endDate: ev.currentTarget.value })}
                required
              />
              <TextInput
                type="time"
                label={t('meetings.events.endTime')}
                value={draft.endTime}
                onChange={(ev) => setDraft({ ...draft, endTime: ev.currentTarget.value })}
                required
                error={draft.endDate && endBeforeStart ? t('meetings.events.endBeforeStart') : undefined}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('meetings.events.zone', { zone })}
            </Text>
            <Switch
              label={t('meetings.events.busy')}
              description={t('meetings.events.busyHelp')}
              checked={draft.busy}
              onChange={(ev) => setDraft({ ...draft, busy: ev.currentTarget.checked })}
            />
            {save.error && <ErrorAlert error={save.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('meetings.events.cancel')}
              </Button>
              <Button type="submit" disabled={!ready} loading={save.isPending}>
                {t('meetings.events.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('meetings.events.removeTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('meetings.events.removeConfirm', { title: removing?.title ?? '' })}</Text>
          {remove.error && <ErrorAlert error={remove.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('meetings.events.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing)}
            >
              {t('meetings.events.removeButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
