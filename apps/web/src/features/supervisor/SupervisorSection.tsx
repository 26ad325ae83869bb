import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { useInviteSupervisor, useShareTraces, useSupervisors } from './queries';
import { SupervisorRequestCard } from './SupervisorRequestCard';

/**
 * "Maître de stage": for a resident's portfolio, seen by the resident and their tutor. Either
 * invites the internship supervisor, who answers from a private link; the resident alone chooses
 * the traces the supervisor may read.
 */
export function SupervisorSection({ programmeId, residentId }: { programmeId: string; residentId: string }) {
  const { t } = useTranslation();
  const list = useSupervisors(programmeId, residentId);
  const share = useShareTraces(programmeId, residentId);
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  const data = list.data;
  return (
    <Stack gap="md">
      <Title order={2} fz={20}>
        {t('supervisor.section.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('supervisor.section.help')}
      </Text>
      {data.can.invite && <InviteForm programmeId={programmeId} residentId={residentId} />}
      {data.requests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('supervisor.section.none')}
        </Text>
      ) : (
        data.requests.map((r) => <SupervisorRequestCard key={r.id} request={r} list={data} share={share} />)
      )}
    </Stack>
  );
}

/** Name and e-mail of the supervisor; the internship is the current semester's. */
function InviteForm({ programmeId, residentId }: { programmeId: string; residentId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const invite = useInviteSupervisor(programmeId, residentId);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('supervisor.section.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          type="email"
          label={t('supervisor.section.email')}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <Button
          disabled={!name.trim() || !email.trim()}
          loading={invite.isPending}
          onClick={() =>
            invite.mutate(
              { name: name.trim(), email: email.trim() },
              {
                onSuccess: () => {
                  setName('');
                  setEmail('');
                },
              },
            )
          }
        >
          {t('supervisor.section.invite')}
        </Button>
      </Group>
      {invite.isSuccess && (
        <Text size="sm" c="sauge.8" role="status">
          {t('supervisor.section.invited')}
        </Text>
      )}
      {invite.error && <ErrorAlert error={invite.error} />}
    </Stack>
  );
}
