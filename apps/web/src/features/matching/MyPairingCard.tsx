import { Anchor, Avatar, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { PairAgreementSummary } from '../agreements/PairAgreementSummary';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { stateColor } from './PairingRow';
import { initials, reasonsText } from './reasons';
import type { Mine } from './types';

/**
 * One of the person's pairings: who the other one is and how to reach them, why they were paired,
 * and what the person may do (read its history, ask for a new pairing, leave).
 */
export function MyPairingCard({
  p,
  onHistory,
  onRepair,
  onOptOut,
}: {
  p: Mine['pairings'][number];
  onHistory: () => void;
  onRepair: () => void;
  onOptOut: () => void;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <Card withBorder radius="md" p="md" data-testid="my-pairing">
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
      <CounterpartContact c={p.counterpart} />
      <Text size="sm" mt="xs">
        {p.reasons.length > 0 && <strong>{t('matching.mine.why')} </strong>}
        {reasonsText(t, p.reasons, { as: p.as, name: p.counterpart.name })}
      </Text>
      <PairAgreementSummary pairingId={p.id} />
      {p.repairRequested && p.state !== 'ended' && (
        <Text size="sm" c="red.9" mt="xs">
          {t('matching.mine.repairPending')}
        </Text>
      )}
      <Group gap="xs" mt="sm">
        <Button size="xs" variant="default" onClick={onHistory}>
          {t('matching.history.open')}
        </Button>
        {p.actions.requestRepair && (
          <Button size="xs" variant="light" onClick={onRepair}>
            {t('matching.mine.askRepair')}
          </Button>
        )}
        {p.actions.optOut && (
          <Button size="xs" variant="subtle" color="gray" onClick={onOptOut}>
            {t('matching.mine.optOut')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** How to reach the other person, and where they work. */
function CounterpartContact({ c }: { c: Mine['pairings'][number]['counterpart'] }) {
  return (
    <Stack gap={4} mt="xs">
      {c.email && (
        <Anchor href={`mailto:${c.email}`} size="sm">
          <Group gap={6} wrap="nowrap">
            <IconMail size={16} aria-hidden /> {c.email}
          </Group>
        </Anchor>
      )}
      {c.phone && (
        <Anchor href={`tel:${c.phone}`} size="sm">
          <Group gap={6} wrap="nowrap">
            <IconPhone size={16} aria-hidden /> {c.phone}
          </Group>
        </Anchor>
      )}
      {(c.site || c.project) && (
        <Text size="sm" c="dimmed">
          {[c.site, c.project].filter(Boolean).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
