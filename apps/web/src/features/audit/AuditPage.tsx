import { Badge, Button, Card, CloseButton, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { useOrganisation } from '../orgs/queries';
import { Entry } from './AuditEntry';
import classes from './audit.module.css';
import { MorePages } from './MorePages';
import { type AuditFilters, useAuditLog } from './queries';
import { otherActions, readActions, useActionWords } from './words';

function FilterChip({ label, onClear }: { label: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      size="lg"
      tt="none"
      rightSection={
        <CloseButton size="xs" aria-label={t('audit.clearFilter', { label })} onClick={onClear} />
      }
    >
      {label}
    </Badge>
  );
}

export function AuditPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const org = useOrganisation(orgId);
  const [f, setF] = useState<AuditFilters>({ action: 'reads' });
  const log = useAuditLog(orgId, f);
  usePageTitle(t('audit.title'));
  const set = (patch: Partial<AuditFilters>) => setF((old) => ({ ...old, ...patch }));

  if (org.error instanceof ApiError && org.error.isNotFound) return <NotFound />;
  if (log.error instanceof ApiError && (log.error.isNotFound || log.error.status === 403))
    return <NotFound />;
  if (org.error) return <ErrorAlert error={org.error} />;
  const timeZone = log.data?.pages[0]?.timeZone ?? org.data?.timeZone ?? 'Europe/Paris';
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <>
      <PageHeader
        eyebrow={org.data?.name}
        title={t('audit.title')}
        description={t('audit.intro', { tz: timeZone })}
        actions={
          <Button
            component={Link}
            to={`/organisations/${orgId}`}
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            {t('audit.backToOrg')}
          </Button>
        }
      />
      <Stack gap="lg">
        <AuditFiltersCard f={f} onChange={set} />
        <Card component="section" aria-label={t('audit.entries')}>
          {log.error && <ErrorAlert error={log.error} />}
          {log.isPending ? (
            <Loading />
          ) : entries.length === 0 ? (
            <Text c="dimmed">{t('audit.empty')}</Text>
          ) : (
            <>
              <div className={`${classes.row} ${classes.head}`} aria-hidden>
                <span>{t('audit.when')}</span>
                <span>{t('audit.what')}</span>
                <span>{t('audit.who')}</span>
                <span>{t('audit.whose')}</span>
              </div>
              <ul className={classes.list}>
                {entries.map((e) => (
                  <Entry key={e.id} e={e} timeZone={timeZone} onFilter={set} />
                ))}
              </ul>
              <MorePages query={log} />
            </>
          )}
        </Card>
      </Stack>
    </>
  );
}

/** What the log shows: the kind of action, the dates, and the reader or person picked from an entry. */
function AuditFiltersCard({
  f,
  onChange: set,
}: {
  f: AuditFilters;
  onChange: (patch: Partial<AuditFilters>) => void;
}) {
  const { t } = useTranslation();
  const words = useActionWords();
  return (
    <Card component="section" aria-label={t('audit.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('audit.kind')}
          value={f.action ?? ''}
          onChange={(v) => set({ action: v || undefined })}
          allowDeselect={false}
          data={[
            { value: '', label: t('audit.allActions') },
            { value: 'reads', label: t('audit.allReads') },
            {
              group: t('audit.readsGroup'),
              items: readActions.map((a) => ({ value: a, label: words(a) })),
            },
            {
              group: t('audit.othersGroup'),
              items: otherActions.map((a) => ({ value: a, label: words(a) })),
            },
          ]}
        />
        <DatePickerInput
          label={t('audit.from')}
          valueFormat="D MMM YYYY"
          clearable
          value={f.from ?? null}
          onChange={(v) => set({ from: v ?? undefined })}
        />
        <DatePickerInput
          label={t('audit.to')}
          valueFormat="D MMM YYYY"
          clearable
          value={f.to ?? null}
          onChange={(v) => set({ to: v ?? undefined })}
        />
      </SimpleGrid>
      {(f.actor || f.person) && (
        <Group gap="sm" mt="md">
          {f.actor && (
            <FilterChip
              label={t('audit.readBy', { name: f.actor.name })}
              onClear={() => set({ actor: undefined })}
            />
          )}
          {f.person && (
            <FilterChip
              label={t('audit.about', { name: f.person.name })}
              onClear={() => set({ person: undefined })}
            />
          )}
        </Group>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('audit.filterHint')}
      </Text>
    </Card>
  );
}
