import { Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Slots, slotLabel, timeLabel } from './queries';

/** One time found: ticked or not, who is free, free if need be, or busy; the first is marked best. */
export function SlotCard({
  slot,
  first,
  picked,
  onPick,
  names,
  timeZone,
}: {
  slot: Slots['slots'][number];
  first: boolean;
  picked: boolean;
  onPick: () => void;
  names: Map<string, string>;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const everyone = slot.busy.length === 0 && slot.ifNeedBe.length === 0;
  return (
    <Paper component="li" withBorder p="sm" data-testid="slot">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Checkbox
          checked={picked}
          onChange={onPick}
          label={
            <Text fw={600} span>
              {slotLabel(slot.start, timeZone, lang)} – {timeLabel(slot.end, timeZone, lang)}
            </Text>
          }
        />
        {first && (
          <Badge color={everyone ? 'sauge' : 'ambre'} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {everyone ? t('meetings.new.everyone') : t('meetings.new.best')}
          </Badge>
        )}
      </Group>
      <Stack gap={2} mt={6} pl={30}>
        <Text size="sm">
          <Text span c="sauge.9" fw={600}>
            {t('meetings.new.free', { count: slot.free.length })}
          </Text>{' '}
          {slot.free.map((id) => names.get(id)).join(', ')}
        </Text>
        {slot.ifNeedBe.length > 0 && (
          <Text size="sm">
            <Text span c="ambre.9" fw={600}>
              {t('meetings.new.ifNeedBe', { count: slot.ifNeedBe.length })}
            </Text>{' '}
            {slot.ifNeedBe.map((id) => names.get(id)).join(', ')}
          </Text>
        )}
        {slot.busy.length > 0 && (
          <Text size="sm">
            <Text span c="red.9" fw={600}>
              {t('meetings.new.busy', { count: slot.busy.length })}
            </Text>{' '}
            {slot.busy.map((id) => names.get(id)).join(', ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
