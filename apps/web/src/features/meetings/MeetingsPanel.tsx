import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { ContactsList } from './ContactsList';
import { MeetingList } from './MeetingList';
import { ProgrammeEvents } from './ProgrammeEvents';
import { useContacts, useProgrammeMeetings } from './queries';

export { statusColor } from './MeetingList';

/** The programme's meetings tab: follow-up per tutee with a quick contact log, then the meetings. */
export function MeetingsPanel() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const meetings = useProgrammeMeetings(programme.id);
  const contacts = useContacts(programme.id);
  if (meetings.error) return <ErrorAlert error={meetings.error} />;
  if (!meetings.data || !contacts.data) return <Loading />;
  const zone = meetings.data.timeZone;
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

      {c.rows.length > 0 && <ContactsList c={c} programmeId={programme.id} zone={zone} />}

      <ProgrammeEvents programmeId={programme.id} zone={zone} canEdit={meetings.data.actions.createEvent} />

      <MeetingList meetings={meetings.data.meetings} zone={zone} />
    </Stack>
  );
}
