import { List, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DifficultyView } from './queries';

/** The organisations a systemic difficulty was forwarded to, and where each copy stands. */
export function DifficultyForwards({
  forwards,
  calendar,
}: {
  forwards: DifficultyView['forwards'];
  calendar: (day: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="difficulty-forwards">
      <Title order={2} fz="md" mb="xs" id="difficulty-forwards">
        {t('difficulties.forwards')}
      </Title>
      <List size="sm" spacing={4}>
        {forwards.map((f) => (
          <List.Item key={f.organisation}>
            {t('difficulties.forwardedTo', {
              organisation: f.organisation,
              date: calendar(f.day),
              state: t(`difficulties.state.${f.state}`),
            })}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
