import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import { CardHeading, ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { type Teams, useCreateTeam, useProgrammeTeams, useTeamsFromGroups } from './queries';

/** The programme's teams: every team for its coordination, who forms them; their own for a member. */
export function TeamsPanel() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const query = useProgrammeTeams(programme.id);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const v = query.data;
  return (
    <Stack gap="lg" maw={1100}>
      <CardHeading
        icon={IconUsersGroup}
        id="teams-title"
        title={t('teams.title')}
        help={t(v.programme.template === 'tutor-peer-support' ? 'teams.introPeer' : 'teams.intro')}
      />
      {v.actions.fromGroups && <FromGroups programmeId={programme.id} groups={v.groups} />}
      {v.teams.length === 0 && (
        <Text c="dimmed" size="sm">
          {t(v.actions.create ? 'teams.noneYet' : 'teams.notInTeam')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {v.teams.map((team) => (
          <Card key={team.id} withBorder padding="md" component="article" aria-label={team.name}>
            <Stack gap={6}>
              <Anchor component={Link} to={`/equipes/${team.id}`} fw={600}>
                {team.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {team.members.map((m) => m.name).join(', ')}
              </Text>
              <Group gap="xs">
                <Badge variant="light" tt="none" color={team.sizeAdvice ? 'gray' : 'sauge'}>
                  {t('teams.members', { count: team.members.length })}
                </Badge>
                {team.openOverloads > 0 && (
                  <Badge variant="filled" color="red.9" tt="none">
                    {t('teams.overload.open', { count: team.openOverloads })}
                  </Badge>
                )}
              </Group>
              {team.sizeAdvice && (
                <Text size="xs" c="dimmed">
                  {t(`teams.sizeAdvice.${team.sizeAdvice}`, { count: team.members.length })}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {v.actions.create && <CreateTeam programmeId={programme.id} candidates={v.candidates} />}
    </Stack>
  );
}

function FromGroups({ programmeId, groups }: { programmeId: string; groups: number }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const make = useTeamsFromGroups(programmeId, {
    onSuccess: (r) =>
      notifications.show({ color: 'sauge', message: t('teams.fromGroups.done', { count: r.created }) }),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  return (
    <Alert variant="light" color="sauge" title={t('teams.fromGroups.title', { count: groups })}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('teams.fromGroups.help')}</Text>
        <Button loading={make.isPending} onClick={() => make.mutate()}>
          {t('teams.fromGroups.button')}
        </Button>
      </Stack>
    </Alert>
  );
}

function CreateTeam({ programmeId, candidates }: { programmeId: string; candidates: Teams['candidates'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const create = useCreateTeam(programmeId, {
    onSuccess: (r) => navigate(`/equipes/${r.id}`),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const data = candidates.map((c) => ({
    value: c.id,
    label: c.team ? t('teams.manage.inTeam', { name: c.name, team: c.team }) : c.name,
    disabled: !!c.team,
  }));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="team-create">
      <Stack gap="sm">
        <Text id="team-create" fw={600} fz="lg">
          {t('teams.create.title')}
        </Text>
        <TextInput
          label={t('teams.manage.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <MultiSelect
          label={t('teams.create.members')}
          description={t('teams.create.membersHelp')}
          data={data}
          value={members}
          onChange={setMembers}
          searchable
        />
        {members.length > 0 && (members.length < 6 || members.length > 8) && (
          <Text size="sm" c="dimmed">
            {t(`teams.sizeAdvice.${members.length < 6 ? 'under' : 'over'}`, { count: members.length })}
          </Text>
        )}
        <Group>
          <Button
            disabled={!name.trim()}
            loading={create.isPending}
            onClick={() => create.mutate({ name: name.trim(), memberIds: members })}
          >
            {t('teams.create.button')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
