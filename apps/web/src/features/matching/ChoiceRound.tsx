import { ActionIcon, Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { CandidateCard } from './CandidateCard';
import { useSaveRanking } from './queries';
import type { Mine } from './types';

type Round = NonNullable<Mine['round']>;

/** An open choice round: the candidates to rank, saved as a whole. */
export function ChoiceRound({ programmeId, round }: { programmeId: string; round: Round }) {
  const { t } = useProgrammeTranslation();
  const [ranking, setRanking] = useState<string[]>(round.ranking);
  const [saved, setSaved] = useState(false);
  const save = useSaveRanking(programmeId, { onSuccess: () => setSaved(true) });
  const change = (next: string[]) => {
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
      <RankingList round={round} ranking={ranking} onChange={change} />
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
        {round.candidates.map((c) => (
          <CandidateCard
            key={c.userId}
            candidate={c}
            rank={ranking.indexOf(c.userId)}
            open={round.open}
            onAdd={() => change([...ranking, c.userId])}
          />
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** The person's ranking so far, each name moved up, down or taken out while the round is open. */
function RankingList({
  round,
  ranking,
  onChange,
}: {
  round: Round;
  ranking: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useProgrammeTranslation();
  if (ranking.length === 0) {
    return (
      <Text size="sm" c="dimmed" mb="sm">
        {t('matching.choice.empty')}
      </Text>
    );
  }
  const byId = new Map(round.candidates.map((c) => [c.userId, c]));
  const moveBy = (i: number, d: number) => {
    const next = [...ranking];
    const [x] = next.splice(i, 1);
    if (x) next.splice(i + d, 0, x);
    onChange(next);
  };
  return (
    <Stack
      gap={6}
      mb="sm"
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('matching.choice.myRanking')}
    >
      {ranking.map((id, i) => {
        const name = byId.get(id)?.name;
        return (
          <Group key={id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <strong>{i + 1}.</strong> {name}
            </Text>
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                disabled={i === 0 || !round.open}
                onClick={() => moveBy(i, -1)}
                aria-label={t('matching.choice.up', { name })}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={i === ranking.length - 1 || !round.open}
                onClick={() => moveBy(i, 1)}
                aria-label={t('matching.choice.down', { name })}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={!round.open}
                onClick={() => onChange(ranking.filter((x) => x !== id))}
                aria-label={t('matching.choice.remove', { name })}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
