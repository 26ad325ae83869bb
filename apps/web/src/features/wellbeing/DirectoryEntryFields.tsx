import { Checkbox, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectoryBody } from './queries';
import { RemoveButton } from './RemoveButton';

type Resource = DirectoryBody['resources'][number];
const orNull = (s: string) => (s.trim() === '' ? null : s);

/** One entry of the help directory: name, what it is for, phone, hours, address, confidential or not. */
export function DirectoryEntryFields({
  entry: e,
  onChange,
  onRemove,
}: {
  entry: Resource;
  onChange: (patch: Partial<Resource>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('wellbeing.help.name')}
            value={e.name}
            onChange={(v) => onChange({ name: v.currentTarget.value })}
            style={{ flex: 1 }}
            required
          />
          <RemoveButton label={t('wellbeing.help.remove', { name: e.name })} onClick={onRemove} />
        </Group>
        <Textarea
          label={t('wellbeing.help.purpose')}
          autosize
          minRows={2}
          value={e.purpose}
          onChange={(v) => onChange({ purpose: v.currentTarget.value })}
          required
        />
        <Group grow wrap="wrap">
          <TextInput
            label={t('wellbeing.help.phone')}
            inputMode="tel"
            value={e.phone ?? ''}
            onChange={(v) => onChange({ phone: orNull(v.currentTarget.value) })}
            miw={140}
          />
          <TextInput
            label={t('wellbeing.help.hours')}
            value={e.hours ?? ''}
            onChange={(v) => onChange({ hours: orNull(v.currentTarget.value) })}
            miw={140}
          />
        </Group>
        <TextInput
          label={t('wellbeing.help.url')}
          inputMode="url"
          placeholder="https://"
          value={e.url ?? ''}
          onChange={(v) => onChange({ url: orNull(v.currentTarget.value) })}
        />
        <Checkbox
          label={t('wellbeing.help.confidentialLabel')}
          checked={e.confidential}
          onChange={(v) => onChange({ confidential: v.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}
