import { Button, Card, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardHeading, ErrorAlert, Loading } from '../../app/ui';
import { type Settings, useCheckinSettings, useSaveCheckinSettings } from './queries';
import { RemoveButton } from './RemoveButton';

type Question = Settings['questions'][number];
const kinds = ['yesno', 'text', 'number', 'scale'] as const;

/** One question of the programme: a preset keeps its wording; the programme's own are written here. */
function QuestionRow({
  q,
  set,
  remove,
}: {
  q: Question;
  set: (p: Partial<Question>) => void;
  remove: () => void;
}) {
  const { t } = useTranslation();
  const label = q.preset ? t(`wellbeing.settings.presets.${q.preset}`) : (q.label ?? '');
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group wrap="nowrap" align="flex-end">
          {q.preset ? (
            <Text size="sm" fw={600} style={{ flex: 1 }}>
              {label}
            </Text>
          ) : (
            <TextInput
              label={t('wellbeing.settings.question')}
              value={label}
              onChange={(e) => set({ label: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
          )}
          <RemoveButton label={t('wellbeing.settings.remove', { label })} onClick={remove} />
        </Group>
        {!q.preset && (
          <Select
            label={t('wellbeing.settings.kind')}
            data={kinds
              .filter((k) => k !== 'scale')
              .map((k) => ({ value: k, label: t(`wellbeing.settings.kinds.${k}`) }))}
            value={q.kind}
            onChange={(v) => v && set({ kind: v as Question['kind'], distressAnswer: null })}
            allowDeselect={false}
          />
        )}
        {q.kind === 'yesno' && (
          <Select
            label={t('wellbeing.settings.distress')}
            data={[
              { value: '', label: t('wellbeing.settings.noSignal') },
              { value: 'yes', label: t('wellbeing.checkin.yes') },
              { value: 'no', label: t('wellbeing.checkin.no') },
            ]}
            value={q.distressAnswer ?? ''}
            onChange={(v) => set({ distressAnswer: v ? v : null })}
            allowDeselect={false}
          />
        )}
      </Stack>
    </Paper>
  );
}

function SettingsForm({ programmeId, settings }: { programmeId: string; settings: Settings }) {
  const { t } = useTranslation();
  const [questions, setQuestions] = useState<Question[]>(settings.questions);
  const [news, setNews] = useState(settings.news ?? '');
  const save = useSaveCheckinSettings(programmeId);
  const set = (id: string, patch: Partial<Question>) =>
    setQuestions((qs) => qs.map((q) => (q.id === id ? { ...q, ...patch } : q)));
  const add = () =>
    setQuestions((qs) => [
      ...qs,
      { id: `q-${Date.now().toString(36)}`, preset: null, kind: 'yesno', label: '', distressAnswer: null },
    ]);
  return (
    <Stack gap="sm">
      {questions.map((q) => (
        <QuestionRow
          key={q.id}
          q={q}
          set={(p) => set(q.id, p)}
          remove={() => setQuestions((qs) => qs.filter((x) => x.id !== q.id))}
        />
      ))}
      {questions.length < 8 && (
        <Button variant="default" w="fit-content" onClick={add}>
          {t('wellbeing.settings.add')}
        </Button>
      )}
      <Textarea
        label={t('wellbeing.settings.news')}
        description={t('wellbeing.settings.newsHelp')}
        autosize
        minRows={2}
        maxLength={1500}
        value={news}
        onChange={(e) => setNews(e.currentTarget.value)}
      />
      {save.error && <ErrorAlert error={save.error} />}
      <Button
        w="fit-content"
        loading={save.isPending}
        onClick={() =>
          save.mutate(
            { questions, news: news.trim() || null },
            {
              onSuccess: () => notifications.show({ color: 'sauge', message: t('wellbeing.settings.saved') }),
            },
          )
        }
      >
        {t('wellbeing.settings.save')}
      </Button>
    </Stack>
  );
}

/** On the rules page, when check-ins are on: the WHO-5 is fixed, the programme's own questions and news are edited here. */
export function CheckinSettingsCard({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const settings = useCheckinSettings(programmeId);
  return (
    <Card component="section" aria-labelledby="checkin-settings-title">
      <CardHeading
        icon={IconHeartHandshake}
        id="checkin-settings-title"
        title={t('wellbeing.settings.title')}
        help={t('wellbeing.settings.help')}
      />
      {settings.error ? (
        <ErrorAlert error={settings.error} />
      ) : settings.data ? (
        <SettingsForm
          key={settings.data.updatedAt ?? 'default'}
          programmeId={programmeId}
          settings={settings.data}
        />
      ) : (
        <Loading />
      )}
    </Card>
  );
}
