import { Box, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ThreadMessage } from './Thread';

/** One message: who and when, its text (or that it was erased); the viewer's own on the right. */
export function ThreadItem({ m }: { m: ThreadMessage }) {
  const { t } = useTranslation();
  return (
    <Box
      component="li"
      style={{ alignSelf: m.mine ? 'flex-end' : 'flex-start', maxWidth: 'min(100%, 560px)' }}
    >
      <Paper
        withBorder
        radius="md"
        p="sm"
        bg={m.mine ? 'var(--mantine-color-sauge-0)' : 'var(--mantine-color-body)'}
      >
        <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
          <Text size="sm" fw={600}>
            {m.who}
          </Text>
          <Text size="xs" c="dimmed">
            {m.when}
          </Text>
        </Group>
        {m.body === null ? (
          <Text size="sm" fs="italic" c="dimmed">
            {m.goneLabel ?? t('thread.erased')}
          </Text>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {m.body}
          </Text>
        )}
        {m.actions}
      </Paper>
    </Box>
  );
}
