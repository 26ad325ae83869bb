import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type MeetingDetail, slotLabel, useNudgeMeeting } from './queries';

/**
 * The organiser's one tap that reminds everyone who has not answered the poll, each by the channel
 * they chose. Disabled, with the reason, while those people were nudged less than `everyHours` ago.
 */
export function NudgeButton({ meeting: m }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const nudge = useNudgeMeeting(m.id);
  const state = m.nudge;
  if (!state || state.waiting === 0) return null;
  const at = (iso: string) => slotLabel(iso, m.timeZone, i18n.language);
  const reasonId = `nudge-reason-${m.id}`;
  return (
    <Stack gap={6} align="flex-start">
      <Button
        variant="light"
        leftSection={<IconBellRinging size={16} aria-hidden />}
        disabled={state.ready === 0}
        aria-describedby={reasonId}
        loading={nudge.isPending}
        onClick={() => nudge.mutate()}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
        h="auto"
        mih={36}
        py={6}
      >
        {t('meetings.nudge.button', { count: state.ready || state.waiting })}
      </Button>
      <Text size="xs" c="dimmed" id={reasonId}>
        {state.ready === 0 && state.nextAt
          ? t('meetings.nudge.wait', {
              count: state.waiting,
              hours: state.everyHours,
              last: at(state.lastAt ?? state.nextAt),
              next: at(state.nextAt),
            })
          : [
              t('meetings.nudge.help', { count: state.ready }),
              state.lastAt ? t('meetings.nudge.last', { when: at(state.lastAt) }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
      </Text>
      {nudge.isSuccess && (
        <Alert color="sauge" role="status" py={6}>
          {t('meetings.nudge.done', { count: nudge.data.nudged })}
        </Alert>
      )}
      {nudge.error && <ErrorAlert error={nudge.error} />}
    </Stack>
  );
}
