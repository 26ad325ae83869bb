import { raiseBody } from '@compagnon/server/modules/difficulties/schema.ts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPhone, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { difficultyCategories, type RaiseBody, useMyDifficulties, useRaise } from './queries';

type Values = RaiseBody & { programmeId: string };

/** The form a member raises a difficulty with: what, how wide, in their words, named or not. */
export function RaisePage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('difficulties.form.title'));
  const navigate = useNavigate();
  const message = useErrorMessage();
  const mine = useMyDifficulties(orgId);
  const validate = useSchemaValidator(raiseBody);
  const form = useForm<Values>({
    initialValues: {
      programmeId: '',
      category: 'workload',
      scope: 'individual',
      description: '',
      anonymised: false,
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
      <Alert
        color="ambre"
        variant="light"
        icon={<IconPhone aria-hidden />}
        title={t('difficulties.form.urgentTitle')}
      >
        <Text size="sm">
          {t('difficulties.form.urgent')} <Anchor href="tel:15">15</Anchor> ·{' '}
          <Anchor href="tel:3114">3114</Anchor>
        </Text>
      </Alert>
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
              {only ? (
                <Text size="sm">{t('difficulties.form.programmeOnly', { programme: only.name })}</Text>
              ) : (
                <Select
                  label={t('difficulties.form.programme')}
                  description={t('difficulties.form.programmeHint')}
                  data={programmes.map((p) => ({ value: p.id, label: p.name }))}
                  allowDeselect={false}
                  withAsterisk
                  {...form.getInputProps('programmeId')}
                />
              )}
              <Radio.Group
                label={t('difficulties.form.category')}
                withAsterisk
                {...form.getInputProps('category')}
              >
                <Stack gap="xs" mt="xs">
                  {difficultyCategories.map((c) => (
                    <Radio key={c} value={c} label={t(`difficulties.category.${c}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Radio.Group label={t('difficulties.form.scope')} withAsterisk {...form.getInputProps('scope')}>
                <Stack gap="xs" mt="xs">
                  <Radio value="individual" label={t('difficulties.scope.individual')} />
                  <Radio
                    value="systemic"
                    label={t('difficulties.scope.systemic')}
                    description={t('difficulties.form.systemicHint')}
                  />
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('difficulties.form.description')}
                description={t('difficulties.form.descriptionHint')}
                autosize
                minRows={5}
                maxLength={5000}
                withAsterisk
                {...form.getInputProps('description')}
              />
              <Checkbox
                label={t('difficulties.form.anonymised')}
                description={t('difficulties.form.anonymisedHint')}
                {...form.getInputProps('anonymised', { type: 'checkbox' })}
              />
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
