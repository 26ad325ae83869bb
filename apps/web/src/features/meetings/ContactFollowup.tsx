import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { ContactRow } from './ContactRow';
import { type Contacts, useLogContact } from './queries';

/** The follow-up per tutee against the programme's cadence, with a quick contact log. */
export function ContactFollowup({
  programmeId,
  contacts: c,
  zone,
}: {
  programmeId: string;
  contacts: Contacts;
  zone: string;
}) {
  const { t } = useTranslation();
  const log = useLogContact(programmeId);
  return (
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
              <ContactRow
                key={`${r.tutor.id}-${r.tutee.id}`}
                row={r}
                target={c.target}
                zone={zone}
                canLog={c.actions.log}
                onLog={(channel, answered) =>
                  log.mutate({ tuteeId: r.tutee.id, name: r.tutee.name, channel, answered })
                }
              />
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
  );
}
