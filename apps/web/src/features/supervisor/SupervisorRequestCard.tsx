import { Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { FeedbackView } from './FeedbackView';
import { dayLabel, type SupervisorRequest, type Supervisors, type useShareTraces } from './queries';

const stateColor = { invited: 'gray', sent: 'blue', answered: 'sauge', expired: 'gray' } as const;

/** One invited supervisor: where the request stands, their feedback, and the traces shared with them. */
export function SupervisorRequestCard({
  request: r,
  list,
  share,
}: {
  request: SupervisorRequest;
  list: Supervisors;
  share: ReturnType<typeof useShareTraces>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [picked, setPicked] = useState<string[]>(r.sharedTraceIds);
  useEffect(() => setPicked(r.sharedTraceIds), [r.sharedTraceIds]);
  const changed = [...picked].sort().join() !== [...r.sharedTraceIds].sort().join();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {r.name} · {r.email}
          </Text>
          <Badge variant="light" color={stateColor[r.state]} tt="none">
            {t(`supervisor.state.${r.state}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {r.period}
          {r.site ? ` · ${r.site}` : ''} ·{' '}
          {t('supervisor.section.until', { date: dayLabel(r.expiresAt, lang) })}
        </Text>
        {r.feedback && <FeedbackView feedback={r.feedback} competencies={list.competencies} />}
        {list.can.share && r.state !== 'expired' && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('supervisor.section.share')}
            </Text>
            {list.shareable.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('supervisor.section.nothingToShare')}
              </Text>
            ) : (
              list.shareable.map((x) => (
                <Checkbox
                  key={x.id}
                  label={`${x.title} (${x.period})`}
                  checked={picked.includes(x.id)}
                  onChange={(e) =>
                    setPicked(
                      e.currentTarget.checked ? [...picked, x.id] : picked.filter((id) => id !== x.id),
                    )
                  }
                />
              ))
            )}
            {changed && (
              <Group>
                <Button
                  size="xs"
                  loading={share.isPending && share.variables?.requestId === r.id}
                  onClick={() => share.mutate({ requestId: r.id, traceIds: picked })}
                >
                  {t('supervisor.section.saveShares')}
                </Button>
              </Group>
            )}
            {share.error && share.variables?.requestId === r.id && <ErrorAlert error={share.error} />}
          </Stack>
        )}
        {!list.can.share && (
          <Text size="xs" c="dimmed">
            {t('supervisor.section.sharedCount', { count: r.sharedTraceIds.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
