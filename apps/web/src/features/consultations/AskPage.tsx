import { askBody } from '@compagnon/server/modules/consultations/schema.ts';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { type AskBody, type AskOptions, useAsk, useAskOptions } from './queries';

const MAX_ATTACHMENTS = 5;

/** Asking an expert about a case: the question, pasted excerpts, whom it is about (or nobody). */
export function AskPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('consultations.form.title'));
  const options = useAskOptions(orgId);
  if (options.error instanceof ApiError && options.error.status === 403)
    return (
      <Stack maw={720}>
        <PageHeader title={t('consultations.form.title')} />
        <Alert color="gray" variant="light">
          {t('consultations.cannotAsk')}
        </Alert>
      </Stack>
    );
  if (options.error) return <ErrorAlert error={options.error} />;
  if (!options.data) return <Loading />;
  return <AskForm orgId={orgId} options={options.data} />;
}

function AskForm({ orgId, options }: { orgId: string; options: AskOptions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const [params] = useSearchParams();
  const wanted = params.get('programme');
  const programmeId =
    options.programmes.find((p) => p.id === wanted)?.id ??
    (options.programmes.length === 1 ? options.programmes[0]?.id : '');
  const subject = params.get('sujet');
  const validate = useSchemaValidator(askBody);
  const form = useForm<AskBody>({
    initialValues: {
      programmeId: programmeId ?? '',
      expertId: options.experts.length === 1 ? (options.experts[0]?.id ?? '') : '',
      subjectId: options.subjects.some((s) => s.id === subject && s.programmeId === programmeId)
        ? subject
        : null,
      anonymised: false,
      question: '',
      attachments: [],
    },
    validate,
  });
  const ask = useAsk(orgId, {
    onSuccess: ({ id }) => {
      notifications.show({ color: 'sauge', message: t('consultations.form.sent') });
      navigate(`/avis-experts/${id}`);
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const v = form.values;
  const subjects = options.subjects.filter((s) => s.programmeId === v.programmeId);

  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('consultations.form.title')} description={t('consultations.form.intro')} />
      {options.experts.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('consultations.form.noExpert')}
        </Alert>
      ) : (
        <Card withBorder radius="md">
          <form noValidate onSubmit={form.onSubmit((values) => ask.mutate(values))}>
            <Stack gap="md">
              {ask.error && !(ask.error as { fields?: unknown[] }).fields?.length && (
                <Alert color="red" variant="light" role="alert">
                  {message(ask.error)}
                </Alert>
              )}
              <Select
                label={t('consultations.form.programme')}
                data={options.programmes.map((p) => ({ value: p.id, label: p.name }))}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('programmeId')}
                onChange={(id) => {
                  form.setFieldValue('programmeId', id ?? '');
                  form.setFieldValue('subjectId', null);
                }}
              />
              <Select
                label={t('consultations.form.expert')}
                data={options.experts.map((e) => ({ value: e.id, label: e.name }))}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('expertId')}
              />
              <Checkbox
                label={t('consultations.form.anonymised')}
                description={t('consultations.form.anonymisedHint')}
                {...form.getInputProps('anonymised', { type: 'checkbox' })}
              />
              {!v.anonymised && (
                <Select
                  label={t('consultations.form.subject')}
                  description={t('consultations.form.subjectHint')}
                  placeholder={t('consultations.form.nobody')}
                  data={subjects.map((s) => ({ value: s.id, label: s.name }))}
                  clearable
                  searchable
                  {...form.getInputProps('subjectId')}
                />
              )}
              <Textarea
                label={t('consultations.form.question')}
                description={t('consultations.form.questionHint')}
                autosize
                minRows={5}
                maxLength={5000}
                withAsterisk
                {...form.getInputProps('question')}
              />
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {t('consultations.form.attachments')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('consultations.form.attachmentsHint')}
                </Text>
                {v.attachments.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: excerpts have no id of their own
                  <Paper key={i} withBorder p="sm" radius="md">
                    <Stack gap="xs">
                      <Group gap="xs" wrap="nowrap" align="flex-end">
                        <TextInput
                          style={{ flex: 1 }}
                          label={t('consultations.form.attachmentTitle', { n: i + 1 })}
                          maxLength={120}
                          {...form.getInputProps(`attachments.${i}.title`)}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          aria-label={t('consultations.form.removeAttachment', { n: i + 1 })}
                          onClick={() => form.removeListItem('attachments', i)}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Group>
                      <Textarea
                        label={t('consultations.form.attachmentText', { n: i + 1 })}
                        autosize
                        minRows={3}
                        maxLength={10000}
                        {...form.getInputProps(`attachments.${i}.text`)}
                      />
                    </Stack>
                  </Paper>
                ))}
                {v.attachments.length < MAX_ATTACHMENTS && (
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() => form.insertListItem('attachments', { title: '', text: '' })}
                    >
                      {t('consultations.form.addAttachment')}
                    </Button>
                  </Group>
                )}
              </Stack>
              <Group justify="space-between" wrap="wrap">
                <Button component={Link} to={`/organisations/${orgId}/avis-experts`} variant="default">
                  {t('common.cancel')}
                </Button>
                <Button
                  type="submit"
                  loading={ask.isPending}
                  leftSection={<IconSend size={16} aria-hidden />}
                >
                  {t('consultations.form.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
