import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import type { AgreementView } from './queries';

/** The pair's term and its meetings against the programme's minimum and rhythm, for both parties. */
export function TermCard({ v }: { v: AgreementView }) {
  const { t } = useTranslation();
  const { calendar } = useDates(v.programme.orgId);
  const term = v.term;
  if (!term) return null;
  const m = term.meetings;
  const goal = Math.max(m.minimum, 1);
  return (
    <Card withBorder radius="md" p="md" data-testid="pair-term">
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('agreements.term.title')}
        </Title>
        <Text size="sm">
          {t('agreements.term.dates', { start: calendar(term.startOn), end: calendar(term.endOn) })}
        </Text>
        {term.endedEarly && term.endedOn && (
          <Text size="sm" c="red.9">
            {t('agreements.term.endedEarly', { date: calendar(term.endedOn) })}
          </Text>
        )}
        {v.pairing.state === 'completed' && !term.endedEarly && (
          <Text size="sm" fw={600} c="sauge.9">
            {t('agreements.term.completed', { date: calendar(term.endedOn ?? term.endOn) })}
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('agreements.term.meetings', { count: m.held, minimum: m.minimum })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('agreements.term.rhythm', { target: m.target, expected: m.expectedByNow })}
          </Text>
        </Group>
        <Progress
          value={Math.min(100, (m.held / goal) * 100)}
          color={m.held >= m.expectedByNow || m.held >= m.minimum ? 'sauge' : 'ambre'}
          aria-label={t('agreements.term.meetings', { count: m.held, minimum: m.minimum })}
        />
      </Stack>
    </Card>
  );
}
