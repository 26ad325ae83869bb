import {
  ActionIcon,
  Alert,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { useSaveRanking } from './queries';
import { initials } from './reasons';
import type { Mine } from './types';

/** An open choice round: the candidates to rank, saved as a whole. */
export function ChoiceRound({
  programmeId,
  round,
}: {
  programmeId: string;
  round: NonNullable<Mine['round']>;
}) {
  const { t } = useTranslation();
  const [ranking, setRanking] = useState<string[]>(round.ranking);
  const [saved, setSaved] = useState(false);
  const save = useSaveRanking(programmeId, { onSuccess: () => setSaved(true) });
  const byId = new Map(round.candidates.map((c) => [c.userId, c]));
  const moveBy = (i: number, d: number) => {
    const next = [...ranking];
    const [x] = next.splice(i, 1);
    if (x) next.splice(i + d, 0, x);
    setRanking(next);
    setSaved(false);
  };
  const deadline = new Date(round.deadline).toLocaleString('fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
  return (
    <Card withBorder radius="md" p="md">
      <Title order={2} fz="xl">
        {t(round.side === 'tutee' ? 'matching.choice.titleTutee' : 'matching.choice.titleTutor')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {round.open ? t('matching.choice.help', { deadline }) : t('matching.choice.closed', { deadline })}
      </Text>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {saved && (
        <Alert color="sauge" variant="light" role="status" mb="sm">
          {t('matching.choice.saved')}
        </Alert>
      )}
      <Title order={3} fz="md" mb="xs">
        {t('matching.choice.myRanking')}
      </Title>
      {ranking.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('matching.choice.empty')}
        </Text>
      ) : (
        <Stack
          gap={6}
          mb="sm"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('matching.choice.myRanking')}
        >
          {ranking.map((id, i) => (
            <Group key={id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <strong>{i + 1}.</strong> {byId.get(id)?.name}
              </Text>
              <Group gap={2} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  disabled={i === 0 || !round.open}
                  onClick={() => moveBy(i, -1)}
                  aria-label={t('matching.choice.up', { name: byId.get(id)?.name })}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  disabled={i === ranking.length - 1 || !round.open}
                  onClick={() => moveBy(i, 1)}
                  aria-label={t('matching.choice.down', { name: byId.get(id)?.name })}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={!round.open}
                  onClick={() => {
                    setRanking(ranking.filter((x) => x !== id));
                    setSaved(false);
                  }}
                  aria-label={t('matching.choice.remove', { name: byId.get(id)?.name })}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {round.open && (
        <Button
          mb="md"
          onClick={() => save.mutate(ranking)}
          loading={save.isPending}
          disabled={ranking.length === 0}
        >
          {t('matching.choice.save')}
        </Button>
      )}
      <Title order={3} fz="md" mb="xs">
        {t(round.side === 'tutee' ? 'matching.choice.showcase' : 'matching.choice.candidates')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {round.candidates.map((c) => {
          const rank = ranking.indexOf(c.userId);
          return (
            <Card key={c.userId} withBorder radius="md" p="sm" data-testid="candidate">
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
                    disabled={!round.open}
                    onClick={() => {
                      setRanking([...ranking, c.userId]);
                      setSaved(false);
                    }}
                    aria-label={t('matching.choice.addLabel', { name: c.name })}
                  >
                    {t('matching.choice.add')}
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}
