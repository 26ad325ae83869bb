import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLogin2, IconPlus, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { CreateNetworkModal, JoinNetworkModal } from './NetworkForms';
import { type MyNetworks, useMyNetworks } from './queries';

/** The person's networks; their teams' coordination creates one or joins one with a code. */
export function NetworksPage() {
  const { t } = useTranslation();
  usePageTitle(t('networks.title'));
  const query = useMyNetworks();
  const [open, setOpen] = useState<'create' | 'join' | null>(null);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const { networks, teams, actions } = query.data;
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={t('networks.title')}
        description={t('networks.intro')}
        actions={
          <>
            {actions.create && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setOpen('create')}>
                {t('networks.create.open')}
              </Button>
            )}
            {actions.join && (
              <Button
                variant="default"
                leftSection={<IconLogin2 size={18} aria-hidden />}
                onClick={() => setOpen('join')}
              >
                {t('networks.join.open')}
              </Button>
            )}
          </>
        }
      />
      {networks.length === 0 ? (
        <Text c="dimmed">{t(actions.create ? 'networks.noneManager' : 'networks.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {networks.map((n) => (
            <NetworkCard key={n.id} n={n} />
          ))}
        </SimpleGrid>
      )}
      <CreateNetworkModal opened={open === 'create'} onClose={() => setOpen(null)} teams={teams} />
      <JoinNetworkModal opened={open === 'join'} onClose={() => setOpen(null)} teams={teams} />
    </Stack>
  );
}

function NetworkCard({ n }: { n: MyNetworks['networks'][number] }) {
  const { t } = useTranslation();
  const titleId = `network-${n.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconWorld size={20} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
          <Title order={2} fz={18} id={titleId} style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={`/reseaux/${n.id}`} inherit>
              {n.name}
            </Anchor>
          </Title>
        </Group>
        <Group gap={6}>
          <Badge variant="light" color="sauge" tt="none">
            {t(`networks.scope.${n.scope}`)}
          </Badge>
          <Badge variant="light" color="gray" c="dark.8" tt="none">
            {t('networks.teamsCount', { count: n.teams })}
          </Badge>
          {n.archived && (
            <Badge variant="light" color="gray" c="dark.8" tt="none">
              {t('networks.archived')}
            </Badge>
          )}
          {n.unread > 0 && (
            <Badge color="orange" c="dark.8" variant="light" tt="none">
              {t('networks.unread', { count: n.unread })}
            </Badge>
          )}
        </Group>
        {n.myTeams.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('networks.myTeams', { teams: n.myTeams.join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
