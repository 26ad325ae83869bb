import { Card, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Framework } from './queries';
import { ScrollRegion } from './ScrollRegion';

type TraceType = Framework['traceTypes'][number];
type Phase = Framework['phases'][number];
type Per = 'semester' | 'phase';

/** How many traces of each kind each phase expects, per semester or over the whole phase. */
export function QuotaEditor({
  f,
  onChange,
  disabled,
}: {
  f: Framework;
  onChange: (f: Framework) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const set = (typeId: string, phaseId: string, patch: { count?: number; per?: Per }) =>
    onChange({
      ...f,
      traceTypes: f.traceTypes.map((x) => {
        if (x.id !== typeId) return x;
        const q = x.quotas[phaseId] ?? { count: 0, per: 'semester' as const };
        return { ...x, quotas: { ...x.quotas, [phaseId]: { ...q, ...patch } } };
      }),
    });
  const cell = (type: TraceType, phase: Phase) => (
    <QuotaCell
      key={phase.id}
      type={type}
      phase={phase}
      disabled={disabled}
      onChange={(p) => set(type.id, phase.id, p)}
    />
  );
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="framework-quotas">
      <Title order={3} fz={17} id="framework-quotas" mb={4}>
        {t('portfolio.framework.quotas')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('portfolio.framework.quotasHelp')}
      </Text>
      {wide ? <QuotaTable f={f} cell={cell} /> : <QuotaStack f={f} cell={cell} />}
    </Card>
  );
}

function QuotaCell({
  type,
  phase,
  disabled,
  onChange,
}: {
  type: TraceType;
  phase: Phase;
  disabled: boolean;
  onChange: (patch: { count?: number; per?: Per }) => void;
}) {
  const { t } = useTranslation();
  const q = type.quotas[phase.id] ?? { count: 0, per: 'semester' as const };
  const where = `${type.label}, ${phase.label}`;
  return (
    <Group gap={6} wrap="nowrap">
      <NumberInput
        aria-label={t('portfolio.framework.count', { where })}
        min={0}
        max={30}
        w={72}
        value={q.count}
        onChange={(v) => onChange({ count: typeof v === 'number' ? v : Number(v) || 0 })}
        disabled={disabled}
      />
      <Select
        aria-label={t('portfolio.framework.per', { where })}
        w={150}
        data={[
          { value: 'semester', label: t('portfolio.framework.perSemester') },
          { value: 'phase', label: t('portfolio.framework.perPhase') },
        ]}
        value={q.per}
        onChange={(v) => v && onChange({ per: v as Per })}
        allowDeselect={false}
        disabled={disabled}
      />
    </Group>
  );
}

type Cell = (type: TraceType, phase: Phase) => React.ReactNode;

/** On a wide screen: kinds of trace down, phases across. */
function QuotaTable({ f, cell }: { f: Framework; cell: Cell }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t('portfolio.framework.quotas')}>
      <Table withTableBorder verticalSpacing="xs" miw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('portfolio.framework.traceType')}</Table.Th>
            {f.phases.map((p) => (
              <Table.Th key={p.id} scope="col">
                {p.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {f.traceTypes.map((type) => (
            <Table.Tr key={type.id}>
              <Table.Th scope="row" fw={500} maw={220}>
                {type.label}
              </Table.Th>
              {f.phases.map((p) => (
                <Table.Td key={p.id}>{cell(type, p)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** On a phone: one block per kind of trace, a line per phase. */
function QuotaStack({ f, cell }: { f: Framework; cell: Cell }) {
  return (
    <Stack gap="sm">
      {f.traceTypes.map((type) => (
        <Paper key={type.id} withBorder p="sm" radius="md" component="fieldset" m={0}>
          <Text component="legend" fw={600} size="sm" px={4}>
            {type.label}
          </Text>
          <Stack gap="xs">
            {f.phases.map((p) => (
              <Stack key={p.id} gap={2}>
                <Text size="xs" c="dimmed" fw={600}>
                  {p.label}
                </Text>
                {cell(type, p)}
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
