import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';

/** How long the meeting lasts, and between which days and hours the slot finder looks. */
export type SearchRange = { duration: string; from: string; to: string; dayStart: string; dayEnd: string };

/** The fields of a SearchRange. */
export function SearchRangeFields({
  value,
  onChange,
}: {
  value: SearchRange;
  onChange: (next: SearchRange) => void;
}) {
  const { t } = useProgrammeTranslation();
  const set = (patch: Partial<SearchRange>) => onChange({ ...value, ...patch });
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
      <Select
        label={t('meetings.new.duration')}
        value={value.duration}
        onChange={(v) => set({ duration: v ?? '90' })}
        data={['30', '60', '90', '120', '180'].map((m) => ({
          value: m,
          label: t('meetings.minutes', { count: Number(m) }),
        }))}
        allowDeselect={false}
      />
      <TextInput
        type="date"
        label={t('meetings.new.from')}
        value={value.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('meetings.new.to')}
        value={value.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
      />
      <TextInput
        type="time"
        label={t('meetings.new.dayStart')}
        value={value.dayStart}
        onChange={(e) => set({ dayStart: e.currentTarget.value })}
      />
      <TextInput
        type="time"
        label={t('meetings.new.dayEnd')}
        value={value.dayEnd}
        onChange={(e) => set({ dayEnd: e.currentTarget.value })}
      />
    </SimpleGrid>
  );
}
