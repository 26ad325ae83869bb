import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Programme, Role } from '../../app/types';
import { RoleBadge, roleLabel } from '../../app/ui';
import type { PlannedPerson } from './types';

const statusColor = { new: 'sauge', updated: 'ardoise', unchanged: 'gray' } as const;

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** What the import changes for a person already in the programme, or that it adds or leaves them. */
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
          {c.field === 'role' ? roleLabel(t, String(c.to) as Role) : formatValue(c.to)}
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

/** One person of the file: their line, who they are, their role, and what the import does to them. */
export function PlannedRow({
  index,
  measure,
  p,
  template,
}: {
  index: number;
  measure: (row: HTMLTableRowElement | null) => void;
  p: PlannedPerson;
  template: Programme['template'];
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-index={index} ref={measure} data-testid="preview-row">
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
        <RoleBadge role={p.role} template={template} />
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
  );
}
