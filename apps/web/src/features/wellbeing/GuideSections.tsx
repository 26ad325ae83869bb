import { Stack, Text, Title } from '@mantine/core';
import type { Guide } from './queries';

export function GuideSections({ sections }: { sections: Guide['sections'] }) {
  return (
    <Stack gap="md">
      {sections.map((s) => (
        <Stack key={s.title} gap={4}>
          <Title order={3} fz={16}>
            {s.title}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {s.body}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
