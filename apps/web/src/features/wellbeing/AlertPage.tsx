import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useDates } from '../../app/dates';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { GuideSections } from './GuideSections';
import { useAlertSeen, useGuide, useWellbeingAlert } from './queries';

/**
 * What a tutor opens from a well-being alert: who asked that they be told, when, and the guide —
 * never what the tutee answered. Marking it seen stops the reminder.
 */
export function AlertPage() {
  const { t, i18n } = useTranslation();
  const { checkinId = '' } = useParams();
  usePageTitle(t('wellbeing.alert.pageTitle'));
  const alert = useWellbeingAlert(checkinId);
  const a = alert.data;
  const guide = useGuide(a?.orgId ?? '', i18n.language);
  const seen = useAlertSeen(checkinId);
  const { instant } = useDates(a?.orgId);
  if (alert.error) return <ErrorAlert error={alert.error} />;
  if (!a) return <Loading />;
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t('wellbeing.alert.title', { name: a.tutee.name })} />
      <Alert color="ambre">
        <Text size="sm">
          {t('wellbeing.alert.body', { name: a.tutee.name, date: instant(a.toldAt, true) })}
        </Text>
      </Alert>
      <Paper withBorder radius="md" p="sm">
        <Stack gap="xs">
          <Anchor component={Link} to={`/programmes/${a.programmeId}`}>
            {t('wellbeing.alert.contact', { name: a.tutee.name })}
          </Anchor>
          <Anchor component={Link} to={`/organisations/${a.orgId}/aide`}>
            {t('wellbeing.alert.directory')}
          </Anchor>
          {a.seenAt ? (
            <Text size="sm" c="dimmed">
              {t('wellbeing.alert.seen', { date: instant(a.seenAt, true) })}
            </Text>
          ) : (
            <Button w="fit-content" onClick={() => seen.mutate()} loading={seen.isPending}>
              {t('wellbeing.alert.markSeen')}
            </Button>
          )}
        </Stack>
      </Paper>
      {guide.data ? <GuideSections sections={guide.data.sections} /> : <Loading />}
    </Stack>
  );
}
