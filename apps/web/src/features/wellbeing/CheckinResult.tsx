import { Alert, Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ui';
import type { Checkin, CheckinRef } from './queries';
import { useTellTutor } from './queries';
import { ResourceList } from './ResourceList';

/** After a distress signal: tell the tutor or not — pre-selected, explained, the tutee's choice. */
function TellTutor({ checkin, checkinRef }: { checkin: Checkin; checkinRef: CheckinRef }) {
  const { t } = useTranslation();
  const [tell, setTell] = useState(true);
  const choose = useTellTutor(checkinRef);
  const tutor = checkin.tutor as string;
  const chosen = checkin.result?.tellTutor;
  if (chosen !== null && chosen !== undefined)
    return (
      <Text role="status" size="sm" c="sauge.8">
        {chosen ? t('wellbeing.result.told', { tutor }) : t('wellbeing.result.notTold', { tutor })}
      </Text>
    );
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Checkbox
          checked={tell}
          onChange={(e) => setTell(e.currentTarget.checked)}
          label={t('wellbeing.result.tellLabel', { tutor })}
        />
        <Text size="sm" c="dimmed">
          {t('wellbeing.result.tellHelp', { tutor })}
        </Text>
        {choose.error && <ErrorAlert error={choose.error} />}
        <Button onClick={() => choose.mutate(tell)} loading={choose.isPending} w="fit-content">
          {t('wellbeing.result.confirm')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** What the tutee sees once they answered: their own index, and help at once when it is low. */
export function CheckinResult({ checkin, checkinRef }: { checkin: Checkin; checkinRef: CheckinRef }) {
  const { t } = useTranslation();
  const r = checkin.result;
  if (!r) return null;
  return (
    <Stack gap="md">
      {r.distress ? (
        <Alert color="ambre" title={t('wellbeing.result.distressTitle')}>
          <Text size="sm">{t('wellbeing.result.distress')}</Text>
        </Alert>
      ) : (
        <Alert color="sauge" title={t('wellbeing.result.thanksTitle')}>
          <Text size="sm">{t('wellbeing.result.thanks')}</Text>
        </Alert>
      )}
      <Text size="sm">{t('wellbeing.result.index', { percent: r.percent })}</Text>
      {r.distress && checkin.tutor && <TellTutor checkin={checkin} checkinRef={checkinRef} />}
      <Title order={2} fz={17}>
        {t('wellbeing.help.title')}
      </Title>
      <ResourceList resources={r.resources} />
      {checkin.pairingId && checkin.tutor && (
        <Button
          component={Link}
          to={`/echanges/${checkin.pairingId}`}
          variant="light"
          leftSection={<IconMessage size={16} aria-hidden />}
          w="fit-content"
        >
          {t('wellbeing.result.write', { tutor: checkin.tutor })}
        </Button>
      )}
    </Stack>
  );
}
