import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Examples of constraints as one says them; a tap puts one in the field. */
export function PhraseExamples({
  examples,
  onPick,
}: {
  examples: string[];
  onPick: (example: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" c="dimmed">
        {t('meetings.phrase.examples')}
      </Text>
      {examples.map((ex) => (
        <UnstyledButton
          key={ex}
          onClick={() => onPick(ex)}
          fz="xs"
          px={8}
          py={2}
          style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 12 }}
        >
          {ex}
        </UnstyledButton>
      ))}
    </Group>
  );
}
