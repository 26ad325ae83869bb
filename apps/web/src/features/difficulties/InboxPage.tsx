import { Chip, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { DifficultyList } from './DifficultyList';
import { type DifficultyState, difficultyStates, useInbox } from './queries';

/** The coordination's inbox: the difficulties raised in the programmes it handles, and copies received. */
export function InboxPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('difficulties.inbox.title'));
  const [state, setState] = useState<DifficultyState | null>(null);
  const inbox = useInbox(orgId, state);
  if (inbox.error instanceof ApiError && (inbox.error.isNotFound || inbox.error.status === 403))
    return <NotFound />;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('difficulties.inbox.title')} description={t('difficulties.inbox.intro')} />
      <Stack gap={6}>
        <Text size="sm" fw={500} id="inbox-filter">
          {t('difficulties.inbox.filter')}
        </Text>
        <Chip.Group
          value={state ?? 'all'}
          onChange={(v) => setState(v === 'all' ? null : (v as DifficultyState))}
        >
          <Group gap="xs" role="radiogroup" aria-labelledby="inbox-filter">
            <Chip value="all" size="sm">
              {t('difficulties.inbox.all')}
            </Chip>
            {difficultyStates.map((s) => (
              <Chip key={s} value={s} size="sm">
                {t(`difficulties.stateFilter.${s}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
      {inbox.error && <ErrorAlert error={inbox.error} />}
      {!inbox.data && !inbox.error && <Loading />}
      {inbox.data && (
        <DifficultyList items={inbox.data.items} orgId={orgId} empty={t('difficulties.inbox.empty')} />
      )}
    </Stack>
  );
}
