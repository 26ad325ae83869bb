import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, usePageTitle } from '../../app/ui';
import { CheckinForm } from './CheckinForm';
import { CheckinResult } from './CheckinResult';
import { type CheckinRef, useCheckin } from './queries';

function CheckinScreen({ checkinRef }: { checkinRef: CheckinRef }) {
  const { t } = useTranslation();
  usePageTitle(t('wellbeing.checkin.pageTitle'));
  const checkin = useCheckin(checkinRef);
  const status = checkin.error instanceof ApiError ? checkin.error.status : null;
  if (status === 400 || status === 404)
    return (
      <Alert color="red" title={t('wellbeing.checkin.invalidTitle')}>
        {t('wellbeing.checkin.invalid')}
      </Alert>
    );
  if (status === 410)
    return (
      <Alert color="gray" title={t('wellbeing.checkin.closedTitle')}>
        {t('wellbeing.checkin.closed')}
      </Alert>
    );
  if (checkin.error) return <ErrorAlert error={checkin.error} />;
  if (!checkin.data) return <Loading />;
  const c = checkin.data;
  return (
    <Stack gap="md" maw={640}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {c.organisation} · {c.programme}
        </Text>
        <Title order={1} fz={22}>
          {t('wellbeing.checkin.title')}
        </Title>
        {c.status === 'open' && <Text size="sm">{t('wellbeing.checkin.intro')}</Text>}
      </Stack>
      {c.status === 'open' && <CheckinForm checkin={c} checkinRef={checkinRef} />}
      {c.status === 'answered' && <CheckinResult checkin={c} checkinRef={checkinRef} />}
      {c.status === 'closed' && (
        <Alert color="gray" title={t('wellbeing.checkin.closedTitle')}>
          {t('wellbeing.checkin.closed')}
        </Alert>
      )}
    </Stack>
  );
}

/** The check-in reached from an e-mail or SMS, without signing in. */
export function CheckinLinkPage() {
  const [params] = useSearchParams();
  return <CheckinScreen checkinRef={{ token: params.get('token') ?? '' }} />;
}

/** The same check-in from the app's notifications, signed in. */
export function MyCheckinPage() {
  const { checkinId = '' } = useParams();
  return <CheckinScreen checkinRef={{ id: checkinId }} />;
}
