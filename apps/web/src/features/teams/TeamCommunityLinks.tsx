import { Button, Group, Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TeamPageView } from './queries';

/**
 * For the team's members: the team's cases, the feedback on one's own tutoring and the networks the
 * team is in; for its coordination, the networks (where it creates one or joins one with a code).
 */
export function TeamCommunityLinks({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const member = team.relation === 'teammate';
  if (!member && team.relation !== 'coordinator') return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="team-community-title">
      <Title order={3} size="h4" id="team-community-title" mb="xs">
        {t('teams.community.title')}
      </Title>
      <Group gap="sm">
        {member && (
          <>
            <Button component={Link} to={`/organisations/${team.orgId}/cas-equipe`} variant="light">
              {t('nav.teamCases')}
            </Button>
            <Button component={Link} to={`/organisations/${team.orgId}/retours`} variant="light">
              {t('nav.feedback')}
            </Button>
          </>
        )}
        <Button component={Link} to="/reseaux" variant="light">
          {t('nav.networks')}
        </Button>
      </Group>
    </Paper>
  );
}
