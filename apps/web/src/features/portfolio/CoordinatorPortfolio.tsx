import { Alert, Card, Group, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { FrameworkEditor } from './FrameworkEditor';
import { type Overview, useOverview } from './queries';
import { TutorLoad } from './TutorLoad';

/**
 * The department's view of the portfolio: counts per phase (never a trace's content), the tutors'
 * review load week by week, and the framework the programme follows.
 */
export function CoordinatorPortfolio() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const [cohortId, setCohortId] = useState<string | null>(null);
  const overview = useOverview(programme.id, cohortId);
  const o = overview.data;
  return (
    <Stack gap="xl">
      <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
        {t('portfolio.overview.privacy')}
      </Alert>
      {overview.error && <ErrorAlert error={overview.error} />}
      {!o && !overview.error && <Loading />}
      {o && (
        <>
          <Counts o={o} cohortId={cohortId} onCohort={setCohortId} />
          <TutorLoad o={o} />
        </>
      )}
      <FrameworkEditor programmeId={programme.id} />
    </Stack>
  );
}

function Counts({
  o,
  cohortId,
  onCohort,
}: {
  o: Overview;
  cohortId: string | null;
  onCohort: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const columns = ['residents', 'due', 'submitted', 'validated', 'late'] as const;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portfolio-counts">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="sm">
        <Stack gap={2} style={{ flex: '1 1 260px' }}>
          <Title order={2} fz={20} id="portfolio-counts">
            {t('portfolio.overview.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('portfolio.overview.help', { period: o.period })}
          </Text>
        </Stack>
        {o.cohorts.length > 0 && (
          <Select
            label={t('portfolio.overview.cohort')}
            data={[
              { value: '', label: t('portfolio.overview.allCohorts') },
              ...o.cohorts.map((c) => ({ value: c.id, label: c.name })),
            ]}
            value={cohortId ?? ''}
            onChange={(v) => onCohort(v || null)}
            allowDeselect={false}
            w={240}
          />
        )}
      </Group>
      <ScrollArea type="auto">
        <Table striped withTableBorder miw={520}>
          <Table.Caption>{t('portfolio.overview.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('portfolio.overview.phase')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c} scope="col" ta="right">
                  {t(`portfolio.overview.columns.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.phases.map((p) => (
              <Table.Tr key={p.phaseId}>
                <Table.Th scope="row" fw={500}>
                  {p.phaseLabel}
                </Table.Th>
                {columns.map((c) => (
                  <Table.Td
                    key={c}
                    ta="right"
                    c={c === 'late' && p.late > 0 ? 'red.8' : undefined}
                    fw={c === 'late' && p.late > 0 ? 700 : undefined}
                  >
                    {p[c]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}
