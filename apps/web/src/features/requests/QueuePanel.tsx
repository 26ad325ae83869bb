import {
  Button,
  CopyButton,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { type Queue, useQueue, useSetOpen } from './queries';
import { RequestCard } from './RequestCard';

type Filter = 'pending' | 'accepted' | 'declined' | 'withdrawn';
const filters: Filter[] = ['pending', 'accepted', 'declined', 'withdrawn'];

/**
 * The coordination's requests to join: the public page's link to copy and its switch, counts by
 * state, and the requests that reached it (confirmed by their authors), the waiting ones first.
 */
export function QueuePanel() {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  const queue = useQueue(programme.id);
  const [filter, setFilter] = useState<Filter>('pending');
  if (queue.error) return <ErrorAlert error={queue.error} />;
  if (!queue.data) return <Loading />;
  const q = queue.data;
  const shown = q.requests.filter((r) => r.state === filter);
  return (
    <Stack gap="lg">
      <PublicPageCard q={q} programmeId={programme.id} />
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {filters.map((f) => (
          <Paper key={f} withBorder p="sm">
            <Text fz={24} fw={700} lh={1.1}>
              {q.counts[f]}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`join.queue.counts.${f}`, { count: q.counts[f] })}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Stack gap="sm">
        <Title order={2} fz={20}>
          {t('join.queue.title')}
        </Title>
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={filters.map((f) => ({ value: f, label: t(`join.state.${f}`) }))}
          fullWidth
          size="xs"
        />
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(`join.queue.none.${filter}`)}
          </Text>
        ) : (
          shown.map((r) => (
            <RequestCard key={r.id} r={r} q={q} programmeId={programme.id} orgId={programme.orgId} />
          ))
        )}
      </Stack>
    </Stack>
  );
}

/** The public page: its address to copy, and the switch that opens or closes it. */
function PublicPageCard({ q, programmeId }: { q: Queue; programmeId: string }) {
  const { t } = useTranslation();
  const setOpen = useSetOpen(programmeId);
  const url = `${window.location.origin}${q.path}`;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          {t('join.queue.pageTitle')}
        </Title>
        <Switch
          checked={q.open}
          disabled={!q.actions.manage || setOpen.isPending}
          onChange={(e) => setOpen.mutate(e.currentTarget.checked)}
          label={q.open ? t('join.queue.open') : t('join.queue.closed')}
          description={t('join.queue.openHelp', q.words)}
        />
        {setOpen.error && <ErrorAlert error={setOpen.error} />}
        {q.open && (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('join.queue.link')}
              value={url}
              readOnly
              style={{ flex: 1 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} leftSection={<IconCopy size={16} aria-hidden />}>
                  {copied ? t('join.queue.copied') : t('join.queue.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        {q.open && (
          <Button
            component="a"
            href={q.path}
            target="_blank"
            variant="subtle"
            size="compact-sm"
            leftSection={<IconExternalLink size={14} aria-hidden />}
            w="fit-content"
          >
            {t('join.queue.see')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
