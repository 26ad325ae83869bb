import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, usePageTitle } from '../../app/ui';
import { dayLabel, type LinkPage, useLinkAction, useLinkPage } from './queries';

const stateColor: Record<LinkPage['state'], string> = {
  unconfirmed: 'orange',
  pending: 'blue',
  accepted: 'sauge',
  declined: 'gray',
  withdrawn: 'gray',
};

/**
 * The page of the link e-mailed to the person who asked to join: confirm the address (the request
 * then reaches the coordination), see where it stands and why it may not fit, withdraw it.
 */
export function RequestLinkPage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  usePageTitle(t('join.link.title'));
  const page = useLinkPage(token);
  const confirm = useLinkAction(token, 'confirm');
  const withdraw = useLinkAction(token, 'withdraw');
  if (!token || (page.error instanceof ApiError && page.error.isNotFound))
    return (
      <Alert color="red" title={t('join.link.staleTitle')}>
        {t('join.link.stale')}
      </Alert>
    );
  if (page.error) return <ErrorAlert error={page.error} />;
  if (!page.data) return <Loading />;
  const r = page.data;
  const lang = i18n.language;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {r.organisation.name}
        </Text>
        <Title order={1} fz={24}>
          {t('join.link.heading', { programme: r.programme.name })}
        </Title>
        <Group gap="xs">
          <Badge color={stateColor[r.state]} variant="light" tt="none">
            {t(`join.state.${r.state}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('join.link.asked', { role: r.roleWord, date: dayLabel(r.createdAt, lang) })}
          </Text>
        </Group>
      </Stack>
      <Text>
        {t(`join.link.explain.${r.state}`, { date: r.decidedAt ? dayLabel(r.decidedAt, lang) : '' })}
      </Text>
      {r.declineMessage && (
        <Paper withBorder p="md">
          <Text fw={600} size="sm">
            {t('join.link.message')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.declineMessage}
          </Text>
        </Paper>
      )}
      <Verdict eligibility={r.eligibility} />
      {(confirm.error || withdraw.error) && <ErrorAlert error={confirm.error ?? withdraw.error} />}
      {r.actions.confirm && (
        <Button onClick={() => confirm.mutate()} loading={confirm.isPending} fullWidth>
          {t('join.link.confirm')}
        </Button>
      )}
      {r.actions.withdraw && (
        <Button
          variant="default"
          color="red"
          onClick={() => {
            if (window.confirm(t('join.link.withdrawSure'))) withdraw.mutate();
          }}
          loading={withdraw.isPending}
          fullWidth
        >
          {t('join.link.withdraw')}
        </Button>
      )}
      <Text size="xs" c="dimmed">
        <IconInfoCircle size={12} aria-hidden /> {t('join.link.private')}
      </Text>
    </Stack>
  );
}

/** The rules' verdict on the request, told honestly: why it may not fit, and that it is examined all the same. */
function Verdict({ eligibility }: { eligibility: LinkPage['eligibility'] }) {
  const { t } = useTranslation();
  return (
    <>
      {eligibility.checks.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {eligibility.eligible ? t('join.sent.fitting') : t('join.sent.notFitting')}
          </Text>
          <List size="sm" spacing={4}>
            {eligibility.checks.map((c) => (
              <List.Item key={c.rule}>{c.explanation}</List.Item>
            ))}
          </List>
          {!eligibility.eligible && (
            <Text size="sm" mt="xs">
              {t('join.sent.examined')}
            </Text>
          )}
        </Paper>
      )}
    </>
  );
}
