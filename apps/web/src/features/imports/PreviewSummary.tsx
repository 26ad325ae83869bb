import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './imports.module.css';
import type { ImportPreview } from './types';

/** The file's name and what the import would do: rows in all, new, updated and unchanged people. */
export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'total', n: preview.counts.total, color: undefined },
    { key: 'new', n: preview.counts.new, color: 'sauge.8' },
    { key: 'updated', n: preview.counts.updated, color: 'ardoise.8' },
    { key: 'unchanged', n: preview.counts.unchanged, color: undefined },
  ];
  return (
    <>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconFileCheck
          size={24}
          color="var(--mantine-color-sauge-7)"
          aria-hidden
          style={{ flex: 'none', marginTop: 2 }}
        />
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('imports.preview.title', { filename: preview.filename })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('imports.preview.intro')}
          </Text>
        </Stack>
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {stats.map((s) => (
          <Card key={s.key} padding="md" className={classes.stat} data-testid={`count-${s.key}`}>
            <Text fz={26} fw={700} lh={1.1} c={s.color}>
              {s.n}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`imports.preview.counts.${s.key}`, { count: s.n })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
