import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { IconMapPin, IconVideo } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Poll } from './queries';

/** What the poll is about: programme, title, who asks, how and where the meeting takes place. */
export function PollHeader({ poll: p }: { poll: Poll }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {p.programmeName}
      </Text>
      <Title order={1} fz={22}>
        {p.title}
      </Title>
      <Text size="sm">
        {t('meetings.poll.intro', {
          name: p.me.name,
          organiser: p.organiserName,
          minutes: p.durationMinutes,
        })}
      </Text>
      <Badge variant="light" color="sauge" tt="none" w="fit-content">
        {t(`meetings.mode.${p.mode}`)}
      </Badge>
      {p.place && (
        <Text size="sm">
          <IconMapPin size={14} aria-hidden /> <b>{t('meetings.detail.place')}</b> {p.place}
        </Text>
      )}
      {p.videoUrl && (
        <Text size="sm">
          <IconVideo size={14} aria-hidden /> <b>{t('meetings.poll.videoLink')}</b>{' '}
          <Anchor href={p.videoUrl} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {p.videoUrl}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
