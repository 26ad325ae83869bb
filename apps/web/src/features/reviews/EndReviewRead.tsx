import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EndReviewView } from './queries';

/** A review as it was sent: each answer under its question, the ratings, the themes. */
export function EndReviewRead({ v }: { v: EndReviewView }) {
  const { t } = useTranslation();
  const a = v.answers;
  const themes = v.themes.filter((x) => a.themes.includes(x.id)).map((x) => x.label);
  if (a.otherTheme) themes.push(a.otherTheme);
  return (
    <Stack gap="md">
      {v.questions.texts.map((q) => (
        <Card key={q.id} withBorder radius="md" p="md">
          <Title order={2} fz="md" mb={6}>
            {q.label}
          </Title>
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap' }}
            c={a.texts[q.id as keyof typeof a.texts] ? undefined : 'dimmed'}
          >
            {a.texts[q.id as keyof typeof a.texts] || t('reviews.end.noAnswer')}
          </Text>
        </Card>
      ))}
      <Card withBorder radius="md" p="md">
        <Title order={2} fz="md" mb="xs">
          {t('reviews.end.scalesTitle')}
        </Title>
        <Stack gap={4} component="dl" m={0}>
          {v.questions.scales.map((q) => (
            <Group key={q.id} justify="space-between" wrap="nowrap">
              <Text component="dt" size="sm">
                {q.label}
              </Text>
              <Text component="dd" m={0} fw={600}>
                {a.scales[q.id] ? t('reviews.end.outOf5', { value: a.scales[q.id] }) : '—'}
              </Text>
            </Group>
          ))}
        </Stack>
      </Card>
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {t('reviews.end.themesTitle')}
        </Text>
        {themes.length === 0 && <Text size="sm">—</Text>}
        {themes.map((x) => (
          <Badge key={x} variant="light" tt="none">
            {x}
          </Badge>
        ))}
      </Group>
      {!v.author && (
        <Text size="sm" c="dimmed">
          {a.shared ? t('reviews.end.wasShared') : t('reviews.end.wasKept')}
        </Text>
      )}
    </Stack>
  );
}
