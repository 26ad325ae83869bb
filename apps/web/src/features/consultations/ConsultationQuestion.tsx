import { Card, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsultationView } from './queries';

/** The question asked, and the excerpts pasted with it. */
export function ConsultationQuestion({ c }: { c: ConsultationView }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="consultation-question">
      <Title order={2} fz="md" mb="xs" id="consultation-question">
        {t('consultations.question')}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.question}</Text>
      {c.attachments.length > 0 && (
        <Stack gap="xs" mt="md">
          {c.attachments.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: excerpts have no id of their own
            <Paper key={i} withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
              <Text size="sm" fw={600}>
                {a.title}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {a.text}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Card>
  );
}
