import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { ErrorAlert } from '../../app/ui';
import { MarkdownEditor } from './MarkdownEditor';
import { type SynthesisView, useSaveSynthesis } from './queries';

/** The tutor edits the synthesis; saving makes a new version, and clears any signature. */
export function SynthesisEditor({
  v,
  onDone,
  onReloaded,
}: {
  v: SynthesisView;
  onDone: () => void;
  onReloaded: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(v.body);
  const save = useSaveSynthesis(v.programme.id, v.resident.id, v.phase.id);
  const signers = [v.signatures.tutor, v.signatures.resident].filter((s) => s !== null);
  const changed = text.trim() !== v.body.trim();
  return (
    <Stack gap="sm">
      <MarkdownEditor
        value={text}
        onChange={setText}
        label={t('portfolio.synthesis.editorLabel')}
        description={t('portfolio.synthesis.editorHelp')}
      />
      {signers.length > 0 && changed && (
        <Alert color="ambre" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('portfolio.synthesis.clearsSignatures', { names: signers.map((s) => s.name).join(', ') })}
        </Alert>
      )}
      {save.error && !(save.error instanceof ApiError && save.error.status === 409) && (
        <ErrorAlert error={save.error} />
      )}
      <Group gap="sm">
        <Button
          loading={save.isPending}
          disabled={!text.trim() || (v.saved && !changed)}
          onClick={() =>
            save.mutate(
              { body: text },
              {
                onSuccess: onDone,
                onError: (e) => {
                  if (e instanceof ApiError && e.status === 409) onReloaded();
                },
              },
            )
          }
        >
          {v.saved
            ? t('portfolio.synthesis.saveNew', { version: v.version + 1 })
            : t('portfolio.synthesis.saveFirst')}
        </Button>
        <Button variant="subtle" color="gray" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
