import { Button, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type Level, levels, type SupervisorPageData, useSubmitFeedback } from './queries';

type Row = { level: Level | ''; comment: string };

/** The supervisor's short structured feedback: a level per competency they observed, then two texts. */
export function FeedbackForm({ token, page }: { token: string; page: SupervisorPageData }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [strengths, setStrengths] = useState('');
  const [improvements, setImprovements] = useState('');
  const submit = useSubmitFeedback(token);
  const row = (id: string): Row => rows[id] ?? { level: '', comment: '' };
  const set = (id: string, patch: Partial<Row>) => setRows({ ...rows, [id]: { ...row(id), ...patch } });
  const rated = page.competencies.filter((c) => row(c.id).level !== '');
  return (
    <Stack gap="md">
      <Title order={2} fz={20}>
        {t('supervisor.form.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('supervisor.form.help')}
      </Text>
      {page.competencies.map((c) => (
        <Stack key={c.id} gap={4}>
          <Text fw={600}>{c.label}</Text>
          {c.expected && (
            <Text size="sm" c="dimmed">
              {t('supervisor.expected', { level: t(`supervisor.levels.${c.expected.level}`) })}{' '}
              {c.expected.text}
            </Text>
          )}
          <SegmentedControl
            aria-label={t('supervisor.form.levelOf', { competency: c.label })}
            value={row(c.id).level}
            onChange={(v) => set(c.id, { level: v as Level })}
            data={levels.map((l) => ({ value: l, label: t(`supervisor.levels.${l}`) }))}
          />
          <Textarea
            label={t('supervisor.form.comment')}
            value={row(c.id).comment}
            autosize
            minRows={1}
            onChange={(e) => set(c.id, { comment: e.currentTarget.value })}
          />
        </Stack>
      ))}
      <Textarea
        label={t('supervisor.form.strengths')}
        value={strengths}
        autosize
        minRows={2}
        onChange={(e) => setStrengths(e.currentTarget.value)}
      />
      <Textarea
        label={t('supervisor.form.improvements')}
        value={improvements}
        autosize
        minRows={2}
        onChange={(e) => setImprovements(e.currentTarget.value)}
      />
      <Button
        disabled={rated.length === 0}
        loading={submit.isPending}
        onClick={() =>
          submit.mutate({
            competencies: rated.map((c) => ({
              id: c.id,
              level: row(c.id).level as Level,
              comment: row(c.id).comment,
            })),
            strengths,
            improvements,
          })
        }
        style={{ alignSelf: 'flex-start' }}
      >
        {t('supervisor.form.send')}
      </Button>
      {submit.error && <ErrorAlert error={submit.error} />}
    </Stack>
  );
}
