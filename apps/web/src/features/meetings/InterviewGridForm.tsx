import { Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type InterviewGrid, type InterviewView, type Level, levels } from './interviewQueries';
import type { Report, useSaveReport } from './queries';

/**
 * The tutored interview's grid as the tutor fills it: per competency a level and what progressed
 * (with what the resident's phase expects), the traces read together, next year's plan.
 */
export function InterviewGridForm({
  view,
  grid,
  onGrid,
  status,
  onSend,
  save,
}: {
  view: InterviewView;
  grid: InterviewGrid;
  onGrid: (next: InterviewGrid) => void;
  status: Report['status'];
  onSend: (file: boolean) => void;
  save: ReturnType<typeof useSaveReport>;
}) {
  const { t } = useTranslation();
  const setCompetency = (id: string, patch: Partial<Row>) =>
    onGrid({ ...grid, competencies: grid.competencies.map((c) => (c.id === id ? { ...c, ...patch } : c)) });
  const toggleTrace = (id: string, on: boolean) =>
    onGrid({ ...grid, traceIds: on ? [...grid.traceIds, id] : grid.traceIds.filter((x) => x !== id) });
  return (
    <Stack gap="md">
      <Title order={3} fz={17}>
        {t('meetings.interview.progress')}
      </Title>
      {view.competencies.map((c) => (
        <CompetencyRow
          key={c.id}
          competency={c}
          row={grid.competencies.find((x) => x.id === c.id)}
          onChange={(patch) => setCompetency(c.id, patch)}
        />
      ))}
      <Title order={3} fz={17}>
        {t('meetings.interview.traces')}
      </Title>
      {view.traces.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.interview.noTraces')}
        </Text>
      ) : (
        view.traces.map((tr) => (
          <Checkbox
            key={tr.id}
            label={`${tr.title} (${tr.period})`}
            checked={grid.traceIds.includes(tr.id)}
            onChange={(e) => toggleTrace(tr.id, e.currentTarget.checked)}
          />
        ))
      )}
      <Textarea
        label={t('meetings.interview.plan')}
        value={grid.plan}
        autosize
        minRows={3}
        onChange={(e) => onGrid({ ...grid, plan: e.currentTarget.value })}
      />
      <Group gap="sm">
        <Button
          variant="default"
          onClick={() => onSend(false)}
          loading={save.isPending && !save.variables?.file}
        >
          {t('meetings.report.saveDraft')}
        </Button>
        <Button onClick={() => onSend(true)} loading={save.isPending && !!save.variables?.file}>
          {status === 'filed' ? t('meetings.report.update') : t('meetings.report.file')}
        </Button>
      </Group>
      {status === 'filed' && view.signatures.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('meetings.interview.editVoids')}
        </Text>
      )}
      <SaveStatus save={save} />
    </Stack>
  );
}

type Row = InterviewGrid['competencies'][number];

/** One competency: what the phase expects, the level reached, the progress seen. */
function CompetencyRow({
  competency: c,
  row,
  onChange,
}: {
  competency: InterviewView['competencies'][number];
  row: Row | undefined;
  onChange: (patch: Partial<Row>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600}>{c.label}</Text>
      {c.expected && (
        <Text size="sm" c="dimmed">
          {t('meetings.interview.expected', { level: t(`supervisor.levels.${c.expected.level}`) })}{' '}
          {c.expected.text}
        </Text>
      )}
      <SegmentedControl
        aria-label={t('meetings.interview.levelOf', { competency: c.label })}
        value={row?.level ?? ''}
        onChange={(v) => onChange({ level: v as Level })}
        data={levels.map((l) => ({ value: l, label: t(`supervisor.levels.${l}`) }))}
      />
      <Textarea
        label={t('meetings.interview.note')}
        value={row?.note ?? ''}
        autosize
        minRows={1}
        onChange={(e) => onChange({ note: e.currentTarget.value })}
      />
    </Stack>
  );
}

function SaveStatus({ save }: { save: ReturnType<typeof useSaveReport> }) {
  const { t } = useTranslation();
  return (
    <>
      {save.isSuccess && (
        <Text size="sm" c="sauge.8" role="status">
          {save.data.status === 'filed' ? t('meetings.report.filed') : t('meetings.report.draftSaved')}
        </Text>
      )}
      {save.error && <ErrorAlert error={save.error} />}
    </>
  );
}
