import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type ProgrammeEvent as Event, useProgrammeEvents, useRemoveEvent, useSaveEvent } from './api';
import { EventFields } from './EventFields';
import { type Draft, draftOf, local, toInstant } from './eventDraft';

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
  const events = useProgrammeEvents(programmeId);
  const [editing, setEditing] = useState<Event | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null, zone));
  const [removing, setRemoving] = useState<Event | null>(null);
  const save = useSaveEvent(programmeId, { onSuccess: () => setEditing(null) });
  const remove = useRemoveEvent(programmeId, { onSuccess: () => setRemoving(null) });
  const submit = () =>
    save.mutate({
      id: editing === 'new' || editing === null ? null : editing.id,
      body: {
        title: draft.title,
        kind: draft.kind,
        start: toInstant(draft.startDate, draft.startTime, zone),
        end: toInstant(draft.endDate, draft.endTime, zone),
        busy: draft.busy,
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
            if (ready) submit();
          }}
        >
          <Stack gap="sm">
            <EventFields draft={draft} onDraft={setDraft} zone={zone} endBeforeStart={endBeforeStart} />
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
