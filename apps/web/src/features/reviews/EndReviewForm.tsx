import {
  Button,
  Card,
  Chip,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { type EndReviewBody, type EndReviewView, useSaveEndReview } from './queries';

type Texts = EndReviewBody['texts'];
type ThemeId = EndReviewView['themes'][number]['id'];

/** The author's form: the free answers, the ratings, the themes and the one choice of sharing. */
export function EndReviewForm({ v }: { v: EndReviewView }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [texts, setTexts] = useState<Texts>(v.answers.texts);
  const [scales, setScales] = useState<Record<string, number>>(v.answers.scales);
  const [themes, setThemes] = useState<ThemeId[]>(v.answers.themes);
  const [otherTheme, setOtherTheme] = useState(v.answers.otherTheme ?? '');
  const [shared, setShared] = useState(v.answers.shared);
  const save = useSaveEndReview(v.id, {
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
    onSuccess: (_, { submit }) =>
      notifications.show({ color: 'sauge', message: t(submit ? 'reviews.end.sent' : 'reviews.end.saved') }),
  });
  const body = (): EndReviewBody => ({
    texts,
    scales,
    themes,
    otherTheme: otherTheme.trim() || null,
    shared,
  });
  const missing = v.questions.scales.filter((q) => !scales[q.id]).length;
  return (
    <Stack gap="md">
      {v.questions.texts.map((q) => (
        <Textarea
          key={q.id}
          label={q.label}
          description={q.hint ?? undefined}
          autosize
          minRows={3}
          maxLength={4000}
          value={texts[q.id as keyof Texts] ?? ''}
          onChange={(e) => setTexts({ ...texts, [q.id]: e.currentTarget.value })}
        />
      ))}
      <ScalesField v={v} scales={scales} onChange={setScales} />
      <ThemesField v={v} themes={themes} onChange={setThemes} other={otherTheme} onOther={setOtherTheme} />
      <ShareChoice shared={shared} onChange={setShared} />
      {missing > 0 && (
        <Text size="sm" c="dimmed">
          {t('reviews.end.missing', { count: missing })}
        </Text>
      )}
      <Group gap="sm">
        <Button
          onClick={() => save.mutate({ body: body(), submit: true })}
          loading={save.isPending && save.variables?.submit}
          disabled={missing > 0}
        >
          {t('reviews.end.submit')}
        </Button>
        <Button
          variant="default"
          onClick={() => save.mutate({ body: body(), submit: false })}
          loading={save.isPending && !save.variables?.submit}
        >
          {t('reviews.end.saveDraft')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('reviews.end.once')}
      </Text>
    </Stack>
  );
}

/** The ratings from 1 to 5 of the programme's questions. */
function ScalesField({
  v,
  scales,
  onChange,
}: {
  v: EndReviewView;
  scales: Record<string, number>;
  onChange: (x: Record<string, number>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="md">
      <Title order={2} fz="md">
        {t('reviews.end.scalesTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('reviews.end.scalesHint')}
      </Text>
      <Stack gap="sm">
        {v.questions.scales.map((q) => (
          <Stack key={q.id} gap={4}>
            <Text size="sm" fw={500} id={`scale-${q.id}`}>
              {q.label}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby={`scale-${q.id}`}
              data={['1', '2', '3', '4', '5']}
              value={scales[q.id] ? String(scales[q.id]) : ''}
              onChange={(x) => onChange({ ...scales, [q.id]: Number(x) })}
            />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** The themes of the fixed list, and one of the reviewer's own. */
function ThemesField({
  v,
  themes,
  onChange,
  other,
  onOther,
}: {
  v: EndReviewView;
  themes: ThemeId[];
  onChange: (x: ThemeId[]) => void;
  other: string;
  onOther: (x: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('reviews.end.themesTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reviews.end.themesHint')}
      </Text>
      <Chip.Group multiple value={themes} onChange={(x) => onChange(x as ThemeId[])}>
        <Group gap={6}>
          {v.themes.map((x) => (
            <Chip key={x.id} value={x.id} size="sm">
              {x.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <TextInput
        label={t('reviews.end.otherTheme')}
        description={t('reviews.end.otherThemeHint')}
        maxLength={120}
        value={other}
        onChange={(e) => onOther(e.currentTarget.value)}
      />
    </Stack>
  );
}

/** The one choice: share the review with the coordination, or keep it. */
function ShareChoice({ shared, onChange }: { shared: boolean; onChange: (x: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="md" bg={shared ? 'var(--mantine-color-sauge-0)' : undefined}>
      <Switch
        size="md"
        checked={shared}
        onChange={(e) => onChange(e.currentTarget.checked)}
        label={t('reviews.end.share')}
        description={shared ? t('reviews.end.shareOn') : t('reviews.end.shareOff')}
      />
    </Card>
  );
}
