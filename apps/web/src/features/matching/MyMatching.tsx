import {
  ActionIcon,
  Alert,
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconMail, IconPhone, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ui';
import { HistoryModal } from './History';
import { stateColor } from './LivePairings';
import { mineKey } from './queries';
import { initials, reasonsLine } from './reasons';
import type { Mine } from './types';

/** A tutor's or tutee's own pairings, and the choice round when one is open for them. */
export function MyMatching({ programmeId, mine }: { programmeId: string; mine: Mine }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [history, setHistory] = useState<string | null>(null);
  const [repair, setRepair] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: mineKey(programmeId) });
  const act = useMutation({
    mutationFn: (b: { kind: 'repair' | 'optOut'; id: string }) =>
      b.kind === 'repair'
        ? api.post(`/api/pairings/${b.id}/repair-request`, { reason })
        : api.post(`/api/pairings/${b.id}/transition`, { to: 'ended' }),
    onSuccess: () => {
      setRepair(null);
      setReason('');
      void refresh();
    },
  });
  return (
    <Stack gap="lg">
      {act.error ? <ErrorAlert error={act.error} /> : null}
      {mine.round && <ChoiceRound programmeId={programmeId} round={mine.round} />}
      <div>
        <Title order={2} fz="xl" mb="sm">
          {t('matching.mine.title')}
        </Title>
        {mine.pairings.length === 0 ? (
          <Text c="dimmed">{t('matching.mine.none')}</Text>
        ) : (
          <Stack gap="sm">
            {mine.pairings.map((p) => (
              <Card key={p.id} withBorder radius="md" p="md" data-testid="my-pairing">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Avatar color="sauge" radius="xl" size="lg" aria-hidden>
                      {initials(p.counterpart.name)}
                    </Avatar>
                    <div style={{ minWidth: 0 }}>
                      <Text size="xs" c="dimmed">
                        {t(p.as === 'tutee' ? 'matching.mine.yourTutor' : 'matching.mine.yourTutee')}
                      </Text>
                      <Text fw={600} fz="lg">
                        {p.counterpart.name}
                      </Text>
                    </div>
                  </Group>
                  <Badge color={stateColor[p.state] ?? 'gray'} variant="light" tt="none">
                    {t(`matching.state.${p.state}`)}
                  </Badge>
                </Group>
                {p.counterpart.presentation && (
                  <Text size="sm" mt="xs">
                    {p.counterpart.presentation}
                  </Text>
                )}
                <Stack gap={4} mt="xs">
                  {p.counterpart.email && (
                    <Anchor href={`mailto:${p.counterpart.email}`} size="sm">
                      <Group gap={6} wrap="nowrap">
                        <IconMail size={16} aria-hidden /> {p.counterpart.email}
                      </Group>
                    </Anchor>
                  )}
                  {p.counterpart.phone && (
                    <Anchor href={`tel:${p.counterpart.phone}`} size="sm">
                      <Group gap={6} wrap="nowrap">
                        <IconPhone size={16} aria-hidden /> {p.counterpart.phone}
                      </Group>
                    </Anchor>
                  )}
                  {(p.counterpart.site || p.counterpart.project) && (
                    <Text size="sm" c="dimmed">
                      {[p.counterpart.site, p.counterpart.project].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </Stack>
                {p.reasons.length > 0 && (
                  <Text size="sm" mt="xs">
                    <strong>{t('matching.mine.why')}</strong> {reasonsLine(t, p.reasons)}
                  </Text>
                )}
                {p.repairRequested && p.state !== 'ended' && (
                  <Text size="sm" c="red.9" mt="xs">
                    {t('matching.mine.repairPending')}
                  </Text>
                )}
                <Group gap="xs" mt="sm">
                  <Button size="xs" variant="default" onClick={() => setHistory(p.id)}>
                    {t('matching.history.open')}
                  </Button>
                  {p.actions.requestRepair && (
                    <Button size="xs" variant="light" onClick={() => setRepair(p.id)}>
                      {t('matching.mine.askRepair')}
                    </Button>
                  )}
                  {p.actions.optOut && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      onClick={() => act.mutate({ kind: 'optOut', id: p.id })}
                    >
                      {t('matching.mine.optOut')}
                    </Button>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
        {mine.participation.mode === 'first-n' && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('matching.mine.firstN', { n: mine.participation.firstN })}
          </Text>
        )}
      </div>
      <Modal opened={!!repair} onClose={() => setRepair(null)} title={t('matching.mine.askRepair')} centered>
        <Stack>
          <Text size="sm">{t('matching.mine.repairHelp')}</Text>
          <Textarea
            label={t('matching.mine.repairReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRepair(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={reason.trim().length < 3}
              loading={act.isPending}
              onClick={() => repair && act.mutate({ kind: 'repair', id: repair })}
            >
              {t('matching.mine.sendRepair')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <HistoryModal pairingId={history} onClose={() => setHistory(null)} />
    </Stack>
  );
}

function ChoiceRound({ programmeId, round }: { programmeId: string; round: NonNullable<Mine['round']> }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [ranking, setRanking] = useState<string[]>(round.ranking);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.put<Mine>(`/api/programmes/${programmeId}/matching/rounds/current/ranking`, { ranking }),
    onSuccess: (data) => {
      qc.setQueryData(mineKey(programmeId), data);
      setSaved(true);
    },
  });
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
          onClick={() => save.mutate()}
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
