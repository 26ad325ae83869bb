import { Button, Checkbox, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import type { Directory, DirectoryBody } from './queries';
import { useSaveDirectory } from './queries';
import { RemoveButton } from './RemoveButton';

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
const orNull = (s: string) => (s.trim() === '' ? null : s);

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
        <Paper key={e.key} withBorder radius="md" p="sm">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-end">
              <TextInput
                label={t('wellbeing.help.name')}
                value={e.name}
                onChange={(v) => set(e.key, { name: v.currentTarget.value })}
                style={{ flex: 1 }}
                required
              />
              <RemoveButton
                label={t('wellbeing.help.remove', { name: e.name })}
                onClick={() => setEntries((es) => es.filter((x) => x.key !== e.key))}
              />
            </Group>
            <Textarea
              label={t('wellbeing.help.purpose')}
              autosize
              minRows={2}
              value={e.purpose}
              onChange={(v) => set(e.key, { purpose: v.currentTarget.value })}
              required
            />
            <Group grow wrap="wrap">
              <TextInput
                label={t('wellbeing.help.phone')}
                inputMode="tel"
                value={e.phone ?? ''}
                onChange={(v) => set(e.key, { phone: orNull(v.currentTarget.value) })}
                miw={140}
              />
              <TextInput
                label={t('wellbeing.help.hours')}
                value={e.hours ?? ''}
                onChange={(v) => set(e.key, { hours: orNull(v.currentTarget.value) })}
                miw={140}
              />
            </Group>
            <TextInput
              label={t('wellbeing.help.url')}
              inputMode="url"
              placeholder="https://"
              value={e.url ?? ''}
              onChange={(v) => set(e.key, { url: orNull(v.currentTarget.value) })}
            />
            <Checkbox
              label={t('wellbeing.help.confidentialLabel')}
              checked={e.confidential}
              onChange={(v) => set(e.key, { confidential: v.currentTarget.checked })}
            />
          </Stack>
        </Paper>
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
