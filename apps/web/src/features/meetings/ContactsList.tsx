import { Badge, Button, Group, Menu, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { ErrorAlert } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { type ContactBody, type Contacts, useLogContact } from './queries';

const CHANNELS = ['call', 'sms', 'email', 'in-person', 'video'] as const;
/** An attempt that got no answer: the channels where one can go unanswered. */
const ATTEMPT_CHANNELS = ['call', 'sms', 'email'] as const;

type Row = Contacts['rows'][number];
type Log = ReturnType<typeof useLogContact>;

/**
 * Follow-up per tutee, one card each: the name and the button that notes a contact stay side by
 * side at any width; the last contact, the attempts without an answer and the meetings below.
 */
export function ContactsList({ c, programmeId, zone }: { c: Contacts; programmeId: string; zone: string }) {
  const { t } = useProgrammeTranslation();
  const log = useLogContact(programmeId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="contacts-title">
      <Title order={2} fz={20} id="contacts-title">
        {t('meetings.contacts.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('meetings.contacts.cadence', {
          count: c.target,
          per: t(`meetings.per.${c.per}`),
          days: c.contactEveryDays ?? '—',
        })}
      </Text>
      {c.rows.map((r) => (
        <ContactRow key={`${r.tutor.id}-${r.tutee.id}`} r={r} c={c} zone={zone} log={log} />
      ))}
      {log.error && <ErrorAlert error={log.error} />}
    </Stack>
  );
}

function ContactRow({ r, c, zone, log }: { r: Row; c: Contacts; zone: string; log: Log }) {
  const { t, i18n } = useProgrammeTranslation();
  const lang = i18n.language;
  const justLogged = log.isSuccess && log.variables.tuteeId === r.tutee.id;
  const meetings = t('meetings.contacts.meetings', { count: r.meetingsInPeriod, target: c.target });
  return (
    <Paper withBorder p="sm" data-testid="contact-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
            {r.tutee.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {r.tutor.name}
          </Text>
        </Stack>
        {c.actions.log && <LogMenu r={r} log={log} />}
      </Group>
      <Group gap="xs" mt={6} wrap="wrap">
        <Text size="sm" c={r.lastContactAt ? undefined : 'dimmed'} data-testid="last-contact">
          {r.lastContactAt
            ? `${t('meetings.contacts.last')} : ${new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
                timeZone: zone,
                day: 'numeric',
                month: 'short',
              }).format(new Date(r.lastContactAt))} · ${t(`meetings.channel.${r.lastChannel}`)}`
            : t('meetings.contacts.never')}
        </Text>
        {r.overdue && (
          <Badge color="orange" variant="light" tt="none">
            {t('meetings.contacts.overdue')}
          </Badge>
        )}
        {r.unansweredAttempts > 0 && (
          <Badge color="ambre" variant="light" tt="none" data-testid="attempts">
            {t('meetings.contacts.attempts', { count: r.unansweredAttempts })}
          </Badge>
        )}
      </Group>
      <Group gap="xs" mt={6} wrap="nowrap">
        <Text size="sm" style={{ flex: 'none' }}>
          {t('meetings.contacts.progress')} : {meetings}
        </Text>
        <Progress
          style={{ flex: 1 }}
          value={c.target ? Math.min(100, (100 * r.meetingsInPeriod) / c.target) : 0}
          color="sauge"
          size="sm"
          aria-label={meetings}
        />
      </Group>
      {justLogged && (
        <Text size="sm" c="sauge.9" role="status" mt={6}>
          {log.variables.answered
            ? t('meetings.contacts.logged', { name: r.tutee.name })
            : t('meetings.contacts.attemptLogged', { name: r.tutee.name })}
        </Text>
      )}
    </Paper>
  );
}

/** Note a contact, or an attempt nobody answered, with this tutee. */
function LogMenu({ r, log }: { r: Row; log: Log }) {
  const { t } = useProgrammeTranslation();
  const note = (channel: ContactBody['channel'], answered: boolean) =>
    log.mutate({ tuteeId: r.tutee.id, name: r.tutee.name, channel, answered });
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          size="xs"
          variant="light"
          style={{ flex: 'none' }}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('meetings.contacts.logFor', { name: r.tutee.name })}
        >
          {t('meetings.contacts.log')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {CHANNELS.map((ch) => (
          <Menu.Item key={ch} onClick={() => note(ch, true)}>
            {t(`meetings.channel.${ch}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>{t('meetings.contacts.noAnswer')}</Menu.Label>
        {ATTEMPT_CHANNELS.map((ch) => (
          <Menu.Item key={`attempt-${ch}`} onClick={() => note(ch, false)}>
            {t(`meetings.contacts.attempt.${ch}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
