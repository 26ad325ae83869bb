import { Alert, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import type { MeOrganisation, Role } from '../../app/types';
import { CardHeading, roleLabel } from '../../app/ui';
import { type PendingErasure, useDecideErasure, usePendingErasures } from './queries';

function PendingRow({ org, request }: { org: MeOrganisation; request: PendingErasure }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const decide = useDecideErasure(org.id, {
    onSuccess: (_, v) => {
      setDeclining(false);
      notifications.show({
        color: 'sauge',
        message: t(v.reason === undefined ? 'rights.admin.confirmed' : 'rights.admin.declined', {
          name: request.name,
        }),
      });
    },
  });
  return (
    <Card withBorder padding="sm" radius="md" data-testid="erasure-request">
      <Stack gap={6}>
        <Text fw={600}>{request.name}</Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {request.email}
        </Text>
        <Text size="sm">
          {t('rights.admin.requestedAt', {
            date: formatInstant(request.requestedAt, org.timeZone, i18n.language, true),
          })}
        </Text>
        {request.roles.length > 0 && (
          <Text size="sm">
            {request.roles.map((r) => `${r.programme} (${roleLabel(t, r.role as Role)})`).join(', ')}
          </Text>
        )}
        {decide.error && (
          <Alert color="red" variant="light" role="alert">
            {message(decide.error)}
          </Alert>
        )}
        <Group gap="sm">
          <Button
            color="red"
            size="sm"
            loading={decide.isPending}
            onClick={() => decide.mutate({ id: request.id })}
          >
            {t('rights.admin.confirm')}
          </Button>
          <Button variant="default" size="sm" onClick={() => setDeclining(true)}>
            {t('rights.admin.decline')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={declining} onClose={() => setDeclining(false)} title={t('rights.admin.declineTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate({ id: request.id, reason });
          }}
        >
          <Stack gap="md">
            <Textarea
              label={t('rights.admin.reason')}
              description={t('rights.admin.reasonHelp')}
              required
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDeclining(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={decide.isPending} disabled={reason.trim().length < 3}>
                {t('rights.admin.decline')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

function OrgRequests({ org }: { org: MeOrganisation }) {
  const { t } = useTranslation();
  const { data } = usePendingErasures(org.id);
  return (
    <Stack gap="sm">
      <Text fw={600}>{org.name}</Text>
      {data && data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('rights.admin.none')}
        </Text>
      )}
      {data?.map((r) => (
        <PendingRow key={r.id} org={org} request={r} />
      ))}
    </Stack>
  );
}

/** For an organisation's admins: the erasure requests waiting for their decision. */
export function ErasureRequestsCard({ orgs }: { orgs: MeOrganisation[] }) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="erasure-requests-title">
      <CardHeading
        icon={IconUserX}
        id="erasure-requests-title"
        title={t('rights.admin.title')}
        help={t('rights.admin.help')}
      />
      <Stack gap="lg">
        {orgs.map((o) => (
          <OrgRequests key={o.id} org={o} />
        ))}
      </Stack>
    </Card>
  );
}
