import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { type Questionnaire, type QuestionnaireBody, useSaveQuestionnaire } from './queries';

type Kind = QuestionnaireBody['questions'][number]['kind'];
const blank: QuestionnaireBody = {
  title: '',
  audience: 'both',
  questions: [{ kind: 'scale', label: '' }],
  moment: 'after-start',
  months: 3,
  sendOn: null,
  active: true,
};

const bodyOf = (x: Questionnaire): QuestionnaireBody => ({
  title: x.title,
  audience: x.audience,
  questions: x.questions.map(({ kind, label }) => ({ kind, label })),
  moment: x.moment,
  months: x.months,
  sendOn: x.sendOn,
  active: x.active,
});

/** Writes or changes a questionnaire: its title, audience, questions and when it is sent. */
export function QuestionnaireEditor({
  programmeId,
  existing,
  onClose,
}: {
  programmeId: string;
  existing: Questionnaire | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [q, setQ] = useState<QuestionnaireBody>(existing ? bodyOf(existing) : blank);
  const save = useSaveQuestionnaire(programmeId, {
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
    onSuccess: () => {
      notifications.show({ color: 'sauge', message: t('reviews.questionnaires.saved') });
      onClose();
    },
  });
  const locked = existing?.locked ?? false;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(existing ? 'reviews.questionnaires.edit' : 'reviews.questionnaires.new')}
      size="lg"
    >
      <Stack gap="sm">
        <TextInput
          label={t('reviews.questionnaires.titleLabel')}
          required
          maxLength={200}
          value={q.title}
          onChange={(e) => setQ({ ...q, title: e.currentTarget.value })}
        />
        <Select
          label={t('reviews.questionnaires.audience')}
          data={(['both', 'tutors', 'tutees'] as const).map((a) => ({
            value: a,
            label: t(`reviews.audience.${a}`),
          }))}
          value={q.audience}
          onChange={(v) => v && setQ({ ...q, audience: v as QuestionnaireBody['audience'] })}
          allowDeselect={false}
        />
        <QuestionRows q={q} onChange={setQ} locked={locked} />
        <MomentFields q={q} onChange={setQ} />
        <Switch
          label={t('reviews.questionnaires.active')}
          checked={q.active}
          onChange={(e) => setQ({ ...q, active: e.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate({ id: existing?.id ?? null, body: q })} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Editing = { q: QuestionnaireBody; onChange: (q: QuestionnaireBody) => void };

/** The questions, each a kind and a wording; fixed once somebody answered. */
function QuestionRows({ q, onChange, locked }: Editing & { locked: boolean }) {
  const { t } = useTranslation();
  // Rows keep their identity when one above is removed (the index would move them).
  const [ids, setIds] = useState(() => q.questions.map((_, i) => i));
  const [next, setNext] = useState(q.questions.length);
  const kinds = (['scale', 'yesno', 'text'] as const).map((k) => ({
    value: k,
    label: t(`reviews.kinds.${k}`),
  }));
  const setQuestion = (i: number, patch: Partial<QuestionnaireBody['questions'][number]>) =>
    onChange({ ...q, questions: q.questions.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const remove = (i: number) => {
    onChange({ ...q, questions: q.questions.filter((_, j) => j !== i) });
    setIds(ids.filter((_, j) => j !== i));
  };
  const add = () => {
    onChange({ ...q, questions: [...q.questions, { kind: 'scale', label: '' }] });
    setIds([...ids, next]);
    setNext(next + 1);
  };
  return (
    <>
      {q.questions.map((x, i) => (
        <Group key={ids[i]} align="flex-end" gap="xs" wrap="nowrap">
          <Select
            label={i === 0 ? t('reviews.questionnaires.kind') : undefined}
            aria-label={t('reviews.questionnaires.kind')}
            data={kinds}
            value={x.kind}
            onChange={(v) => v && setQuestion(i, { kind: v as Kind })}
            w={130}
            disabled={locked}
            allowDeselect={false}
          />
          <TextInput
            label={i === 0 ? t('reviews.questionnaires.question') : undefined}
            aria-label={t('reviews.questionnaires.questionN', { n: i + 1 })}
            style={{ flex: 1 }}
            maxLength={300}
            value={x.label}
            disabled={locked}
            onChange={(e) => setQuestion(i, { label: e.currentTarget.value })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('reviews.questionnaires.remove', { n: i + 1 })}
            disabled={locked || q.questions.length === 1}
            onClick={() => remove(i)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {!locked && q.questions.length < 20 && (
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} aria-hidden />}
          w="fit-content"
          onClick={add}
        >
          {t('reviews.questionnaires.addQuestion')}
        </Button>
      )}
    </>
  );
}

/** When it is sent: months after the start, at the end, or on a date. */
function MomentFields({ q, onChange }: Editing) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('reviews.questionnaires.moment')}
        data={(['after-start', 'at-end', 'on-date'] as const).map((m) => ({
          value: m,
          label: t(`reviews.moment.${m}`),
        }))}
        value={q.moment}
        onChange={(v) => v && onChange({ ...q, moment: v as QuestionnaireBody['moment'] })}
        allowDeselect={false}
      />
      {q.moment === 'after-start' && (
        <NumberInput
          label={t('reviews.questionnaires.months')}
          min={1}
          max={48}
          value={q.months ?? ''}
          onChange={(v) => onChange({ ...q, months: typeof v === 'number' ? v : null })}
        />
      )}
      {q.moment === 'on-date' && (
        <TextInput
          type="date"
          label={t('reviews.questionnaires.sendOn')}
          value={q.sendOn ?? ''}
          onChange={(e) => onChange({ ...q, sendOn: e.currentTarget.value || null })}
        />
      )}
    </>
  );
}
