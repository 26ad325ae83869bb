import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, usePageTitle } from '../../app/ui';
import { FeedbackForm } from './FeedbackForm';
import { FeedbackView } from './FeedbackView';
import { dayLabel, useSupervisorPage } from './queries';

/**
 * The internship supervisor's page, from the private link they received by e-mail, without an
 * account: the resident, the internship, the competencies with what the resident's phase expects,
 * their feedback form, and only the traces the resident chose to share.
 */
export function SupervisorPage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  usePageTitle(t('supervisor.page.title'));
  const page = useSupervisorPage(token);
  if (!token || (page.error instanceof ApiError && page.error.status === 404))
    return (
      <Alert color="red" title={t('supervisor.page.invalidTitle')}>
        {t('supervisor.page.invalid')}
      </Alert>
    );
  if (page.error) return <ErrorAlert error={page.error} />;
  if (!page.data) return <Loading />;
  const p = page.data;
  const lang = i18n.language;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={24}>
          {t('supervisor.page.heading', { resident: p.resident.name })}
        </Title>
        <Text>
          {t('supervisor.page.internship', {
            period: p.internship.period,
            from: dayLabel(p.internship.startsOn, lang),
            to: dayLabel(p.internship.endsOn, lang),
          })}
          {p.internship.site ? ` · ${p.internship.site}` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {p.programme.name}
          {p.phase ? ` · ${p.phase.label}` : ''}
        </Text>
      </Stack>
      {p.feedback ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Alert color="sauge" variant="light">
              {t('supervisor.page.thanks')}
            </Alert>
            <FeedbackView feedback={p.feedback} competencies={p.competencies} />
          </Stack>
        </Paper>
      ) : (
        <FeedbackForm token={token} page={p} />
      )}
      <Stack gap="sm">
        <Title order={2} fz={20}>
          {t('supervisor.page.traces')}
        </Title>
        {p.traces.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supervisor.page.noTraces', { resident: p.resident.name })}
          </Text>
        ) : (
          p.traces.map((x) => (
            <Paper key={x.id} withBorder p="md">
              <Text fw={600}>{x.title}</Text>
              <Text size="xs" c="dimmed">
                {t('supervisor.page.version', {
                  type: x.typeLabel,
                  number: x.version,
                  date: dayLabel(x.submittedAt, lang),
                })}
              </Text>
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {x.body}
              </Text>
            </Paper>
          ))
        )}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('supervisor.page.private', { date: dayLabel(p.expiresAt, lang) })}
      </Text>
    </Stack>
  );
}
