import { Alert, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { CalendarsCard } from './CalendarsCard';
import { FeedCard } from './FeedCard';
import { MyRules } from './MyRules';
import { PhraseEntry } from './PhraseEntry';
import { slotLabel, useAvailability, useRefreshAvailability } from './queries';
import { RuleBuilder } from './RuleBuilder';

/**
 * A person's availability in an organisation: constraints typed as a phrase (presets as a
 * fallback), calendars, feed.
 */
export function AvailabilityPage() {
  const { orgId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('meetings.availability.title'));
  const data = useAvailability(orgId);
  const refresh = useRefreshAvailability(orgId);

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  const a = data.data;
  const lang = i18n.language;

  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('meetings.availability.title')} description={t('meetings.availability.intro')} />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} fz={20}>
            {t('meetings.availability.add')}
          </Title>
          <PhraseEntry orgId={orgId} onSaved={refresh} />
          <RuleBuilder orgId={orgId} />
        </Stack>
      </Paper>

      <MyRules orgId={orgId} rules={a.rules} />

      <CalendarsCard orgId={orgId} calendars={a.calendars} />

      <FeedCard orgId={orgId} hasFeed={a.hasFeed} />

      {a.events.length > 0 && (
        <Stack gap="xs">
          <Title order={2} fz={20}>
            {t('meetings.availability.events')}
          </Title>
          {a.events.map((e) => (
            <Alert key={e.id} color="ardoise" variant="light" title={e.title}>
              {slotLabel(e.start, a.timeZone, lang, true)}
            </Alert>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
