import { raiseBody } from '@compagnon/server/modules/difficulties/schema.ts';
import { Alert, Button, Card, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { useMyDifficulties, useRaise } from './queries';
import { RaiseFields, type RaiseValues } from './RaiseFields';
import { UrgentNumbers } from './UrgentNumbers';

/** The form a member raises a difficulty with: what, how wide, in their words, named or not. */
export function RaisePage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('difficulties.form.title'));
  const navigate = useNavigate();
  // From a pair's page: a request for help about that pair, to the coordination of its programme.
  const [search] = useSearchParams();
  const pairingId = search.get('binome') ?? undefined;
  const message = useErrorMessage();
  const mine = useMyDifficulties(orgId);
  const validate = useSchemaValidator(raiseBody);
  const form = useForm<RaiseValues>({
    initialValues: {
      programmeId: search.get('programme') ?? '',
      category: pairingId ? 'pair' : 'workload',
      scope: 'individual',
      description: '',
      anonymised: false,
      pairingId,
    },
    validate: (v) => ({
      ...validate(v),
      ...(v.programmeId || (mine.data?.programmes.length ?? 0) === 1
        ? {}
        : { programmeId: t('validation.required') }),
    }),
  });
  const raise = useRaise({
    onSuccess: ({ id }) => {
      notifications.show({ color: 'sauge', message: t('difficulties.form.sent') });
      navigate(`/difficultes/${id}`);
    },
    onError: (e) => applyFieldErrors(form, e),
  });

  if (mine.error) return <ErrorAlert error={mine.error} />;
  if (!mine.data) return <Loading />;
  const programmes = mine.data.programmes;
  const only = programmes.length === 1 ? programmes[0] : undefined;

  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('difficulties.form.title')} description={t('difficulties.form.intro')} />
      <UrgentNumbers />
      {programmes.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('difficulties.notAMember')}
        </Alert>
      ) : (
        <Card withBorder radius="md">
          <form
            noValidate
            onSubmit={form.onSubmit((v) => raise.mutate({ ...v, programmeId: only?.id ?? v.programmeId }))}
          >
            <Stack gap="md">
              {raise.error && !(raise.error as { fields?: unknown[] }).fields?.length && (
                <Alert color="red" variant="light" role="alert">
                  {message(raise.error)}
                </Alert>
              )}
              <RaiseFields form={form} programmes={programmes} only={only} aboutPair={!!pairingId} />
              <Group justify="space-between" wrap="wrap">
                <Button component={Link} to={`/organisations/${orgId}/difficultes`} variant="default">
                  {t('common.cancel')}
                </Button>
                <Button
                  type="submit"
                  loading={raise.isPending}
                  leftSection={<IconSend size={16} aria-hidden />}
                >
                  {t('difficulties.form.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
