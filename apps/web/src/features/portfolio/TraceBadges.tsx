import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TraceSummary } from './queries';
import { stateColors, usePortfolioDates } from './words';

/** Where a trace stands ("À rédiger", "À reprendre avant le 3 mars"…) and whether it is late. */
export function TraceBadges({ trace, timeZone }: { trace: TraceSummary; timeZone: string }) {
  const { t } = useTranslation();
  const { day } = usePortfolioDates(timeZone);
  const label =
    trace.state === 'revision' && trace.revisionDueOn
      ? t('portfolio.state.revisionBefore', { date: day(trace.revisionDueOn) })
      : t(`portfolio.state.${trace.state}`);
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={stateColors[trace.state]} variant="light" tt="none" fw={600}>
        {label}
      </Badge>
      {trace.late && (
        <Badge
          color="red"
          variant="filled"
          tt="none"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
        >
          {t('portfolio.state.late')}
        </Badge>
      )}
    </Group>
  );
}
