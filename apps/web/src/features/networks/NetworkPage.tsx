import { Badge, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { NetworkCode } from './NetworkCode';
import { NetworkSessions } from './NetworkSessions';
import { NetworkTeams } from './NetworkTeams';
import { NetworkThread } from './NetworkThread';
import { type NetworkView, useArchiveNetwork, useNetwork } from './queries';

/** A network: its thread, sessions and member teams; its coordination's code and teams. */
export function NetworkPage() {
  const { networkId = '' } = useParams();
  const query = useNetwork(networkId);
  usePageTitle(query.data?.name);
  if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <Network n={query.data} />;
}

function Network({ n }: { n: NetworkView }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // The code made with the network, shown once: kept here, gone from the history entry.
  const [shown] = useState(() => (location.state as { code?: string } | null)?.code);
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location, navigate]);
  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        eyebrow={
          <Link to="/reseaux" style={{ color: 'inherit' }}>
            {t('networks.title')}
          </Link>
        }
        title={n.name}
        description={n.description || undefined}
        badges={
          <>
            <Badge variant="light" color="sauge" tt="none">
              {t(`networks.scope.${n.scope}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('networks.createdBy', { organisation: n.createdBy })}
            </Text>
            {n.archived && (
              <Badge variant="light" color="gray" c="dark.8" tt="none">
                {t('networks.archived')}
              </Badge>
            )}
          </>
        }
        actions={n.actions.archive ? <ArchiveButton n={n} /> : undefined}
      />
      <Text size="sm" c="dimmed" maw={720}>
        {t('networks.page.privacy')}
      </Text>
      {(n.actions.newCode || shown) && <NetworkCode n={n} shown={shown} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <NetworkSessions n={n} />
        <NetworkTeams n={n} />
      </SimpleGrid>
      <NetworkThread n={n} />
    </Stack>
  );
}

function ArchiveButton({ n }: { n: NetworkView }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState(false);
  const archive = useArchiveNetwork(n.id, { onSuccess: () => setConfirm(false) });
  return (
    <>
      <Button variant="default" onClick={() => setConfirm(true)}>
        {t('networks.archive.open')}
      </Button>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('networks.archive.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('networks.archive.confirm')}</Text>
          {archive.error ? <ErrorAlert error={archive.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={archive.isPending} onClick={() => archive.mutate()}>
              {t('networks.archive.yes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
