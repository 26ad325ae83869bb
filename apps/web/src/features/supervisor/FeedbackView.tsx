import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Feedback } from './queries';

/** A supervisor's feedback as given: a level and a comment per competency, strengths, what to work on. */
export function FeedbackView({
  feedback,
  competencies,
}: {
  feedback: Feedback;
  competencies: Array<{ id: string; label: string }>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {feedback.competencies.map((c) => (
        <Stack key={c.id} gap={0}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {competencies.find((x) => x.id === c.id)?.label ?? c.id}
            </Text>
            <Badge variant="light" tt="none">
              {t(`supervisor.levels.${c.level}`)}
            </Badge>
          </Group>
          {c.comment && <Text size="sm">{c.comment}</Text>}
        </Stack>
      ))}
      {feedback.strengths && (
        <Text size="sm">
          <b>{t('common.colon', { label: t('supervisor.form.strengths') })}</b> {feedback.strengths}
        </Text>
      )}
      {feedback.improvements && (
        <Text size="sm">
          <b>{t('common.colon', { label: t('supervisor.form.improvements') })}</b> {feedback.improvements}
        </Text>
      )}
    </Stack>
  );
}
