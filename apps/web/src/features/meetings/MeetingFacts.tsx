import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TraceMarkdown } from '../portfolio/TraceMarkdown';
import type { MeetingDetail } from './queries';
import { Whereabouts } from './Whereabouts';

/** Who meets, where, the calendar file, and the programme's guide for this meeting. */
export function MeetingFacts({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Text size="sm">
            <b>{t('meetings.detail.organiser')}</b> {m.organiser.name}
          </Text>
          <Text size="sm">
            <b>{t('meetings.detail.participants')}</b> {m.participants.map((p) => p.name).join(', ')}
          </Text>
          <Whereabouts meeting={m} />
          {m.start && m.myRole !== 'coordinator' && m.status !== 'cancelled' && (
            <Anchor href={`/api/meetings/${m.id}/invitation`} size="sm" download>
              <IconCalendarDown size={14} aria-hidden /> {t('meetings.detail.addToCalendar')}
            </Anchor>
          )}
        </Stack>
      </Paper>

      {m.guide && (
        <Paper withBorder p="md">
          <Title order={2} fz={18} mb="xs">
            {t('meetings.detail.guide', { title: m.guide.title })}
          </Title>
          {m.guide.body ? (
            <TraceMarkdown text={m.guide.body} />
          ) : (
            <List size="sm" spacing={4}>
              {m.guide.themes.map((th) => (
                <List.Item key={th}>{th}</List.Item>
              ))}
            </List>
          )}
        </Paper>
      )}
    </>
  );
}
