import { Badge, Button, Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { type MoveStep, type TeamPageView, useMoveStep, useProposeMove } from './queries';

/** Tutees moved inside the team: proposed, accepted by the other tutor, approved where the rules ask. */
export function TeamMoves({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const step = useMoveStep(team.id, {
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const live = team.moves.filter((m) => m.state === 'proposed' || m.state === 'accepted');
  if (!team.actions.proposeMove && live.length === 0) return null;
  return (
    <section aria-labelledby="team-moves">
      <Text id="team-moves" fw={600} fz="lg">
        {t('teams.moves.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('teams.moves.help')}
      </Text>
      <Stack gap="sm">
        {live.map((m) => (
          <Card key={m.id} withBorder padding="sm">
            <Stack gap={6}>
              <Text size="sm">
                {t('teams.moves.line', {
                  tutee: m.tutee.name,
                  from: m.from?.name ?? '',
                  to: m.to?.name ?? '',
                })}
              </Text>
              {m.message && (
                <Text size="sm" c="dimmed">
                  « {m.message} »
                </Text>
              )}
              <Group gap="xs">
                <Badge variant="light" tt="none">
                  {t(`teams.moves.state.${m.state}`)}
                </Badge>
                {m.needsCoordinator && (
                  <Badge variant="outline" color="gray" tt="none">
                    {t('teams.moves.needsCoordinator')}
                  </Badge>
                )}
              </Group>
              <Group gap="xs">
                {(['accept', 'approve', 'decline', 'cancel'] as MoveStep[])
                  .filter((s) => m.actions[s])
                  .map((s) => (
                    <Button
                      key={s}
                      size="xs"
                      variant={s === 'accept' || s === 'approve' ? 'filled' : 'default'}
                      loading={step.isPending && step.variables?.id === m.id && step.variables.step === s}
                      onClick={() => step.mutate({ id: m.id, step: s })}
                    >
                      {t(`teams.moves.${s}`)}
                    </Button>
                  ))}
              </Group>
            </Stack>
          </Card>
        ))}
        {team.actions.proposeMove && <ProposeMove team={team} />}
      </Stack>
    </section>
  );
}

function ProposeMove({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const me = team.members.find((m) => m.me);
  const [pairingId, setPairingId] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const propose = useProposeMove(team.id, {
    onSuccess: () => {
      setPairingId(null);
      setTo(null);
      setNote('');
      notifications.show({ color: 'sauge', message: t('teams.moves.sent') });
    },
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const owner = team.members.find((m) => m.tutees.some((x) => x.pairingId === pairingId));
  const mine = owner?.me ?? false;
  const tutees = team.members.map((m) => ({
    group: m.me ? t('teams.moves.myTutees') : t('teams.moves.tuteesOf', { name: m.name }),
    items: m.tutees.map((x) => ({ value: x.pairingId, label: x.name })),
  }));
  const target = mine ? to : (me?.id ?? null);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Select
          label={t('teams.moves.tutee')}
          description={t('teams.moves.tuteeHelp')}
          data={tutees.filter((g) => g.items.length > 0)}
          value={pairingId}
          onChange={setPairingId}
          searchable
        />
        {mine && (
          <Select
            label={t('teams.moves.to')}
            data={team.members.filter((m) => !m.me).map((m) => ({ value: m.id, label: m.name }))}
            value={to}
            onChange={setTo}
          />
        )}
        {owner && !mine && <Text size="sm">{t('teams.moves.askToTake', { name: owner.name })}</Text>}
        <Textarea
          label={t('teams.moves.message')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
        />
        <Group>
          <Button
            disabled={!pairingId || !target}
            loading={propose.isPending}
            onClick={() =>
              pairingId &&
              target &&
              propose.mutate({ pairingId, toUserId: target, message: note.trim() || null })
            }
          >
            {t(mine ? 'teams.moves.propose' : 'teams.moves.ask')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
