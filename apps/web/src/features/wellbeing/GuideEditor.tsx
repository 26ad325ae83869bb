import { Button, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import type { Guide } from './queries';
import { useSaveGuide } from './queries';
import { RemoveButton } from './RemoveButton';

/** The coordinators' form for the guide in one language; "back to the default" drops their text. */
export function GuideEditor({
  orgId,
  lang,
  guide,
  done,
}: {
  orgId: string;
  lang: 'fr' | 'en';
  guide: Guide;
  done: () => void;
}) {
  const { t } = useTranslation();
  const [sections, setSections] = useState(guide.sections.map((s, i) => ({ ...s, key: String(i) })));
  const save = useSaveGuide(orgId);
  const set = (key: string, patch: { title?: string; body?: string }) =>
    setSections((ss) => ss.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  return (
    <Stack gap="sm">
      {sections.map((s) => (
        <Paper key={s.key} withBorder radius="md" p="sm">
          <Stack gap={6}>
            <Group wrap="nowrap" align="flex-end">
              <TextInput
                label={t('wellbeing.guide.sectionTitle')}
                value={s.title}
                onChange={(e) => set(s.key, { title: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <RemoveButton
                label={t('wellbeing.guide.remove', { title: s.title })}
                onClick={() => setSections((ss) => ss.filter((x) => x.key !== s.key))}
              />
            </Group>
            <Textarea
              label={t('wellbeing.guide.sectionBody')}
              autosize
              minRows={3}
              value={s.body}
              onChange={(e) => set(s.key, { body: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
      ))}
      <Button
        variant="default"
        w="fit-content"
        onClick={() => setSections((ss) => [...ss, { key: String(Date.now()), title: '', body: '' }])}
      >
        {t('wellbeing.guide.add')}
      </Button>
      {save.error && <ErrorAlert error={save.error} />}
      <Group gap="xs" wrap="wrap">
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({ lang, sections: sections.map(({ key: _, ...s }) => s) }, { onSuccess: done })
          }
        >
          {t('wellbeing.guide.save')}
        </Button>
        {guide.custom && (
          <Button
            variant="light"
            color="gray"
            onClick={() => save.mutate({ lang, sections: null }, { onSuccess: done })}
          >
            {t('wellbeing.guide.reset')}
          </Button>
        )}
        <Button variant="subtle" onClick={done}>
          {t('wellbeing.help.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
