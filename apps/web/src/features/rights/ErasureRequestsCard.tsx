import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import type { MeOrganisation, Role } from '../../app/types';
import { CardHeading, roleLabel } from '../../app/ui';
import { DeclineErasureModal } from './DeclineErasureModal';
import { type PendingErasure, useDecideErasure, usePendingErasures } from './queries';

function PendingRow({ org, request }: { org: MeOrganisation; request: PendingErasure }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const [declining, setDeclining] = useState(false);
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
      <DeclineErasureModal
        opened={declining}
        onClose={() => setDeclining(false)}
        onDecline={(reason) => decide.mutate({ id: request.id, reason })}
        pending={decide.isPending}
      />
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
