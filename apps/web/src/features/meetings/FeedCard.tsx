import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateFeed } from './queries';

/** The private address of the person's meetings, for their own calendar application. */
export function FeedCard({ orgId, hasFeed }: { orgId: string; hasFeed: boolean }) {
  const { t } = useTranslation();
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const feed = useCreateFeed(orgId, { onSuccess: (r) => setFeedUrl(r.url) });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} fz={20}>
          {t('meetings.availability.feed')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('meetings.availability.feedIntro')}
        </Text>
        {feedUrl ? (
          <Group gap="sm" wrap="nowrap" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              readOnly
              value={feedUrl}
              label={t('meetings.availability.feedUrl')}
            />
            <CopyButton value={feedUrl}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('meetings.availability.copied') : t('meetings.availability.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ) : (
          <Button w="fit-content" variant="default" onClick={() => feed.mutate()} loading={feed.isPending}>
            {hasFeed ? t('meetings.availability.feedRenew') : t('meetings.availability.feedCreate')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
