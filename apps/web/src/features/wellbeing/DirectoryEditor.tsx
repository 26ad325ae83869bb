import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { DirectoryEntryFields } from './DirectoryEntryFields';
import type { Directory, DirectoryBody } from './queries';
import { useSaveDirectory } from './queries';

type Entry = DirectoryBody['resources'][number] & { key: string };
const blank = (): Entry => ({
  key: Math.random().toString(36).slice(2),
  id: null,
  name: '',
  purpose: '',
  phone: null,
  hours: null,
  url: null,
  confidential: true,
});

/** The coordinators' form for the directory: edit, add, remove entries; saved all at once. */
export function DirectoryEditor({
  orgId,
  directory,
  done,
}: {
  orgId: string;
  directory: Directory;
  done: () => void;
}) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[]>(directory.resources.map((r) => ({ ...r, key: r.id })));
  const save = useSaveDirectory(orgId);
  const set = (key: string, patch: Partial<Entry>) =>
    setEntries((es) => es.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  return (
    <Stack gap="sm">
      {entries.map((e) => (
        <DirectoryEntryFields
          key={e.key}
          entry={e}
          onChange={(patch) => set(e.key, patch)}
          onRemove={() => setEntries((es) => es.filter((x) => x.key !== e.key))}
        />
      ))}
      <Button variant="default" onClick={() => setEntries((es) => [...es, blank()])} w="fit-content">
        {t('wellbeing.help.add')}
      </Button>
      {save.error && <ErrorAlert error={save.error} />}
      <Group gap="xs">
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({ resources: entries.map(({ key: _, ...e }) => e) }, { onSuccess: done })
          }
        >
          {t('wellbeing.help.save')}
        </Button>
        <Button variant="subtle" onClick={done}>
          {t('wellbeing.help.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
