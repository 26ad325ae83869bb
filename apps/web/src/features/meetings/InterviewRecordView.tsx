import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InterviewView } from './interviewQueries';

/** The interview's grid as filed, to read: levels and progress, traces reviewed, next year's plan. */
export function InterviewRecordView({ view }: { view: InterviewView }) {
  const { t } = useTranslation();
  const r = view.record;
  if (!r) return null;
  const traces = view.traces.filter((x) => r.traceIds.includes(x.id));
  return (
    <Stack gap="sm">
      <Title order={3} fz={17}>
        {t('meetings.interview.progress')}
      </Title>
      {view.competencies.map((c) => {
        const row = r.competencies.find((x) => x.id === c.id);
        return (
          <Stack key={c.id} gap={2}>
            <Group gap="xs">
              <Text fw={600}>{c.label}</Text>
              {row?.level && (
                <Badge variant="light" tt="none">
                  {t(`supervisor.levels.${row.level}`)}
                </Badge>
              )}
            </Group>
            {row?.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {row.note}
              </Text>
            )}
          </Stack>
        );
      })}
      <Title order={3} fz={17}>
        {t('meetings.interview.traces')}
      </Title>
      {traces.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.interview.noneReviewed')}
        </Text>
      ) : (
        <List size="sm">
          {traces.map((x) => (
            <List.Item key={x.id}>{`${x.title} (${x.period})`}</List.Item>
          ))}
        </List>
      )}
      <Title order={3} fz={17}>
        {t('meetings.interview.plan')}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {r.plan || '—'}
      </Text>
    </Stack>
  );
}
