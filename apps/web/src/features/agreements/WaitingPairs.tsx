import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../app/ui';
import { useAgreementList } from './queries';

/** Every live pair whose charter is not signed yet, and on which party it waits; then the others. */
export function WaitingPairs({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const q = useAgreementList(programmeId);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const live = q.data.pairs.filter((p) => p.state === 'active' || p.state === 'paused');
  const waiting = live.filter((p) => p.charter && !p.charter.complete);
  return (
    <section aria-labelledby="waiting-pairs">
      <Title order={2} fz="lg" id="waiting-pairs" mb="xs">
        {t('agreements.panel.waitingTitle', { count: waiting.length })}
      </Title>
      {!q.data.required && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('agreements.panel.notRequired')}
        </Text>
      )}
      <Stack gap="xs">
        {waiting.map((p) => (
          <Card key={p.pairingId} withBorder radius="md" p="sm" data-testid="waiting-pair">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/binomes/${p.pairingId}/charte`} fw={600} size="sm">
                {t('agreements.pairTitle', { tutor: p.tutor.name, tutee: p.tutee.name })}
              </Anchor>
              <Group gap={4}>
                {p.charter?.waitingOn.map((w) => (
                  <Badge key={w} color="ambre" variant="light" tt="none">
                    {t(`agreements.party.${w}`)}
                  </Badge>
                ))}
              </Group>
            </Group>
          </Card>
        ))}
        {q.data.required && waiting.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('agreements.panel.noneWaiting')}
          </Text>
        )}
      </Stack>
    </section>
  );
}
