import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDatabaseExport, IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import type { Me } from '../../app/types';
import { CardHeading } from '../../app/ui';
import { exportUrl, type MyErasure, useCancelErasure, useMyErasure, useRequestErasure } from './queries';

const statusColor: Record<string, string> = {
  pending: 'yellow',
  scheduled: 'orange',
  declined: 'red',
  cancelled: 'gray',
  done: 'gray',
  confirmed: 'sauge',
};

function RequestState({ request, me }: { request: NonNullable<MyErasure['request']>; me: Me }) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelErasure();
  const zone = me.organisations[0]?.timeZone ?? 'Europe/Paris';
  const when = (iso: string) => formatInstant(iso, zone, i18n.language, true);
  return (
    <Stack gap="xs" data-testid="erasure-state">
      <Group gap="xs">
        <Text fw={600}>{t('rights.erasure.stateTitle')}</Text>
        <Badge color={statusColor[request.status]} variant="light">
          {t(`rights.erasure.status.${request.status}`)}
        </Badge>
      </Group>
      <Text size="sm">{t('rights.erasure.requestedAt', { date: when(request.requestedAt) })}</Text>
      {request.status === 'scheduled' && request.dueAt && (
        <Text size="sm">{t('rights.erasure.dueAt', { date: when(request.dueAt) })}</Text>
      )}
      {request.organisations.length > 0 && (
        <List size="sm" spacing={4}>
          {request.organisations.map((o) => (
            <List.Item key={o.name}>
              {o.name} — {t(`rights.erasure.decision.${o.status}`)}
              {o.reason ? ` (${t('rights.erasure.reason')} ${o.reason})` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {request.actions.cancel && (
        <Group>
          <Button variant="default" size="sm" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('rights.erasure.cancel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ErasureModal({
  opened,
  onClose,
  state,
}: {
  opened: boolean;
  onClose: () => void;
  state: MyErasure;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [secret, setSecret] = useState('');
  const ask = useRequestErasure({ onSuccess: () => onClose() });
  const withPassword = state.confirmWith === 'password';
  return (
    <Modal opened={opened} onClose={onClose} title={t('rights.erasure.confirmTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          ask.mutate(withPassword ? { password: secret } : { confirmation: secret });
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('rights.erasure.what')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('rights.erasure.whatDeleted')}</List.Item>
            <List.Item>{t('rights.erasure.whatKept')}</List.Item>
            <List.Item>{t('rights.erasure.whatSignIn')}</List.Item>
            <List.Item>{t('rights.erasure.whatWho', { days: state.graceDays })}</List.Item>
          </List>
          <Text size="sm">{t('rights.erasure.exportFirst')}</Text>
          {ask.error && (
            <Alert color="red" variant="light" role="alert">
              {message(ask.error)}
            </Alert>
          )}
          {withPassword ? (
            <PasswordInput
              label={t('rights.erasure.password')}
              autoComplete="current-password"
              required
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
            />
          ) : (
            <TextInput
              label={t('rights.erasure.word')}
              required
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={ask.isPending} disabled={!secret}>
              {t('rights.erasure.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "My data": download everything the platform holds, ask for erasure and follow the request. */
export function MyDataCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { data } = useMyErasure();
  const [asking, setAsking] = useState(false);
  const open = data?.request && ['pending', 'scheduled'].includes(data.request.status);
  return (
    <Card component="section" aria-labelledby="my-data-title">
      <CardHeading
        icon={IconDatabaseExport}
        id="my-data-title"
        title={t('rights.title')}
        help={t('rights.help')}
      />
      <Stack gap="md">
        <Group gap="sm">
          <Button
            component="a"
            href={exportUrl('pdf')}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('rights.downloadPdf')}
          </Button>
          <Button
            component="a"
            href={exportUrl('json')}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('rights.downloadJson')}
          </Button>
        </Group>
        {data?.request && <RequestState request={data.request} me={me} />}
        {data && !open && (
          <Group>
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setAsking(true)}
            >
              {t('rights.erasure.ask')}
            </Button>
          </Group>
        )}
      </Stack>
      {data && <ErasureModal opened={asking} onClose={() => setAsking(false)} state={data} />}
    </Card>
  );
}
