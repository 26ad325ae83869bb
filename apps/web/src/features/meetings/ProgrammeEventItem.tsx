import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { local } from './eventDraft';
import type { ProgrammeEvent as Event } from './queries';

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

/** One programme date: what, when, whether it keeps meetings off; changed or removed by the coordinator. */
export function ProgrammeEventItem({
  event: e,
  zone,
  canEdit,
  onEdit,
  onRemove,
}: {
  event: Event;
  zone: string;
  canEdit: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="programme-event">
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
              onClick={onEdit}
              aria-label={t('meetings.events.edit', { title: e.title })}
            >
              <IconPencil size={16} aria-hidden />
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={onRemove}
              aria-label={t('meetings.events.remove', { title: e.title })}
            >
              <IconTrash size={16} aria-hidden />
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
