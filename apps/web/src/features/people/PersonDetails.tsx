import { Badge, DataList, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../app/types';

/** What the viewer may know of a person's organisation profile (the server left out the rest). */
export function PersonDetails({ person, compact = false }: { person: Person; compact?: boolean }) {
  const { t } = useTranslation();
  const p = person.profile;
  if (!p) return null;
  const placement = p.placements[0];
  const rows: { label: string; value: React.ReactNode }[] = [];
  if (placement)
    rows.push({
      label: t('people.site'),
      value: (
        <>
          {placement.site}
          {placement.city && placement.city !== placement.site ? `, ${placement.city}` : ''}{' '}
          <Text span size="xs" c="dimmed">
            ({placement.period})
          </Text>
        </>
      ),
    });
  if (p.homeCommune) rows.push({ label: t('people.homeCommune'), value: p.homeCommune });
  if (p.desYear)
    rows.push({ label: t('people.desYear'), value: t('people.desYearValue', { year: p.desYear }) });
  if (p.faculty) rows.push({ label: t('people.faculty'), value: p.faculty });
  if (p.professionalProject) rows.push({ label: t('people.project'), value: p.professionalProject });
  if (!compact && p.themes.length > 0)
    rows.push({
      label: t('people.themes'),
      value: (
        <Group gap={4}>
          {p.themes.map((th) => (
            <Badge key={th} variant="light" color="gray" tt="none" fw={500}>
              {th}
            </Badge>
          ))}
        </Group>
      ),
    });
  if (!compact && p.languages.length > 0)
    rows.push({ label: t('people.languages'), value: p.languages.join(', ') });
  if (rows.length === 0 && !p.presentation) return null;
  return (
    <>
      {rows.length > 0 && (
        <DataList size="sm" labelWidth={compact ? 110 : 150} gap="xs">
          {rows.map((r) => (
            <DataList.Item key={r.label}>
              <DataList.ItemLabel c="dimmed">{r.label}</DataList.ItemLabel>
              <DataList.ItemValue className="break-anywhere">{r.value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
      {p.presentation && (
        <Text size="sm" mt="sm" fs="italic" className="break-anywhere">
          {p.presentation}
        </Text>
      )}
    </>
  );
}
