import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../app/session';
import { type ProgrammeMeetings, slotLabel } from './queries';

export const statusColor = { polling: 'ambre', confirmed: 'sauge', cancelled: 'gray' } as const;

type Summary = ProgrammeMeetings['meetings'][number];

/**
 * The meetings, upcoming first (soonest first, dates still to choose after), then past or cancelled
 * ones (latest first). Each names the other people in it: the organiser and the participants the
 * viewer met with, never more than the meeting itself shows them.
 */
export function MeetingList({ meetings, zone }: { meetings: Summary[]; zone: string }) {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const lang = i18n.language;
  const now = Date.now();
  const upcoming = meetings
    .filter((m) => m.status !== 'cancelled' && (!m.end || new Date(m.end).getTime() > now))
    .sort((a, b) => (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff'));
  const past = meetings
    .filter((m) => !upcoming.includes(m))
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
  const collator = new Intl.Collator(lang === 'en' ? 'en' : 'fr');
  const others = (m: Summary) =>
    [m.organiser, ...m.participants]
      .filter((p, i, all) => p.id !== me.id && all.findIndex((q) => q.id === p.id) === i)
      .map((p) => p.name)
      .sort(collator.compare);
  const section = (title: string, list: Summary[], empty: string, id: string) => (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} fz={20} id={id}>
        {title}
      </Title>
      {list.length === 0 && <Alert color="gray">{empty}</Alert>}
      {list.map((m) => (
        <MeetingCard key={m.id} meeting={m} others={others(m)} zone={zone} />
      ))}
    </Stack>
  );
  return (
    <>
      {section(t('meetings.panel.upcoming'), upcoming, t('meetings.panel.noUpcoming'), 'meetings-upcoming')}
      {past.length > 0 && section(t('meetings.panel.past'), past, '', 'meetings-past')}
    </>
  );
}

/** One meeting: its title, the other people in it, when, and where it and its report stand. */
function MeetingCard({ meeting: m, others, zone }: { meeting: Summary; others: string[]; zone: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Anchor component={Link} to={`/rencontres/${m.id}`} fw={600}>
            {m.title}
          </Anchor>
          <Text size="sm">
            {others.length > 0
              ? t('meetings.panel.with', {
                  names: new Intl.ListFormat(lang === 'en' ? 'en' : 'fr', {
                    style: 'long',
                    type: 'conjunction',
                  }).format(others),
                })
              : t('meetings.panel.nobody')}
          </Text>
          <Text size="sm" c="dimmed">
            {m.start ? slotLabel(m.start, zone, lang, true) : t('meetings.panel.polling')}
          </Text>
        </Stack>
        <Group gap={6}>
          {m.kind === 'tutored-interview' && (
            <Badge color="sauge" variant="outline" tt="none">
              {t('meetings.interview.badge')}
            </Badge>
          )}
          <Badge color={statusColor[m.status]} variant="light" tt="none">
            {t(`meetings.status.${m.status}`)}
          </Badge>
          {m.reportStatus !== 'none' && (
            <Badge color="ardoise" variant="light" tt="none">
              {t(`meetings.report.status.${m.reportStatus}`)}
            </Badge>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
