import { Button, FileButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLink, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type Availability, useAddCalendar, useRemoveAvailability } from './queries';

/** One calendar: its name (wrapped anywhere, a file name may have no space), what was read, remove. */
function CalendarLine({ c, onRemove }: { c: Availability['calendars'][number]; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {c.label}
        </Text>
        <Text size="xs" c={c.lastError ? 'red.8' : 'dimmed'}>
          {c.lastError
            ? t('meetings.availability.calendarError')
            : t('meetings.availability.busyCount', { count: c.busyCount })}
        </Text>
      </Stack>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        style={{ flex: 'none' }}
        onClick={onRemove}
        aria-label={t('meetings.availability.remove', { what: c.label })}
      >
        <IconTrash size={16} aria-hidden />
      </Button>
    </Group>
  );
}

/** Calendars read as busy times only: an uploaded .ics file or a subscription by address. */
export function CalendarsCard({ orgId, calendars }: { orgId: string; calendars: Availability['calendars'] }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const remove = useRemoveAvailability(orgId);
  const calendar = useAddCalendar(orgId, { onSuccess: () => setUrl('') });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} fz={20}>
          {t('meetings.availability.calendars')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('meetings.availability.calendarsIntro')}
        </Text>
        {calendars.map((c) => (
          <CalendarLine key={c.id} c={c} onRemove={() => remove.mutate(`calendars/${c.id}`)} />
        ))}
        <Group gap="sm" align="flex-end" wrap="wrap">
          <FileButton
            accept=".ics,text/calendar"
            onChange={async (file) => {
              if (file) calendar.mutate({ kind: 'upload', label: file.name, text: await file.text() });
            }}
          >
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
                {t('meetings.availability.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: '1 1 240px' }}
            label={t('meetings.availability.url')}
            placeholder="https://… .ics"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          <Button
            variant="default"
            leftSection={<IconLink size={16} aria-hidden />}
            disabled={!url.trim()}
            onClick={() =>
              calendar.mutate({
                kind: 'url',
                label: new URL(url.replace(/^webcal:/i, 'https:')).host || 'Agenda',
                url,
              })
            }
          >
            {t('meetings.availability.subscribe')}
          </Button>
        </Group>
        {calendar.isPending && <Text size="sm">{t('meetings.availability.reading')}</Text>}
        {calendar.error && <ErrorAlert error={calendar.error} />}
      </Stack>
    </Paper>
  );
}
