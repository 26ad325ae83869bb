import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { ChoiceRound } from './ChoiceRound';
import { HistoryModal } from './History';
import { stateColor } from './LivePairings';
import { useMyPairingAction } from './queries';
import { initials, reasonsLine } from './reasons';
import type { Mine } from './types';

/** A tutor's or tutee's own pairings, and the choice round when one is open for them. */
export function MyMatching({ programmeId, mine }: { programmeId: string; mine: Mine }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<string | null>(null);
  const [repair, setRepair] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const act = useMyPairingAction(programmeId, {
    onSuccess: () => {
      setRepair(null);
      setReason('');
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
              onClick={() => repair && act.mutate({ kind: 'repair', id: repair, reason })}
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
