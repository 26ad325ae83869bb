import { createCohortBody } from '@compagnon/server/modules/programmes/schema.ts';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconCalendarPlus, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import type { Cohort, Programme } from '../../app/types';
import { useSchemaValidator } from '../../app/validation';
import {
  CohortDateInputs,
  CohortKindSelect,
  type CohortValues,
  cohortBody,
  useDefaultCohortName,
} from './CohortFields';
import { useProgrammeContext } from './context';
import { useAddCohort, useArchiveCohort } from './queries';

function AddCohortForm({ programme, onDone }: { programme: Programme; onDone: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const validate = useSchemaValidator(createCohortBody, cohortBody);
  const form = useForm<CohortValues>({
    initialValues: {
      name: useDefaultCohortName(programme.orgId),
      kind: 'academic-year',
      startsOn: null,
      endsOn: null,
    },
    validate,
  });
  const add = useAddCohort(programme.id, {
    onSuccess: () => {
      notifications.show({ color: 'sauge', message: t('cohorts.added') });
      onDone();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) notifications.show({ color: 'red', message: message(e) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => add.mutate(cohortBody(v)))} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('cohorts.name')}
          description={t('cohorts.nameHelp')}
          required
          {...form.getInputProps('name')}
        />
        <CohortKindSelect input={form.getInputProps('kind')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <CohortDateInputs start={form.getInputProps('startsOn')} end={form.getInputProps('endsOn')} />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('cohorts.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CohortCard({ programme, cohort }: { programme: Programme; cohort: Cohort }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const dates = useDates(programme.orgId);
  const archive = useArchiveCohort(programme.id, cohort.id, {
    onSuccess: () =>
      notifications.show({ color: 'sauge', message: t('cohorts.archivedDone', { name: cohort.name }) }),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  return (
    <Card component="article" aria-label={cohort.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} fz="lg" className="break-anywhere">
            {cohort.name}
          </Title>
          {cohort.archived ? (
            <Badge color="gray" variant="light" tt="none">
              {t('cohorts.archived')}
            </Badge>
          ) : (
            <Badge color="sauge" variant="light" tt="none">
              {t(`cohorts.kinds.${cohort.kind}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('cohorts.range', { start: dates.calendar(cohort.startsOn), end: dates.calendar(cohort.endsOn) })}
        </Text>
        {programme.actions.update && !cohort.archived && (
          <Group>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconArchive size={14} aria-hidden />}
              loading={archive.isPending}
              onClick={() => archive.mutate()}
            >
              {t('cohorts.archive')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function CohortsPanel() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const [adding, setAdding] = useState(false);
  const active = programme.cohorts.filter((c) => !c.archived);
  const archived = programme.cohorts.filter((c) => c.archived);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 300px' }}>
          <Title order={2} fz={20}>
            {t('cohorts.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('cohorts.help')}
          </Text>
        </Stack>
        {programme.actions.update && (
          <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('cohorts.add')}
          </Button>
        )}
      </Group>
      {active.length === 0 ? (
        <Card>
          <EmptyState
            variant="light"
            icon={<IconTimeline size={28} aria-hidden />}
            title={t('cohorts.emptyTitle')}
            description={programme.actions.update ? t('cohorts.emptyBodyManage') : t('cohorts.emptyBody')}
          />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {active.map((c) => (
            <CohortCard key={c.id} programme={programme} cohort={c} />
          ))}
        </SimpleGrid>
      )}
      {archived.length > 0 && (
        <>
          <Title order={2} fz={18}>
            {t('cohorts.archivedTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {archived.map((c) => (
              <CohortCard key={c.id} programme={programme} cohort={c} />
            ))}
          </SimpleGrid>
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('cohorts.addTitle')}>
        {adding && <AddCohortForm programme={programme} onDone={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}
