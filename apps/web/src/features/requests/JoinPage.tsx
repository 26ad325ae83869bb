import { Alert, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, usePageTitle } from '../../app/ui';
import { JoinForm } from './JoinForm';
import { type Submitted, useJoinPage } from './queries';

/**
 * A programme's public page (/rejoindre/<programme>): what it is, its rules for who may ask, and the
 * request form. Without an account; a programme that does not take requests is simply not found.
 */
export function JoinPage() {
  const { t } = useTranslation();
  const programmeId = useParams().programmeId ?? '';
  const page = useJoinPage(programmeId);
  const [sent, setSent] = useState<Submitted | null>(null);
  usePageTitle(
    page.data ? t('join.page.title', { programme: page.data.programme.name }) : t('join.page.titleShort'),
  );
  if (page.error instanceof ApiError && page.error.isNotFound)
    return (
      <Alert color="gray" title={t('join.page.closedTitle')} icon={<IconInfoCircle aria-hidden />}>
        {t('join.page.closed')}
      </Alert>
    );
  if (page.error) return <ErrorAlert error={page.error} />;
  if (!page.data) return <Loading />;
  const p = page.data;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {p.organisation.name}
        </Text>
        <Title order={1} fz={24}>
          {t('join.page.heading', { programme: p.programme.name })}
        </Title>
        <Text>{t('join.page.intro', p.words)}</Text>
      </Stack>
      {p.rules.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t('join.page.rules')}
          </Text>
          <List size="sm" spacing={4}>
            {p.rules.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt="xs">
            {t('join.page.rulesHelp')}
          </Text>
        </Paper>
      )}
      {sent ? <SentNotice sent={sent} /> : <JoinForm page={p} onSent={setSent} />}
    </Stack>
  );
}

/** What the person is told once the request is recorded: check the mailbox; the rules' verdict, honestly. */
function SentNotice({ sent }: { sent: Submitted }) {
  const { t } = useTranslation();
  const unmet = sent.eligibility.checks.filter((c) => !c.ok);
  return (
    <Stack gap="md" role="status">
      <Alert color="sauge" title={t('join.sent.title')} icon={<IconMail aria-hidden />}>
        {t('join.sent.body', { email: sent.email })}
      </Alert>
      {sent.eligibility.checks.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {unmet.length ? t('join.sent.notFitting') : t('join.sent.fitting')}
          </Text>
          <List
            size="sm"
            spacing={4}
            icon={
              <ThemeIcon size={18} radius="xl" color={unmet.length ? 'orange' : 'sauge'} variant="light">
                {unmet.length ? (
                  <IconInfoCircle size={12} aria-hidden />
                ) : (
                  <IconCheck size={12} aria-hidden />
                )}
              </ThemeIcon>
            }
          >
            {sent.eligibility.checks.map((c) => (
              <List.Item key={c.rule}>{c.explanation}</List.Item>
            ))}
          </List>
          {unmet.length > 0 && (
            <Text size="sm" mt="xs">
              {t('join.sent.examined')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
