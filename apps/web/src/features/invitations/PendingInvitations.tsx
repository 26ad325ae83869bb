import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOpened } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, formatInstant } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, roleLabel } from '../../app/ui';
import { type Invitation, useAnswerInvitation, useMyInvitations } from './queries';

function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const answer = useAnswerInvitation({
    onSuccess: (_, v) =>
      notifications.show({
        color: 'sauge',
        message:
          v.answer === 'accept'
            ? t('invitations.accepted', { programme: invitation.programme.name })
            : t('invitations.declined', { programme: invitation.programme.name }),
      }),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const label = roleLabel(t, invitation.role, invitation.programme.template);
  // "Tuteur·rice" reads "tuteur·rice" inside a sentence; an acronym (a second capital) stays as is.
  const role = /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase() + label.slice(1) : label;
  const titleId = `invitation-${invitation.id}`;
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Text fw={600} id={titleId} className="break-anywhere">
          {invitation.programme.name}
        </Text>
        <Text size="sm">
          {t('invitations.what', {
            inviter: invitation.invitedBy ?? invitation.organisation.name,
            organisation: invitation.organisation.name,
            role,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {invitation.phoneShared ? t('invitations.phoneShared') : t('invitations.phoneNotShared')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('invitations.until', {
            date: formatInstant(invitation.expiresAt, DEFAULT_TIME_ZONE, i18n.language),
          })}
        </Text>
        <Group gap="sm" mt="xs">
          <Button
            onClick={() => answer.mutate({ invitation, answer: 'accept' })}
            loading={answer.isPending && answer.variables?.answer === 'accept'}
            disabled={answer.isPending}
            aria-describedby={titleId}
          >
            {t('invitations.accept')}
          </Button>
          <Button
            variant="default"
            onClick={() => answer.mutate({ invitation, answer: 'decline' })}
            loading={answer.isPending && answer.variables?.answer === 'decline'}
            disabled={answer.isPending}
            aria-describedby={titleId}
          >
            {t('invitations.decline')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * The invitations awaiting the person's answer, with what each one is (programme, organisation,
 * role, who invites). Nothing is shown when there are none, unless `showEmpty`.
 */
export function PendingInvitations({ showEmpty = false }: { showEmpty?: boolean }) {
  const { t } = useTranslation();
  const q = useMyInvitations();
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  if (q.data.length === 0) {
    return showEmpty ? <Text c="dimmed">{t('invitations.empty')}</Text> : null;
  }
  return (
    <Card component="section" aria-labelledby="pending-invitations" mb="xl">
      <Group gap="sm" mb="xs" wrap="nowrap">
        <IconMailOpened size={22} aria-hidden />
        <Title order={2} fz={20} id="pending-invitations">
          {t('invitations.title', { count: q.data.length })}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('invitations.intro')}
      </Text>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {q.data.map((inv) => (
          <InvitationCard key={inv.id} invitation={inv} />
        ))}
      </Stack>
    </Card>
  );
}
