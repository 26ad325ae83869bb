import {
  ActionIcon,
  Alert,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconLock, IconLockOpen, IconSend, IconSparkles } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert, Loading } from '../../app/ui';
import { Constraints } from './Constraints';
import { LivePairings } from './LivePairings';
import { useOverview, useOverviewMutation } from './queries';
import { initials, reasonsLine } from './reasons';
import { SummaryTable } from './Summary';
import { type Mode, modes, type Overview, type Proposal, type Weights, weightKeys } from './types';

/** The coordinator's matching screen: criteria, mode, draft review with explanations, publishing. */
export function CoordinatorMatching({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const overview = useOverview(programmeId, true);
  // Kept above the review: publishing ends the draft, and the review starts afresh.
  const [published, setPublished] = useState<number | null>(null);
  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (!overview.data) return <Loading />;
  return (
    <>
      {published !== null && (
        <Alert color="sauge" variant="light" role="status" title={t('matching.published.title')} mb="lg">
          {t('matching.published.body', { count: published })}
        </Alert>
      )}
      <Review
        programmeId={programmeId}
        o={overview.data}
        key={overview.data.draft?.id ?? 'none'}
        onPublished={setPublished}
      />
    </>
  );
}

function Review({
  programmeId,
  o,
  onPublished,
}: {
  programmeId: string;
  o: Overview;
  onPublished: (n: number) => void;
}) {
  const { t } = useTranslation();
  const base = `/api/programmes/${programmeId}/matching`;
  // An open choice round sets the mode until the draft it leads to exists.
  const [mode, setMode] = useState<Mode>(
    o.draft?.mode ?? (o.round?.status === 'open' ? o.round.kind : o.defaultMode),
  );
  const [weights, setWeights] = useState<Weights>(o.weights);
  const [publishing, setPublishing] = useState(false);
  const run = useOverviewMutation(programmeId, async (m: Mode) => {
    await api.put(`${base}/weights`, weights);
    return api.post<Overview>(`${base}/runs`, { mode: m });
  });
  const assign = useOverviewMutation(programmeId, (b: { tuteeId: string; tutorId: string | null }) =>
    api.post<Overview>(`${base}/draft/assign`, b),
  );
  const lock = useOverviewMutation(programmeId, (b: { tuteeId: string; locked: boolean }) =>
    api.post<Overview>(`${base}/draft/lock`, b),
  );
  const publish = useOverviewMutation(programmeId, async () => {
    const r = await api.post<Overview & { published: number }>(`${base}/draft/publish`);
    onPublished(r.published);
    setPublishing(false);
    return r;
  });
  const discard = useOverviewMutation(programmeId, () => api.delete<Overview>(`${base}/draft`));
  const closeRound = useOverviewMutation(programmeId, () =>
    api.post<Overview>(`${base}/rounds/current/close`),
  );
  const [deadline, setDeadline] = useState('');
  const openRound = useOverviewMutation(programmeId, () =>
    api.post<Overview>(`${base}/rounds`, {
      kind: mode === 'tutor-choice' ? 'tutor-choice' : 'tutee-choice',
      deadline: new Date(deadline).toISOString(),
    }),
  );
  const error =
    run.error ??
    assign.error ??
    lock.error ??
    publish.error ??
    discard.error ??
    closeRound.error ??
    openRound.error;
  const draft = o.draft;
  const choiceMode = mode === 'tutee-choice' || mode === 'tutor-choice';
  const placesLeft = (id: string) => {
    const tu = o.tutors.find((x) => x.userId === id);
    return tu ? tu.capacity - tu.live - tu.proposed : 0;
  };

  return (
    <Stack gap="lg">
      {error ? <ErrorAlert error={error} /> : null}
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} fz="xl">
            {t('matching.setup.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('matching.setup.cohort', {
              tutees: o.unpaired.length + (draft?.proposals.length ?? 0),
              tutors: o.tutors.length,
              places: o.tutors.reduce((s, x) => s + Math.max(0, x.capacity - x.live), 0),
            })}
            {o.unit === 'group' ? ` ${t('matching.setup.groups', { size: o.groupSize })}` : ''}
          </Text>
          <NativeSelect
            label={t('matching.setup.mode')}
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as Mode)}
            data={modes.map((m) => ({ value: m, label: t(`matching.mode.${m}`) }))}
            description={t(`matching.modeHelp.${mode}`)}
            maw={520}
          />
          {choiceMode && (
            <Card withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)">
              {o.round?.status === 'open' ? (
                <Stack gap="xs">
                  <Text size="sm">
                    {t('matching.round.open', {
                      ranked: o.round.ranked,
                      eligible: o.round.eligible,
                      deadline: new Date(o.round.deadline).toLocaleString('fr-FR', {
                        dateStyle: 'long',
                        timeStyle: 'short',
                        timeZone: 'Europe/Paris',
                      }),
                    })}
                  </Text>
                  <Group>
                    <Button
                      onClick={() => closeRound.mutate(undefined)}
                      loading={closeRound.isPending}
                      leftSection={<IconSparkles size={18} aria-hidden />}
                    >
                      {t('matching.round.close')}
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Group align="flex-end" wrap="wrap">
                  <TextInput
                    type="datetime-local"
                    label={t('matching.round.deadline')}
                    value={deadline}
                    onChange={(e) => setDeadline(e.currentTarget.value)}
                  />
                  <Button
                    variant="light"
                    disabled={!deadline}
                    onClick={() => openRound.mutate(undefined)}
                    loading={openRound.isPending}
                  >
                    {t('matching.round.openButton')}
                  </Button>
                </Group>
              )}
            </Card>
          )}
        </Stack>
      </Card>

      <Card withBorder radius="md" p="md">
        <Title order={2} fz="xl" mb={4}>
          {t('matching.weights.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('matching.weights.help')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="lg">
          {weightKeys.map((k) => (
            <div key={k}>
              <Text size="sm" fw={500} aria-hidden>
                {t(`matching.weights.${k}`)}
              </Text>
              <Slider
                thumbLabel={t(`matching.weights.${k}`)}
                min={0}
                max={10}
                step={1}
                value={weights[k]}
                onChange={(v) => setWeights({ ...weights, [k]: v })}
                label={(v) =>
                  t(
                    v === 0
                      ? 'matching.weights.off'
                      : v >= 8
                        ? 'matching.weights.decisive'
                        : 'matching.weights.value',
                    { v },
                  )
                }
                marks={[{ value: 0 }, { value: 5 }, { value: 10 }]}
                mb="xs"
              />
            </div>
          ))}
        </SimpleGrid>
        <Group mt="md">
          {mode !== 'tutee-choice' || o.round?.status !== 'open' ? (
            <Button
              onClick={() => run.mutate(mode)}
              loading={run.isPending}
              leftSection={<IconSparkles size={18} aria-hidden />}
            >
              {draft ? t('matching.actions.rerun') : t('matching.actions.run')}
            </Button>
          ) : null}
        </Group>
      </Card>

      {draft && (
        <>
          <SummaryTable summary={draft.summary} baseline={draft.baseline} />
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} fz="xl">
                {t('matching.draft.title', { count: draft.proposals.length })}
              </Title>
              <Group gap="xs">
                <Button
                  variant="subtle"
                  color="gray"
                  onClick={() => discard.mutate(undefined)}
                  loading={discard.isPending}
                >
                  {t('matching.actions.discard')}
                </Button>
                <Button
                  onClick={() => setPublishing(true)}
                  disabled={!o.actions.publish}
                  leftSection={<IconSend size={18} aria-hidden />}
                >
                  {t('matching.actions.publish')}
                </Button>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {t('matching.draft.help')}
            </Text>
            {draft.proposals.map((p) => (
              <ProposalCard
                key={p.pairingId}
                p={p}
                tutors={o.tutors.map((x) => ({
                  value: x.userId,
                  label: `${x.name} (${Math.max(0, placesLeft(x.userId))} ${t('matching.placesShort')})`,
                }))}
                onMove={(tutorId) => assign.mutate({ tuteeId: p.tuteeId, tutorId })}
                onLock={() => lock.mutate({ tuteeId: p.tuteeId, locked: !p.locked })}
              />
            ))}
          </Stack>
        </>
      )}

      {o.unpaired.length > 0 && (
        <Card withBorder radius="md" p="md">
          <Title order={2} fz="xl" mb="xs">
            {t('matching.unpaired.title', { count: o.unpaired.length })}
          </Title>
          <Stack gap="xs">
            {o.unpaired.map((u) => (
              <Group key={u.userId} justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">
                  <strong>{u.name}</strong> · {[u.site, u.homeCommune].filter(Boolean).join(' · ')}
                </Text>
                <NativeSelect
                  aria-label={t('matching.unpaired.assign', { name: u.name })}
                  value=""
                  onChange={(e) =>
                    e.currentTarget.value &&
                    assign.mutate({ tuteeId: u.userId, tutorId: e.currentTarget.value })
                  }
                  data={[
                    { value: '', label: t('matching.unpaired.choose') },
                    ...o.tutors.map((x) => ({
                      value: x.userId,
                      label: `${x.name} (${Math.max(0, placesLeft(x.userId))} ${t('matching.placesShort')})`,
                      disabled: placesLeft(x.userId) <= 0,
                    })),
                  ]}
                  size="xs"
                />
              </Group>
            ))}
          </Stack>
        </Card>
      )}

      <LivePairings programmeId={programmeId} o={o} />

      <Constraints programmeId={programmeId} o={o} />

      <Modal
        opened={publishing}
        onClose={() => setPublishing(false)}
        title={t('matching.publish.title')}
        centered
      >
        <Stack>
          <Text>{t('matching.publish.body', { count: draft?.proposals.length ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPublishing(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => publish.mutate(undefined)} loading={publish.isPending}>
              {t('matching.publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ProposalCard({
  p,
  tutors,
  onMove,
  onLock,
}: {
  p: Proposal;
  tutors: { value: string; label: string }[];
  onMove: (tutorId: string | null) => void;
  onLock: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="sm" data-testid="proposal">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Avatar color="sauge" radius="xl" aria-hidden>
            {initials(p.tuteeName)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {p.tuteeName} → {p.tutorName}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {reasonsLine(t, p.reasons) || t('matching.reason.none')}
            </Text>
          </div>
        </Group>
        <Tooltip label={p.locked ? t('matching.actions.unlock') : t('matching.actions.lock')}>
          <ActionIcon
            variant={p.locked ? 'filled' : 'subtle'}
            color={p.locked ? 'sauge' : 'gray'}
            onClick={onLock}
            aria-label={`${p.locked ? t('matching.actions.unlock') : t('matching.actions.lock')} — ${p.tuteeName}`}
            aria-pressed={p.locked}
          >
            {p.locked ? <IconLock size={18} /> : <IconLockOpen size={18} />}
          </ActionIcon>
        </Tooltip>
      </Group>
      {p.warnings.length > 0 && (
        <Group gap={6} mt={6}>
          {p.warnings.map((w) => (
            <Badge
              key={w.code}
              color="yellow"
              c="dark.7"
              variant="light"
              tt="none"
              leftSection={<IconAlertTriangle size={12} aria-hidden />}
            >
              {t(`matching.warning.${w.code}`, { ...w })}
            </Badge>
          ))}
        </Group>
      )}
      {p.alternatives.length > 0 && (
        <div>
          <Text size="xs" c="dimmed" mt={6}>
            {t('matching.alternatives', { name: p.tuteeName })}
          </Text>
          <Stack
            component="ul"
            gap={2}
            m={0}
            pl="md"
            aria-label={t('matching.alternatives', { name: p.tuteeName })}
          >
            {p.alternatives.map((a) => (
              <Text
                key={a.tutorId}
                component="li"
                size="xs"
                c="dimmed"
                style={{ overflowWrap: 'anywhere' }}
                data-testid="effect"
              >
                {effectText(t, p, a)}
              </Text>
            ))}
          </Stack>
        </div>
      )}
      <Group mt="xs" gap="xs" wrap="wrap">
        <NativeSelect
          size="xs"
          aria-label={t('matching.actions.moveLabel', { name: p.tuteeName })}
          value=""
          onChange={(e) =>
            e.currentTarget.value && onMove(e.currentTarget.value === '-' ? null : e.currentTarget.value)
          }
          data={[
            { value: '', label: t('matching.actions.move') },
            ...tutors.filter((x) => x.value !== p.tutorId),
            { value: '-', label: t('matching.actions.unassign') },
          ]}
        />
      </Group>
    </Card>
  );
}

const signedKm = (km: number | null) =>
  km === null ? '?' : `${km > 0 ? '+' : km < 0 ? '−' : ''}${Math.abs(km)}`;

/**
 * "vers Dr B (complet) : −3 km pour Anne ; Paul passerait de Dr B à Dr A (+35 km)": what the move
 * costs the tutee, and what it costs the others.
 */
export function effectText(t: TFunction, p: Proposal, a: Proposal['alternatives'][number]): string {
  if (a.blocked) return t('matching.effect.blocked', { name: a.name });
  const parts = [
    t(a.full ? 'matching.effect.full' : 'matching.effect.to', {
      name: a.name,
      km: signedKm(a.deltaKm),
      tutee: p.tuteeName,
    }),
  ];
  for (const m of a.moves)
    parts.push(
      t('matching.effect.move', {
        other: m.tuteeName,
        from: m.fromName,
        to: m.toName,
        km: signedKm(m.deltaKm),
      }),
    );
  if (a.frees)
    parts.push(t(a.moves.length ? 'matching.effect.andFrees' : 'matching.effect.frees', { name: a.frees }));
  return parts.join(' ; ');
}
