import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type Slots, slotLabel, timeLabel } from './api';

/** The times the engine found, best first; the ones ticked are proposed in a poll. */
export function SlotResults({
  result,
  picked,
  onPick,
  onPropose,
  proposing,
  error,
}: {
  result: Slots;
  picked: Set<string>;
  onPick: (start: string) => void;
  onPropose: () => void;
  proposing: boolean;
  error: Error | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const names = new Map(result.people.map((p) => [p.id, p.name]));
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={3} fz={18}>
        {t('meetings.new.results')}
      </Title>
      {result.slots.length === 0 && <Alert color="ambre">{t('meetings.new.none')}</Alert>}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {result.slots.map((s, i) => {
          const everyone = s.busy.length === 0 && s.ifNeedBe.length === 0;
          return (
            <Paper key={s.start} component="li" withBorder p="sm" data-testid="slot">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Checkbox
                  checked={picked.has(s.start)}
                  onChange={() => onPick(s.start)}
                  label={
                    <Text fw={600} span>
                      {slotLabel(s.start, result.timeZone, lang)} – {timeLabel(s.end, result.timeZone, lang)}
                    </Text>
                  }
                />
                {i === 0 && (
                  <Badge
                    color={everyone ? 'sauge' : 'ambre'}
                    variant="light"
                    tt="none"
                    style={{ flexShrink: 0 }}
                  >
                    {everyone ? t('meetings.new.everyone') : t('meetings.new.best')}
                  </Badge>
                )}
              </Group>
              <Stack gap={2} mt={6} pl={30}>
                <Text size="sm">
                  <Text span c="sauge.9" fw={600}>
                    {t('meetings.new.free', { count: s.free.length })}
                  </Text>{' '}
                  {s.free.map((id) => names.get(id)).join(', ')}
                </Text>
                {s.ifNeedBe.length > 0 && (
                  <Text size="sm">
                    <Text span c="ambre.9" fw={600}>
                      {t('meetings.new.ifNeedBe', { count: s.ifNeedBe.length })}
                    </Text>{' '}
                    {s.ifNeedBe.map((id) => names.get(id)).join(', ')}
                  </Text>
                )}
                {s.busy.length > 0 && (
                  <Text size="sm">
                    <Text span c="red.9" fw={600}>
                      {t('meetings.new.busy', { count: s.busy.length })}
                    </Text>{' '}
                    {s.busy.map((id) => names.get(id)).join(', ')}
                  </Text>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {result.slots.length > 0 && (
        <Button
          size="md"
          leftSection={<IconSend size={18} aria-hidden />}
          onClick={onPropose}
          loading={proposing}
          disabled={picked.size === 0}
        >
          {t('meetings.new.propose', { count: picked.size })}
        </Button>
      )}
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}
