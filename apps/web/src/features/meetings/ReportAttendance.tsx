import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Report } from './queries';

export type Attendance = 'present' | 'excused' | 'absent';

/** Who came: chosen person by person by whoever fills the report, read by the others. */
export function ReportAttendance({
  rows,
  editable,
  value,
  onChange,
}: {
  rows: Report['attendance'];
  editable: boolean;
  value: Record<string, Attendance>;
  onChange: (next: Record<string, Attendance>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('meetings.report.attendance')}
      </Text>
      {rows.map((a) =>
        editable ? (
          <Group key={a.userId} justify="space-between" wrap="wrap" gap={6}>
            <Text size="sm" id={`att-${a.userId}`}>
              {a.name}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby={`att-${a.userId}`}
              value={value[a.userId] ?? 'present'}
              onChange={(v) => onChange({ ...value, [a.userId]: v as Attendance })}
              data={(['present', 'excused', 'absent'] as const).map((v) => ({
                value: v,
                label: t(`meetings.attendance.${v}`),
              }))}
            />
          </Group>
        ) : (
          <Text key={a.userId} size="sm">
            {a.name} — {a.status ? t(`meetings.attendance.${a.status}`) : '—'}
          </Text>
        ),
      )}
    </Stack>
  );
}
