import { Alert, Badge, Button, Group, Stack } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { type TeamPageView, useTeam } from './queries';
import { teamSections } from './sections';
import { TeamManage } from './TeamManage';
import { TeamMeetings } from './TeamMeetings';
import { TeamMembers } from './TeamMembers';
import { TeamMoves } from './TeamMoves';
import { TeamOverloads } from './TeamOverloads';
import { TeamThread } from './TeamThread';

/** A tutor team: its members and their load, requests, meetings and thread; the coordination forms it. */
export function TeamPage() {
  const { teamId = '' } = useParams();
  const query = useTeam(teamId);
  usePageTitle(query.data?.name);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Team team={query.data} />;
}

function Team({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const newMeeting = `/programmes/${team.programme.id}/rencontres/nouvelle?equipe=${team.id}`;
  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        eyebrow={
          <Link to={`/programmes/${team.programme.id}/equipes`} style={{ color: 'inherit' }}>
            {team.programme.name}
          </Link>
        }
        title={team.name}
        description={t(
          team.relation === 'teammate' ? 'teams.page.introMember' : 'teams.page.introCoordination',
        )}
        badges={
          <>
            <Badge variant="light" color="sauge" tt="none">
              {t('teams.members', { count: team.members.length })}
            </Badge>
            {team.dissolved && (
              <Badge variant="light" color="gray" tt="none">
                {t('teams.dissolved')}
              </Badge>
            )}
          </>
        }
      />
      {team.sizeAdvice && (
        <Alert variant="light" color="yellow">
          {t(`teams.sizeAdvice.${team.sizeAdvice}`, { count: team.members.length })}
        </Alert>
      )}
      {team.actions.scheduleMeeting && (
        <Group>
          <Button component={Link} to={newMeeting} leftSection={<IconCalendarPlus size={18} aria-hidden />}>
            {t('teams.meetings.schedule')}
          </Button>
        </Group>
      )}
      <TeamOverloads team={team} />
      <TeamMembers team={team} />
      {teamSections.map(({ id, Component }) => (
        <Component key={id} team={team} />
      ))}
      <TeamMoves team={team} />
      <TeamMeetings team={team} />
      {team.actions.readThread && <TeamThread team={team} />}
      {(team.actions.rename || team.actions.manageMembers) && <TeamManage team={team} />}
    </Stack>
  );
}
