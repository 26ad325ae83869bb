import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendarPlus, IconChevronDown, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../app/session';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { type ProgrammeMeetings, slotLabel, useContacts, useLogContact, useProgrammeMeetings } from './api';
import { ProgrammeEvents } from './ProgrammeEvents';

const CHANNELS = ['call', 'sms', 'email', 'in-person', 'video'] as const;
/** An attempt that got no answer: the channels where one can go unanswered. */
const ATTEMPT_CHANNELS = ['call', 'sms', 'email'] as const;
export const statusColor = { polling: 'ambre', confirmed: 'sauge', cancelled: 'gray' } as const;

/** The programme's meetings tab: follow-up per tutee with a quick contact log, then the meetings. */
export function MeetingsPanel() {
  const { t, i18n } = useTranslation();
  const { programme } = useProgrammeContext();
  const meetings = useProgrammeMeetings(programme.id);
  const contacts = useContacts(programme.id);
  const log = useLogContact(programme.id);
  if (meetings.error) return <ErrorAlert error={meetings.error} />;
  if (!meetings.data || !contacts.data) return <Loading />;
  const zone = meetings.data.timeZone;
  const lang = i18n.language;
  const c = contacts.data;

  return (
    <Stack gap="xl">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text c="dimmed" maw={620}>
          {t('meetings.panel.intro')}
        </Text>
        <Group gap="sm">
          {programme.orgId && (
            <Button
              component={Link}
              to={`/organisations/${programme.orgId}/disponibilites`}
              variant="default"
              leftSection={<IconClock size={16} aria-hidden />}
            >
              {t('meetings.panel.myAvailability')}
            </Button>
          )}
          {meetings.data.actions.create && (
            <Button
              component={Link}
              to={`/programmes/${programme.id}/rencontres/nouvelle`}
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
            >
              {t('meetings.panel.new')}
            </Button>
          )}
        </Group>
      </Group>

      {c.rows.length > 0 && (
        <Stack gap="sm">
          <Title order={2} fz={20}>
            {t('meetings.contacts.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('meetings.contacts.cadence', {
              target: c.target,
              per: t(`meetings.per.${c.per}`),
              days: c.contactEveryDays ?? '—',
            })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('meetings.contacts.tutee')}</Table.Th>
                  <Table.Th>{t('meetings.contacts.last')}</Table.Th>
                  <Table.Th>{t('meetings.contacts.progress')}</Table.Th>
                  {c.actions.log && <Table.Th>{t('meetings.contacts.log')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.rows.map((r) => (
                  <Table.Tr key={`${r.tutor.id}-${r.tutee.id}`}>
                    <Table.Td>
                      <Text fw={500}>{r.tutee.name}</Text>
                      <Text size="xs" c="dimmed">
                        {r.tutor.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.lastContactAt ? (
                        <Text size="sm">
                          {new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
                            timeZone: zone,
                            day: 'numeric',
                            month: 'short',
                          }).format(new Date(r.lastContactAt))}{' '}
                          · {t(`meetings.channel.${r.lastChannel}`)}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('meetings.contacts.never')}
                        </Text>
                      )}
                      {r.overdue && (
                        <Badge color="orange" variant="light" tt="none" mt={4}>
                          {t('meetings.contacts.overdue')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td miw={140}>
                      <Text size="sm">
                        {t('meetings.contacts.meetings', { count: r.meetingsInPeriod, target: c.target })}
                      </Text>
                      <Progress
                        value={c.target ? Math.min(100, (100 * r.meetingsInPeriod) / c.target) : 0}
                        color={r.meetingsInPeriod >= c.target ? 'sauge' : 'sauge'}
                        size="sm"
                        aria-label={t('meetings.contacts.meetings', {
                          count: r.meetingsInPeriod,
                          target: c.target,
                        })}
                      />
                    </Table.Td>
                    {c.actions.log && (
                      <Table.Td>
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <Button
                              size="xs"
                              variant="light"
                              rightSection={<IconChevronDown size={14} aria-hidden />}
                              aria-label={t('meetings.contacts.logFor', { name: r.tutee.name })}
                            >
                              {t('meetings.contacts.log')}
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {CHANNELS.map((ch) => (
                              <Menu.Item
                                key={ch}
                                onClick={() =>
                                  log.mutate({
                                    tuteeId: r.tutee.id,
                                    name: r.tutee.name,
                                    channel: ch,
                                    answered: true,
                                  })
                                }
                              >
                                {t(`meetings.channel.${ch}`)}
                              </Menu.Item>
                            ))}
                            <Menu.Divider />
                            <Menu.Label>{t('meetings.contacts.noAnswer')}</Menu.Label>
                            {ATTEMPT_CHANNELS.map((ch) => (
                              <Menu.Item
                                key={`attempt-${ch}`}
                                onClick={() =>
                                  log.mutate({
                                    tuteeId: r.tutee.id,
                                    name: r.tutee.name,
                                    channel: ch,
                                    answered: false,
                                  })
                                }
                              >
                                {t(`meetings.contacts.attempt.${ch}`)}
                              </Menu.Item>
                            ))}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {log.isSuccess && (
            <Text size="sm" c="sauge.9" role="status">
              {t(log.variables.answered ? 'meetings.contacts.logged' : 'meetings.contacts.attemptLogged', {
                name: log.variables.name,
              })}
            </Text>
          )}
          {log.error && <ErrorAlert error={log.error} />}
        </Stack>
      )}

      <ProgrammeEvents programmeId={programme.id} zone={zone} canEdit={meetings.data.actions.createEvent} />

      <MeetingList meetings={meetings.data.meetings} zone={zone} />
    </Stack>
  );
}

type Summary = ProgrammeMeetings['meetings'][number];

/**
 * The meetings, upcoming first (soonest first, dates still to choose after), then past or cancelled
 * ones (latest first). Each names the other people in it: the organiser and the participants the
 * viewer met with, never more than the meeting itself shows them.
 */
function MeetingList({ meetings, zone }: { meetings: Summary[]; zone: string }) {
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
      {list.map((m) => {
        const names = others(m);
        return (
          <Paper key={m.id} withBorder p="sm">
            <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Anchor component={Link} to={`/rencontres/${m.id}`} fw={600}>
                  {m.title}
                </Anchor>
                <Text size="sm">
                  {names.length > 0
                    ? t('meetings.panel.with', {
                        names: new Intl.ListFormat(lang === 'en' ? 'en' : 'fr', {
                          style: 'long',
                          type: 'conjunction',
                        }).format(names),
                      })
                    : t('meetings.panel.nobody')}
                </Text>
                <Text size="sm" c="dimmed">
                  {m.start ? slotLabel(m.start, zone, lang, true) : t('meetings.panel.polling')}
                </Text>
              </Stack>
              <Group gap={6}>
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
      })}
    </Stack>
  );
  return (
    <>
      {section(t('meetings.panel.upcoming'), upcoming, t('meetings.panel.noUpcoming'), 'meetings-upcoming')}
      {past.length > 0 && section(t('meetings.panel.past'), past, '', 'meetings-past')}
    </>
  );
}
