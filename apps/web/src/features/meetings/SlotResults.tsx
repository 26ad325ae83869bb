import { Alert, Button, Stack, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import type { Slots } from './queries';
import { SlotCard } from './SlotCard';

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
  const _lang = i18n.language;
  const names = new Map(result.people.map((p) => [p.id, p.name]));
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={3} fz={18}>
        {t('meetings.new.results')}
      </Title>
      {result.slots.length === 0 && <Alert color="ambre">{t('meetings.new.none')}</Alert>}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {result.slots.map((s, i) => (
          <SlotCard
            key={s.start}
            slot={s}
            first={i === 0}
            picked={picked.has(s.start)}
            onPick={() => onPick(s.start)}
            names={names}
            timeZone={result.timeZone}
          />
        ))}
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
