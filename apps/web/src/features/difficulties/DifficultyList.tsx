import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDates } from '../../app/dates';
import type { DifficultyItem, DifficultyState } from './queries';

export const stateColor: Record<DifficultyState, string> = {
  new: 'ambre',
  acknowledged: 'ardoise',
  in_progress: 'sauge',
  closed: 'gray',
};

/** Who raised a difficulty, in the viewer's words: you, a name, an anonymous member, nobody (a copy). */
export function useAuthorWords() {
  const { t } = useTranslation();
  return (d: Pick<DifficultyItem, 'mine' | 'author' | 'from'>) =>
    d.mine
      ? t('difficulties.you')
      : d.author
        ? d.author.name
        : d.from
          ? t('difficulties.fromOrganisation', { organisation: d.from })
          : t('difficulties.anonymousMember');
}

export function StateBadge({ state }: { state: DifficultyState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColor[state]} variant="light" tt="none">
      {t(`difficulties.state.${state}`)}
    </Badge>
  );
}

/** Difficulties as cards that open their page: what, where, when, by whom, how far. */
export function DifficultyList({
  items,
  orgId,
  empty,
}: {
  items: DifficultyItem[];
  orgId: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const { calendar } = useDates(orgId);
  const author = useAuthorWords();
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((d) => (
        <li key={d.id}>
          <UnstyledButton component={Link} to={`/difficultes/${d.id}`} w="100%">
            <Card withBorder radius="md" padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text fw={600}>{t(`difficulties.category.${d.category}`)}</Text>
                    <StateBadge state={d.state} />
                    {d.scope === 'systemic' && (
                      <Badge variant="outline" color="gray" tt="none">
                        {t('difficulties.scope.systemic')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {[
                      d.programme?.name,
                      t('difficulties.raisedOn', { date: calendar(d.raised.day) }),
                      author(d),
                      t('difficulties.messages', { count: d.messages }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                <IconChevronRight size={18} aria-hidden style={{ flex: 'none' }} />
              </Group>
            </Card>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
