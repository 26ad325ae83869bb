import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GuideInput, type GuideTheme, guideThemes } from './queries';

/**
 * A guide's fields — theme, title, when to use it, Markdown text — as the coordination writes it or a
 * tutor suggests it (then with a message to the coordination).
 */
export function GuideForm({
  initial,
  withMessage,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  initial?: GuideInput;
  withMessage?: boolean;
  submitLabel: string;
  pending: boolean;
  onSubmit: (v: GuideInput & { message: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [theme, setTheme] = useState<GuideTheme>(initial?.theme ?? 'other');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [when, setWhen] = useState(initial?.when ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [message, setMessage] = useState('');
  const ready = title.trim() && when.trim() && body.trim() && (!withMessage || message.trim());
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSubmit({ theme, title, when, body, message });
      }}
    >
      <Stack gap="sm">
        <Select
          label={t('guides.form.theme')}
          data={guideThemes.map((x) => ({ value: x, label: t(`guides.themes.${x}`) }))}
          value={theme}
          onChange={(v) => v && setTheme(v as GuideTheme)}
          allowDeselect={false}
          required
        />
        <TextInput
          label={t('guides.form.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('guides.form.when')}
          description={t('guides.form.whenHint')}
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t('guides.form.body')}
          description={t('guides.form.bodyHint')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={8}
          required
        />
        {withMessage && (
          <Textarea
            label={t('guides.form.message')}
            description={t('guides.form.messageHint')}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
        )}
        <FormActions label={submitLabel} pending={pending} ready={!!ready} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Submit and cancel, under a form. */
export function FormActions(o: { label: string; pending: boolean; ready: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={o.pending} disabled={!o.ready}>
        {o.label}
      </Button>
      <Button variant="subtle" onClick={o.onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
