import '@mantine/charts/styles.css';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading } from '../../app/ui';
import { AlertCard } from './AlertCard';
import { useAlerts, useLogActivity } from './queries';

/** A tutor's view: alerts about their own pairs, and one tap to note a contact. */
export function TutorFollowup({ programmeId, orgId }: { programmeId: string; orgId: string }) {
  const { t } = useTranslation();
  const { instant } = useDates(orgId);
  const message = useErrorMessage();
  const q = useAlerts(programmeId);
  const log = useLogActivity(programmeId, {
    onSuccess: () => notifications.show({ color: 'sauge', message: t('followup.logged') }),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  return (
    <Stack gap="lg">
      <section aria-labelledby="my-alerts">
        <Title order={2} fz="lg" id="my-alerts" mb="sm">
          {t('followup.myAlerts')}
        </Title>
        {q.data.alerts.length === 0 ? (
          <Text c="dimmed">{t('followup.noAlertsTutor')}</Text>
        ) : (
          <Stack gap="sm">
            {q.data.alerts.map((a) => (
              <AlertCard key={a.id} alert={a} orgId={orgId} programmeId={programmeId} />
            ))}
          </Stack>
        )}
      </section>
      {q.data.myPairs.length > 0 && (
        <section aria-labelledby="my-pairs">
          <Title order={2} fz="lg" id="my-pairs" mb="sm">
            {t('followup.myPairs')}
          </Title>
          <Stack gap="sm">
            {q.data.myPairs.map((p) => (
              <Card key={p.pairingId} withBorder radius="md" padding="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Text fw={600}>{p.tutee.name}</Text>
                    <Text size="xs" c="dimmed">
                      {p.lastContactAt
                        ? t('followup.lastContactOn', { date: instant(p.lastContactAt) })
                        : t('followup.noContactYet')}
                    </Text>
                  </div>
                  <Group gap={6}>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => log.mutate({ pairingId: p.pairingId, kind: 'contact', channel: 'call' })}
                    >
                      {t('followup.logContact')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      onClick={() => log.mutate({ pairingId: p.pairingId, kind: 'attempt', channel: 'call' })}
                    >
                      {t('followup.logAttempt')}
                    </Button>
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
