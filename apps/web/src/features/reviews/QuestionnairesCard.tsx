import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuestionnaireEditor } from './QuestionnaireEditor';
import { type Questionnaire, useQuestionnaires } from './queries';

/** The programme's questionnaires: when each is sent, how many answered, results from five answers. */
export function QuestionnairesCard({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const q = useQuestionnaires(programmeId);
  const [editing, setEditing] = useState<Questionnaire | 'new' | null>(null);
  if (!q.data) return null;
  const d = q.data;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="questionnaires">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} fz="lg" id="questionnaires">
            {t('reviews.questionnaires.title')}
          </Title>
          {d.actions.edit && (
            <Button
              size="sm"
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {t('reviews.questionnaires.new')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('reviews.questionnaires.hint', { min: d.minAggregate })}
        </Text>
        {d.questionnaires.length === 0 && <Text size="sm">{t('reviews.questionnaires.none')}</Text>}
        {d.questionnaires.map((x) => (
          <Results
            key={x.id}
            x={x}
            min={d.minAggregate}
            onEdit={d.actions.edit ? () => setEditing(x) : undefined}
          />
        ))}
      </Stack>
      {editing && (
        <QuestionnaireEditor
          programmeId={programmeId}
          existing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function Results({ x, min, onEdit }: { x: Questionnaire; min: number; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    maximumFractionDigits: 1,
  });
  const when =
    x.moment === 'after-start'
      ? t('reviews.when.afterStart', { count: x.months ?? 0 })
      : x.moment === 'at-end'
        ? t('reviews.when.atEnd')
        : t('reviews.when.onDate', { date: x.sendOn });
  return (
    <Card withBorder radius="sm" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} className="break-anywhere">
            {x.title}
          </Text>
          <Group gap="xs">
            {!x.active && (
              <Badge variant="light" color="gray" tt="none">
                {t('reviews.questionnaires.paused')}
              </Badge>
            )}
            {onEdit && (
              <Button size="xs" variant="subtle" onClick={onEdit}>
                {t('reviews.questionnaires.editShort')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t(`reviews.audience.${x.audience}`)} · {when} ·{' '}
          {t('reviews.questionnaires.counts', { answered: x.answered, asked: x.asked })}
        </Text>
        {x.results.map((r) => (
          <Stack key={r.questionId} gap={2}>
            <Text size="sm">{r.label}</Text>
            <Text size="sm" c={r.shown ? undefined : 'dimmed'} fw={r.shown ? 600 : 400}>
              {!r.shown
                ? t('reviews.coordination.withheld', { min })
                : r.kind === 'scale'
                  ? t('reviews.end.outOf5', { value: numbers.format(r.mean ?? 0) })
                  : r.kind === 'yesno'
                    ? t('reviews.questionnaires.yesShare', { value: r.yesPercent })
                    : (r.texts ?? []).map((s) => `« ${s} »`).join(' · ')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
