import { Avatar, Badge, Button, Card, Group, Text } from '@mantine/core';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { initials } from './reasons';
import type { Mine } from './types';

type Candidate = NonNullable<Mine['round']>['candidates'][number];

/** A candidate as the round shows them: who they are, their places left, their rank or a button to add them. */
export function CandidateCard({
  candidate: c,
  rank,
  open,
  onAdd,
}: {
  candidate: Candidate;
  rank: number;
  open: boolean;
  onAdd: () => void;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <Card withBorder radius="md" p="sm" data-testid="candidate">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar color="sauge" radius="xl" aria-hidden>
          {initials(c.name)}
        </Avatar>
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{c.name}</Text>
          <Text size="sm" c="dimmed">
            {[c.site, c.km !== null ? t('matching.choice.km', { km: c.km }) : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
      </Group>
      {c.presentation && (
        <Text size="sm" mt={6}>
          {c.presentation}
        </Text>
      )}
      {c.project && (
        <Text size="sm" mt={4}>
          <strong>{t('matching.choice.project')}</strong> {c.project}
        </Text>
      )}
      {c.themes.length > 0 && (
        <Group gap={4} mt={6}>
          {c.themes.map((th) => (
            <Badge key={th} variant="outline" color="gray" tt="none" size="sm">
              {th}
            </Badge>
          ))}
        </Group>
      )}
      <Group justify="space-between" mt="xs" wrap="wrap" gap="xs">
        {c.placesLeft !== null ? (
          <Text size="xs" c="dimmed">
            {t('matching.choice.places', { count: c.placesLeft })}
          </Text>
        ) : (
          <span />
        )}
        {rank >= 0 ? (
          <Badge color="sauge" tt="none">
            {t('matching.choice.ranked', { rank: rank + 1 })}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="light"
            disabled={!open}
            onClick={onAdd}
            aria-label={t('matching.choice.addLabel', { name: c.name })}
          >
            {t('matching.choice.add')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
