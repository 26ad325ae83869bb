import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ui';
import { useConsent, useMyWellbeing } from './queries';

/**
 * On the home page: the consent a tutee has to give (or refuse) before any check-in, the check-ins
 * waiting for them, and a tutor's alerts. Nothing shows when there is nothing to do.
 */
export function WellbeingHomeCard() {
  const { t } = useTranslation();
  const mine = useMyWellbeing();
  const consent = useConsent();
  const m = mine.data;
  if (!m) return null;
  const pending = m.consents.filter((c) => c.consent === null);
  const alerts = m.alerts.filter((a) => !a.seenAt);
  if (pending.length === 0 && m.open.length === 0 && alerts.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" mb="md">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconHeartHandshake size={20} aria-hidden />
          <Title order={2} fz={17}>
            {t('wellbeing.home.title')}
          </Title>
        </Group>
        {alerts.map((a) => (
          <Text key={a.checkinId} size="sm">
            <Anchor component={Link} to={`/bien-etre/alertes/${a.checkinId}`} fw={600}>
              {t('wellbeing.home.alert', { name: a.tutee.name })}
            </Anchor>
          </Text>
        ))}
        {m.open.map((o) => (
          <Group key={o.id} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">{t('wellbeing.home.open', { programme: o.programme })}</Text>
            <Button component={Link} to={`/point/${o.id}`} size="sm">
              {t('wellbeing.home.answer')}
            </Button>
          </Group>
        ))}
        {pending.map((c) => (
          <Stack key={c.programmeId} gap={6}>
            <Text size="sm" fw={600}>
              {t('wellbeing.consent.title', { programme: c.programme })}
            </Text>
            <Text size="sm">{t('wellbeing.consent.body', { count: c.everyDays })}</Text>
            <Group gap="xs" wrap="wrap">
              <Button
                size="sm"
                loading={consent.isPending && consent.variables?.consent === true}
                onClick={() => consent.mutate({ programmeId: c.programmeId, consent: true })}
              >
                {t('wellbeing.consent.yes')}
              </Button>
              <Button
                size="sm"
                variant="default"
                loading={consent.isPending && consent.variables?.consent === false}
                onClick={() => consent.mutate({ programmeId: c.programmeId, consent: false })}
              >
                {t('wellbeing.consent.no')}
              </Button>
            </Group>
          </Stack>
        ))}
        {consent.error && <ErrorAlert error={consent.error} />}
      </Stack>
    </Card>
  );
}
