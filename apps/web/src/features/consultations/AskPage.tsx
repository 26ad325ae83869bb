import { askBody } from '@compagnon/server/modules/consultations/schema.ts';
import { Alert, Button, Card, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { type CaseView, useCase } from '../cases/queries';
import { AskPeopleFields } from './AskPeopleFields';
import { AttachmentFields } from './AttachmentFields';
import { type AskBody, type AskOptions, useAsk, useAskOptions } from './queries';

/** Asking an expert about a case: the question, pasted excerpts, whom it is about (or nobody). */
export function AskPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('consultations.form.title'));
  const options = useAskOptions(orgId);
  const [params] = useSearchParams();
  // Asked from a team case (« Demander l'avis d'un expert »): the form opens with its situation.
  const caseId = params.get('cas');
  const kase = useCase(caseId ?? '', !!caseId);
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
  if (!options.data || (caseId && !kase.data && !kase.error)) return <Loading />;
  return <AskForm orgId={orgId} options={options.data} kase={kase.data} />;
}

function AskForm({ orgId, options, kase }: { orgId: string; options: AskOptions; kase?: CaseView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const [params] = useSearchParams();
  const wanted = params.get('programme');
  const programmeId =
    options.programmes.find((p) => p.id === wanted)?.id ??
    (options.programmes.length === 1 ? options.programmes[0]?.id : '');
  const subject = kase ? kase.subjectId : params.get('sujet');
  const validate = useSchemaValidator(askBody);
  const form = useForm<AskBody>({
    initialValues: {
      programmeId: programmeId ?? '',
      expertId: options.experts.length === 1 ? (options.experts[0]?.id ?? '') : '',
      subjectId: options.subjects.some((s) => s.id === subject && s.programmeId === programmeId)
        ? subject
        : null,
      anonymised: !!kase && !kase.subjectId,
      question: kase ? kase.situation : '',
      attachments: [],
      caseId: kase?.id ?? null,
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
              <AskPeopleFields form={form} options={options} />
              <Textarea
                label={t('consultations.form.question')}
                description={t('consultations.form.questionHint')}
                autosize
                minRows={5}
                maxLength={5000}
                withAsterisk
                {...form.getInputProps('question')}
              />
              <AttachmentFields form={form} />
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
