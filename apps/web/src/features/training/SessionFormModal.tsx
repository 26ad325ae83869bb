import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../app/errors';
import { ErrorAlert } from '../../app/ui';
import { localInput, type SessionForm, type TrainingSession } from './queries';

const kinds = ['initial', 'refresher', 'exchange'] as const;

function initialValues(s: TrainingSession | undefined): SessionForm {
  if (!s)
    return {
      title: '',
      kind: 'initial',
      start: '',
      end: '',
      mode: 'in-person',
      place: '',
      videoUrl: '',
      capacity: 12,
      description: '',
      registrationDeadline: null,
    };
  return {
    title: s.title,
    kind: s.kind,
    start: localInput(s.start, s.timeZone),
    end: localInput(s.end, s.timeZone),
    mode: s.mode,
    place: s.place ?? '',
    videoUrl: s.videoUrl ?? '',
    capacity: s.capacity,
    description: s.description,
    registrationDeadline: s.registrationDeadline ? localInput(s.registrationDeadline, s.timeZone) : null,
  };
}

/** Publishing or changing a session; times are typed in the organisation's zone. */
export function SessionFormModal({
  opened,
  onClose,
  session,
  save,
  withKind = true,
  zoneHint,
  heading,
}: {
  opened: boolean;
  onClose: () => void;
  session?: TrainingSession;
  save: { mutateAsync: (v: SessionForm) => Promise<unknown>; isPending: boolean; error: unknown };
  /** A network's session has no kind. */
  withKind?: boolean;
  /** Says in which zone the times are typed. */
  zoneHint?: string;
  /** The dialog's title, when not a training session's. */
  heading?: string;
}) {
  const { t } = useTranslation();
  const form = useForm<SessionForm>({ initialValues: initialValues(session) });
  const submit = form.onSubmit(async (v) => {
    const body: SessionForm = {
      ...v,
      place: v.mode === 'in-person' ? v.place || null : null,
      videoUrl: v.mode === 'video' ? v.videoUrl || null : null,
      registrationDeadline: v.registrationDeadline || null,
    };
    try {
      await save.mutateAsync(body);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={heading ?? (session ? t('training.form.editTitle') : t('training.form.newTitle'))}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Fields form={form} withKind={withKind} zoneHint={zoneHint} />
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {session ? t('training.form.save') : t('training.form.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface FieldProps {
  form: UseFormReturnType<SessionForm>;
  withKind: boolean;
  zoneHint?: string;
}

/** The session's kind (training's only) and the zone its times are typed in, when said. */
function KindAndZone({ form, withKind, zoneHint }: FieldProps) {
  const { t } = useTranslation();
  return (
    <>
      {withKind && (
        <Select
          label={t('training.form.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
      )}
      {zoneHint && (
        <Text size="sm" c="dimmed">
          {zoneHint}
        </Text>
      )}
    </>
  );
}

/** The session's fields; the place or the link as the format asks. */
function Fields({ form, withKind, zoneHint }: FieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('training.form.title')} required {...form.getInputProps('title')} />
      <KindAndZone form={form} withKind={withKind} zoneHint={zoneHint} />
      <Group grow wrap="wrap">
        <TextInput
          type="datetime-local"
          label={t('training.form.start')}
          required
          {...form.getInputProps('start')}
        />
        <TextInput
          type="datetime-local"
          label={t('training.form.end')}
          required
          {...form.getInputProps('end')}
        />
      </Group>
      <SegmentedControl
        aria-label={t('training.form.mode')}
        data={[
          { value: 'in-person', label: t('training.form.inPerson') },
          { value: 'video', label: t('training.form.byVideo') },
        ]}
        {...form.getInputProps('mode')}
      />
      {form.values.mode === 'in-person' ? (
        <TextInput label={t('training.form.place')} required {...form.getInputProps('place')} />
      ) : (
        <TextInput
          label={t('training.form.videoUrl')}
          placeholder="https://"
          required
          {...form.getInputProps('videoUrl')}
        />
      )}
      <Group grow wrap="wrap">
        <NumberInput
          label={t('training.form.capacity')}
          min={1}
          max={500}
          required
          {...form.getInputProps('capacity')}
        />
        <TextInput
          type="datetime-local"
          label={t('training.form.deadline')}
          {...form.getInputProps('registrationDeadline')}
          value={form.values.registrationDeadline ?? ''}
        />
      </Group>
      <Textarea
        label={t('training.form.description')}
        autosize
        minRows={3}
        {...form.getInputProps('description')}
      />
    </>
  );
}
