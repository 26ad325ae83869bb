import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type ThreadSummary, useMyThreads } from './queries';

/** A tutor with a large group sees the threads waiting for them first, and the rest on request. */
const SHOWN = 5;

/** Unread first, then the most recently written, then the others in the order of the pairs. */
const byAttention = (a: ThreadSummary, b: ThreadSummary) =>
  b.unread - a.unread || (b.lastAt ?? '').localeCompare(a.lastAt ?? '');

/**
 * On the home page: the people the viewer is paired with, to write to at any time, with what they
 * have not read yet. Nothing shows for someone in no pair.
 */
export function ThreadsCard() {
  const { t } = useTranslation();
  const mine = useMyThreads();
  const [all, setAll] = useState(false);
  const threads = (mine.data?.threads ?? []).filter((x) => x.open || x.unread > 0).sort(byAttention);
  if (threads.length === 0) return null;
  const shown = all ? threads : threads.slice(0, SHOWN);
  return (
    <Card withBorder radius="md" p="md" mb="md" component="section" aria-labelledby="home-threads">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconMessages size={20} aria-hidden />
          <Title order={2} fz={17} id="home-threads">
            {t('threads.home.title')}
          </Title>
        </Group>
        {shown.map((x) => (
          <Group key={x.pairingId} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/echanges/${x.pairingId}`} fw={600} className="break-anywhere">
                {t('threads.home.write', { name: x.other.name })}
              </Anchor>
              <Text size="xs" c="dimmed" className="break-anywhere">
                {x.programme.name}
              </Text>
            </Stack>
            {x.unread > 0 && (
              <Badge color="red" variant="filled">
                {t('threads.home.unread', { count: x.unread })}
              </Badge>
            )}
          </Group>
        ))}
        {shown.length < threads.length && (
          <Button variant="subtle" size="sm" w="fit-content" onClick={() => setAll(true)}>
            {t('threads.home.more', { count: threads.length - shown.length })}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
