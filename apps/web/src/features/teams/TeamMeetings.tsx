import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDates } from '../../app/dates';
import type { TeamPageView } from './queries';

/** The team's meetings: each opens on its meeting page; a held one has its team report. */
export function TeamMeetings({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const { instant } = useDates(team.orgId);
  return (
    <section aria-labelledby="team-meetings">
      <Text id="team-meetings" fw={600} fz="lg" mb="xs">
        {t('teams.meetings.title')}
      </Text>
      {team.meetings.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('teams.meetings.none')}
        </Text>
      )}
      <Stack gap="xs">
        {team.meetings.map((m) => (
          <Group key={m.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Anchor component={Link} to={`/rencontres/${m.id}`} fw={500}>
                {m.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {m.startsAt ? instant(m.startsAt, true) : t('teams.meetings.polling')}
                {m.organiser ? ` · ${t('teams.meetings.by', { name: m.organiser.name })}` : ''}
              </Text>
            </Stack>
            {team.actions.readReports && m.status === 'confirmed' && (
              <Group gap="xs">
                {m.reported && (
                  <Badge variant="light" color="sauge" tt="none">
                    {t('teams.report.written')}
                  </Badge>
                )}
                <Anchor component={Link} to={`/equipes/${team.id}/rencontres/${m.id}`} size="sm">
                  {t('teams.report.open')}
                </Anchor>
              </Group>
            )}
          </Group>
        ))}
      </Stack>
    </section>
  );
}
