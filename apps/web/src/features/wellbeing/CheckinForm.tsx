import { Alert, Button, Checkbox, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { ChoiceButtons } from './ChoiceButtons';
import type { Checkin, CheckinRef } from './queries';
import { useAnswerCheckin } from './queries';

/** "Do not show to my tutor", under each answer: the tutee decides answer by answer. */
function HideToggle({
  id,
  hidden,
  toggle,
  tutor,
}: {
  id: string;
  hidden: boolean;
  toggle: (id: string) => void;
  tutor: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox
      size="xs"
      checked={hidden}
      onChange={() => toggle(id)}
      label={t('wellbeing.checkin.hide', { tutor })}
    />
  );
}

function QuestionInput({
  q,
  value,
  set,
}: {
  q: Checkin['questions'][number];
  value: string;
  set: (v: string) => void;
}) {
  const { t } = useTranslation();
  const labelId = `q-${q.id}`;
  if (q.kind === 'text')
    return (
      <Textarea
        aria-labelledby={labelId}
        autosize
        minRows={2}
        maxLength={2000}
        value={value}
        onChange={(e) => set(e.currentTarget.value)}
      />
    );
  if (q.kind === 'number')
    return (
      <NumberInput
        aria-labelledby={labelId}
        min={0}
        max={31}
        clampBehavior="strict"
        allowDecimal={false}
        w={120}
        value={value === '' ? '' : Number(value)}
        onChange={(v) => set(v === '' ? '' : String(v))}
      />
    );
  const options =
    q.kind === 'yesno'
      ? [
          { value: 'yes', label: t('wellbeing.checkin.yes') },
          { value: 'no', label: t('wellbeing.checkin.no') },
        ]
      : (q.scale ?? []).map((s) => ({ value: String(s.value), label: s.label }));
  return (
    <ChoiceButtons
      options={options}
      value={value || undefined}
      onChange={set}
      labelledBy={labelId}
      cols={q.kind === 'yesno' ? 2 : 3}
    />
  );
}

/**
 * The check-in itself: the five WHO-5 statements, one tap each, then the programme's questions,
 * each answer hideable from the tutor. Under a minute on a phone.
 */
export function CheckinForm({ checkin, checkinRef }: { checkin: Checkin; checkinRef: CheckinRef }) {
  const { t } = useTranslation();
  const [who5, setWho5] = useState<Record<string, number>>({});
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const answer = useAnswerCheckin(checkinRef);
  const tutor = checkin.tutor ?? t('wellbeing.checkin.yourTutor');
  const toggle = (id: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const done = checkin.who5.items.filter((i) => who5[i.id] !== undefined).length;
  const submit = () =>
    answer.mutate({
      who5: Object.fromEntries(checkin.who5.items.map((i) => [i.id, who5[i.id] ?? 0])) as never,
      answers: checkin.questions.map((q) => ({ question: q.id, value: answers[q.id] ?? '' })),
      hidden: [...hidden],
    });
  const scale = checkin.who5.scale.map((s) => ({ value: String(s.value), label: s.label }));
  return (
    <Stack gap="md">
      {checkin.news && (
        <Alert color="sauge" title={t('wellbeing.checkin.news')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {checkin.news}
          </Text>
        </Alert>
      )}
      <Title order={2} fz={17}>
        {checkin.who5.lead}
      </Title>
      {checkin.who5.items.map((item, i) => (
        <Paper key={item.id} withBorder radius="md" p="sm">
          <Stack gap={8}>
            <Text fw={600} id={`w-${item.id}`}>
              {i + 1}. {item.text}
            </Text>
            <ChoiceButtons
              options={scale}
              value={who5[item.id] === undefined ? undefined : String(who5[item.id])}
              onChange={(v) => setWho5((w) => ({ ...w, [item.id]: Number(v) }))}
              labelledBy={`w-${item.id}`}
            />
            <HideToggle id={item.id} hidden={hidden.has(item.id)} toggle={toggle} tutor={tutor} />
          </Stack>
        </Paper>
      ))}
      {checkin.questions.map((q) => (
        <Paper key={q.id} withBorder radius="md" p="sm">
          <Stack gap={8}>
            <Text fw={600} id={`q-${q.id}`}>
              {q.label}
            </Text>
            <QuestionInput
              q={q}
              value={answers[q.id] ?? ''}
              set={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
            />
            <HideToggle id={q.id} hidden={hidden.has(q.id)} toggle={toggle} tutor={tutor} />
          </Stack>
        </Paper>
      ))}
      {answer.error && <ErrorAlert error={answer.error} />}
      <Button size="md" onClick={submit} disabled={done < 5} loading={answer.isPending}>
        {done < 5 ? t('wellbeing.checkin.progress', { done, total: 5 }) : t('wellbeing.checkin.send')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('wellbeing.checkin.privacy', { tutor })}
      </Text>
    </Stack>
  );
}
