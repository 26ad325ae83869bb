import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconInbox, IconLock, IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { DifficultyList } from './DifficultyList';
import { useMyDifficulties } from './queries';

/** A member's page: raise a difficulty, follow those they raised. */
export function DifficultiesPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('difficulties.title'));
  const mine = useMyDifficulties(orgId);
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={t('difficulties.title')}
        description={t('difficulties.intro')}
        actions={
          mine.data?.inbox ? (
            <Button
              component={Link}
              to={`/organisations/${orgId}/difficultes/recues`}
              variant="light"
              leftSection={<IconInbox size={16} aria-hidden />}
            >
              {t('difficulties.inbox.open')}
            </Button>
          ) : undefined
        }
      />
      {mine.error && <ErrorAlert error={mine.error} />}
      {!mine.data && !mine.error && <Loading />}
      {mine.data && (
        <>
          <Card withBorder radius="md">
            <Stack gap="sm">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconLock size={20} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                <Text size="sm">{t('difficulties.whoReads')}</Text>
              </Group>
              {mine.data.programmes.length > 0 ? (
                <Group>
                  <Button
                    component={Link}
                    to={`/organisations/${orgId}/difficultes/nouvelle`}
                    leftSection={<IconMessageReport size={18} aria-hidden />}
                  >
                    {t('difficulties.raise')}
                  </Button>
                </Group>
              ) : (
                <Alert color="gray" variant="light">
                  {t('difficulties.notAMember')}
                </Alert>
              )}
            </Stack>
          </Card>
          <section aria-labelledby="my-difficulties">
            <Title order={2} fz={20} mb="sm" id="my-difficulties">
              {t('difficulties.mineTitle')}
            </Title>
            <DifficultyList items={mine.data.items} orgId={orgId} empty={t('difficulties.mineEmpty')} />
          </section>
        </>
      )}
    </Stack>
  );
}
