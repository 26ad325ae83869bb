import { List, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DifficultyView } from './queries';

/** What happened to the difficulty, oldest first: raised, forwarded, each change of state and by whom. */
export function DifficultyHistory({
  history,
  when,
}: {
  history: DifficultyView['history'];
  when: (m: { day: string; at: string | null }) => string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="difficulty-history">
      <Title order={2} fz="md" mb="xs" id="difficulty-history">
        {t('difficulties.history')}
      </Title>
      <List size="sm" spacing={4}>
        {history.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows, in order, and has no ids
          <List.Item key={i}>
            {when(h)} —{' '}
            {h.kind === 'raised'
              ? t('difficulties.event.raised')
              : h.kind === 'forwarded'
                ? t('difficulties.event.forwarded', { organisation: h.organisation ?? '', by: h.by ?? '' })
                : t('difficulties.event.state', { state: t(`difficulties.state.${h.to}`), by: h.by ?? '' })}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
