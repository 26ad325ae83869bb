import { Badge, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Channel, LogContactMenu } from './LogContactMenu';
import type { Contacts } from './queries';

/** One tutee's follow-up: the last contact, the meetings of the period against the target, the log. */
export function ContactRow({
  row,
  target,
  zone,
  canLog,
  onLog,
}: {
  row: Contacts['rows'][number];
  target: number;
  zone: string;
  canLog: boolean;
  onLog: (channel: Channel, answered: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{row.tutee.name}</Text>
        <Text size="xs" c="dimmed">
          {row.tutor.name}
        </Text>
      </Table.Td>
      <Table.Td>
        {row.lastContactAt ? (
          <Text size="sm">
            {new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
              timeZone: zone,
              day: 'numeric',
              month: 'short',
            }).format(new Date(row.lastContactAt))}{' '}
            · {t(`meetings.channel.${row.lastChannel}`)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('meetings.contacts.never')}
          </Text>
        )}
        {row.overdue && (
          <Badge color="orange" variant="light" tt="none" mt={4}>
            {t('meetings.contacts.overdue')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td miw={140}>
        <Text size="sm">{t('meetings.contacts.meetings', { count: row.meetingsInPeriod, target })}</Text>
        <Progress
          value={target ? Math.min(100, (100 * row.meetingsInPeriod) / target) : 0}
          color={row.meetingsInPeriod >= target ? 'sauge' : 'sauge'}
          size="sm"
          aria-label={t('meetings.contacts.meetings', {
            count: row.meetingsInPeriod,
            target,
          })}
        />
      </Table.Td>
      {canLog && (
        <Table.Td>
          <LogContactMenu tutee={row.tutee} onLog={onLog} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
