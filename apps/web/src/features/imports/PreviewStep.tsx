import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertCircle,
  IconArrowBack,
  IconColumnsOff,
  IconFileCheck,
  IconUsersPlus,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import { RoleBadge } from '../../app/ui';
import classes from './imports.module.css';
import type { ImportPreview, PlannedPerson } from './types';
import { issueText } from './UploadStep';

type StatusFilter = 'all' | PlannedPerson['status'];
const statusColor = { new: 'sauge', updated: 'ardoise', unchanged: 'gray' } as const;

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

function Changes({ person }: { person: PlannedPerson }) {
  const { t } = useTranslation();
  if (person.status === 'unchanged') {
    return (
      <Text size="sm" c="dimmed">
        {t('imports.preview.nothingToDo')}
      </Text>
    );
  }
  if (person.status === 'new') {
    return <Text size="sm">{t('imports.preview.willBeCreated')}</Text>;
  }
  return (
    <Stack gap={2}>
      {person.changes.map((c) => (
        <Text key={c.field} size="sm">
          <Text span fw={600}>
            {t(`imports.fields.${c.field}`)}
          </Text>
          {' : '}
          {c.from !== undefined && (
            <>
              <Text span c="dimmed" td="line-through">
                {formatValue(c.from)}
              </Text>{' '}
              →{' '}
            </>
          )}
          {c.field === 'role' ? t(`roles.one.${String(c.to)}`) : formatValue(c.to)}
        </Text>
      ))}
      {person.kept.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('imports.preview.kept', {
            fields: person.kept.map((f) => t(`imports.fields.${f}`).toLowerCase()).join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}

export function PreviewStep({
  programme,
  preview,
  onBack,
  onCommit,
}: {
  programme: Programme;
  preview: ImportPreview;
  onBack: () => void;
  onCommit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<StatusFilter>('all');
  const phone = useMediaQuery('(max-width: 36em)');
  const people = useMemo(
    () => preview.people.filter((p) => filter === 'all' || p.status === filter),
    [preview, filter],
  );
  const toWrite = preview.counts.new + preview.counts.updated;
  const stats = [
    { key: 'total', n: preview.counts.total, color: undefined },
    { key: 'new', n: preview.counts.new, color: 'sauge.8' },
    { key: 'updated', n: preview.counts.updated, color: 'ardoise.8' },
    { key: 'unchanged', n: preview.counts.unchanged, color: undefined },
  ];

  return (
    <Stack gap="lg">
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

      {preview.ignoredColumns.length > 0 && (
        <Alert
          variant="light"
          color="gray"
          icon={<IconColumnsOff aria-hidden />}
          title={t('imports.preview.ignoredTitle', { count: preview.ignoredColumns.length })}
        >
          {t('imports.preview.ignoredBody', {
            count: preview.ignoredColumns.length,
            columns: preview.ignoredColumns.map((c) => `« ${c} »`).join(', '),
          })}
        </Alert>
      )}
      {preview.warnings.length > 0 && (
        <Alert
          variant="light"
          color="ambre"
          icon={<IconAlertCircle aria-hidden />}
          title={t('imports.preview.warningsTitle', { count: preview.warnings.length })}
        >
          <List size="sm" spacing={4}>
            {preview.warnings.map((w) => (
              <List.Item key={`${w.code}-${w.line ?? ''}-${w.column ?? ''}-${w.message}`}>
                {issueText(w, i18n.language)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Card p={0}>
        <Group p="md" justify="space-between" gap="sm">
          <Text size="sm" fw={500}>
            {t('imports.preview.columns', { columns: preview.columns.map((c) => c.header).join(', ') })}
          </Text>
          <SegmentedControl
            size="xs"
            orientation={phone ? 'vertical' : 'horizontal'}
            fullWidth={phone}
            value={filter}
            onChange={(v) => setFilter(v as StatusFilter)}
            aria-label={t('imports.preview.filter')}
            data={(['all', 'new', 'updated', 'unchanged'] as const).map((k) => ({
              value: k,
              label: t(`imports.preview.filters.${k}`),
            }))}
          />
        </Group>
        <Table.ScrollContainer minWidth={680} type="native" mah={520}>
          <Table
            verticalSpacing="sm"
            horizontalSpacing="md"
            stickyHeader
            aria-label={t('imports.preview.table')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('imports.col.line')}</Table.Th>
                <Table.Th>{t('imports.col.person')}</Table.Th>
                <Table.Th>{t('imports.col.role')}</Table.Th>
                <Table.Th>{t('imports.col.status')}</Table.Th>
                <Table.Th>{t('imports.col.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={`${p.line}-${p.email}`} data-testid="preview-row">
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} className="break-anywhere">
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      {p.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={p.role} template={programme.template} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColor[p.status]} tt="none">
                      {t(`imports.status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Changes person={p} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <Card>
        <Stack gap="sm">
          <Text size="sm">
            {toWrite === 0
              ? t('imports.preview.nothing')
              : t('imports.preview.confirmText', { count: toWrite, newCount: preview.counts.new })}
          </Text>
          {!preview.actions.commit && (
            <Text size="sm" c="red.8">
              {t('imports.preview.cannotCommit')}
            </Text>
          )}
          <Group justify="space-between" gap="sm">
            <Button variant="default" leftSection={<IconArrowBack size={16} aria-hidden />} onClick={onBack}>
              {t('imports.preview.otherFile')}
            </Button>
            <Button
              leftSection={<IconUsersPlus size={16} aria-hidden />}
              onClick={onCommit}
              disabled={!preview.actions.commit || toWrite === 0}
            >
              {t('imports.preview.commit', { count: toWrite })}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
