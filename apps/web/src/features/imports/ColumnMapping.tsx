import { FIELD_LABELS, type PeopleField } from '@compagnon/server/modules/imports/columns.ts';
import { Alert, Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconColumns3, IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ColumnChoice, FileColumn } from './types';

const FIELDS = Object.keys(FIELD_LABELS) as PeopleField[];
const howColor = {
  recognised: 'sauge',
  remembered: 'ardoise',
  chosen: 'ardoise',
  ask: 'ambre',
  unknown: 'gray',
  duplicate: 'gray',
} as const;

/**
 * Each column of the file with what it is read as; choosing another reading (or "ignore") asks
 * for a new preview. A column whose title could mean several things is shown as needing a choice.
 */
export function ColumnMapping({
  columns,
  onChoose,
  busy,
}: {
  columns: FileColumn[];
  onChoose: (header: string, choice: ColumnChoice) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const asking = columns.filter((c) => c.how === 'ask' && c.samples.length > 0).length;

  return (
    <Card aria-labelledby="import-columns-title">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconColumns3 size={20} aria-hidden style={{ flex: 'none' }} />
          <Title order={2} fz="md" id="import-columns-title">
            {t('imports.mapping.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('imports.mapping.intro')}
        </Text>
        {asking > 0 && (
          <Alert variant="light" color="ambre" icon={<IconHelpCircle aria-hidden />} role="status">
            {t('imports.mapping.needsChoice', { count: asking })}
          </Alert>
        )}
        <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {columns.map((c, i) => (
            <ColumnRow key={`${c.index}-${c.key}`} c={c} first={i === 0} onChoose={onChoose} busy={busy} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

/** A column of the file: its title, how it was read, a few of its values, and what it is read as. */
function ColumnRow({
  c,
  first,
  onChoose,
  busy,
}: {
  c: FileColumn;
  first: boolean;
  onChoose: (header: string, choice: ColumnChoice) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const label = (f: PeopleField) => FIELD_LABELS[f][lang];
  const likely = c.candidates ?? [];
  const options = [
    ...likely.map((f) => ({ value: f, label: label(f) })),
    ...FIELDS.filter((f) => !likely.includes(f)).map((f) => ({ value: f, label: label(f) })),
    { value: 'ignore', label: t('imports.mapping.ignore') },
  ];
  const value = c.field ?? (c.how === 'ask' ? null : 'ignore');
  return (
    <Group
      component="li"
      justify="space-between"
      align="center"
      gap="xs"
      py="xs"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="file-column"
      data-header={c.header}
    >
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600} className="break-anywhere">
            {c.header}
          </Text>
          <Badge size="sm" variant="light" color={howColor[c.how]} tt="none">
            {t(`imports.mapping.how.${c.how}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" className="break-anywhere">
          {c.samples.length > 0
            ? t('imports.mapping.samples', { samples: c.samples.join(' · ') })
            : t('imports.mapping.empty')}
        </Text>
      </Stack>
      <Select
        aria-label={t('imports.mapping.what', { header: c.header })}
        placeholder={t('imports.mapping.choose')}
        data={options}
        value={value}
        onChange={(v) => v && onChoose(c.header, v as ColumnChoice)}
        allowDeselect={false}
        disabled={busy}
        error={c.how === 'ask' && c.samples.length > 0}
        w={{ base: '100%', xs: 260 }}
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}
