import { ActionIcon, Avatar, Badge, Card, Group, NativeSelect, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconLockOpen } from '@tabler/icons-react';
import { type Translate, useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { initials, reasonsText } from './reasons';
import type { Proposal } from './types';

/** One proposed pairing of the draft: why, what moving it costs the others, move or lock it. */
export function ProposalCard({
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
  const { t } = useProgrammeTranslation();
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
              {reasonsText(t, p.reasons, { as: 'coordinator', tutee: p.tuteeName, tutor: p.tutorName })}
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
      <ProposalWarnings p={p} />
      <Alternatives p={p} />
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

/** What a proposal does not respect (too far, no common time…). */
function ProposalWarnings({ p }: { p: Proposal }) {
  const { t } = useProgrammeTranslation();
  if (p.warnings.length === 0) return null;
  return (
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
  );
}

/** The other tutors the tutee could go to, each with what the move costs them and the others. */
function Alternatives({ p }: { p: Proposal }) {
  const { t } = useProgrammeTranslation();
  if (p.alternatives.length === 0) return null;
  return (
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
  );
}

const signedKm = (km: number | null) =>
  km === null ? '?' : `${km > 0 ? '+' : km < 0 ? '−' : ''}${Math.abs(km)}`;

/**
 * "vers Dr B (complet) : −3 km pour Anne ; Paul passerait de Dr B à Dr A (+35 km)": what the move
 * costs the tutee, and what it costs the others.
 */
export function effectText(t: Translate, p: Proposal, a: Proposal['alternatives'][number]): string {
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
