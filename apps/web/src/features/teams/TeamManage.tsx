import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import {
  type TeamPageView,
  useAddTeamMember,
  useDissolveTeam,
  useRemoveTeamMember,
  useRenameTeam,
} from './queries';

/** The coordination forms the team: its name, who is in it, its end. */
export function TeamManage({ team }: { team: TeamPageView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const onError = (e: unknown) => notifications.show({ color: 'red', message: message(e) });
  const [name, setName] = useState(team.name);
  const [adding, setAdding] = useState<string | null>(null);
  const rename = useRenameTeam(team.id, { onError });
  const add = useAddTeamMember(team.id, { onError, onSuccess: () => setAdding(null) });
  const remove = useRemoveTeamMember(team.id, { onError });
  const dissolve = useDissolveTeam(team.id, {
    onError,
    onSuccess: () => navigate(`/programmes/${team.programme.id}/equipes`),
  });
  const inTeam = new Set(team.members.map((m) => m.id));
  const candidates = team.candidates
    .filter((c) => !inTeam.has(c.id))
    .map((c) => ({
      value: c.id,
      label: c.team ? t('teams.manage.inTeam', { name: c.name, team: c.team }) : c.name,
    }));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="team-manage">
      <Stack gap="md">
        <Text id="team-manage" fw={600} fz="lg">
          {t('teams.manage.title')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('teams.manage.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button variant="default" loading={rename.isPending} onClick={() => rename.mutate(name.trim())}>
            {t('teams.manage.rename')}
          </Button>
        </Group>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('teams.manage.add')}
            data={candidates}
            value={adding}
            onChange={setAdding}
            searchable
            w={320}
          />
          <Button
            variant="default"
            disabled={!adding}
            loading={add.isPending}
            onClick={() => adding && add.mutate(adding)}
          >
            {t('teams.manage.addButton')}
          </Button>
        </Group>
        <Stack gap={4}>
          {team.members.map((m) => (
            <Group key={m.id} justify="space-between">
              <Text size="sm">{m.name}</Text>
              <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(m.id)}>
                {t('teams.manage.remove')}
              </Button>
            </Group>
          ))}
        </Stack>
        <Group>
          <Button
            color="red"
            variant="light"
            loading={dissolve.isPending}
            onClick={() => window.confirm(t('teams.manage.dissolveConfirm')) && dissolve.mutate()}
          >
            {t('teams.manage.dissolve')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
