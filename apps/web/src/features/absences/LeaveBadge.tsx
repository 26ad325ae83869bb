import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../app/dates';

export { useTeamLeave } from './queries';

/** "en congé du … au …": a team member's leave, days only (the caseload shows one per member). */
export function LeaveBadge({ startOn, endOn }: { startOn: string; endOn: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Badge
      color="orange"
      variant="light"
      c="dark.8"
      tt="none"
      // A long "du … au …" wraps on a phone rather than being cut.
      styles={{
        root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
      }}
    >
      {t('absences.leave', {
        from: formatCalendarDate(startOn, i18n.language),
        to: formatCalendarDate(endOn, i18n.language),
      })}
    </Badge>
  );
}
