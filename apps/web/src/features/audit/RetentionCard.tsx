import { retentionBody } from '@compagnon/server/modules/retention/schema.ts';
import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconHourglass } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/dates';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { CardHeading, Loading } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { type Retention, type RetentionView, useRetention, useSaveRetention } from './queries';

const fields = [
  'auditDays',
  'signInDays',
  'sessionDays',
  'importDays',
  'pairingMonths',
  'checkinMonths',
  'difficultyMonths',
  'joinRequestMonths',
] as const;
/** Periods counted in months, and from what. */
const monthsAfter: Partial<Record<(typeof fields)[number], string>> = {
  pairingMonths: 'months',
  checkinMonths: 'months',
  difficultyMonths: 'monthsAfterClosing',
  joinRequestMonths: 'monthsAfterAnswer',
};

/** The form on the saved periods (set again whenever they change), checked as the server checks them. */
function useRetentionForm(data: RetentionView | undefined) {
  const validate = useSchemaValidator(retentionBody);
  const form = useForm<Retention>({
    initialValues: {
      auditDays: 0,
      signInDays: 0,
      sessionDays: 0,
      importDays: 0,
      pairingMonths: 0,
      checkinMonths: 0,
      difficultyMonths: 0,
      joinRequestMonths: 0,
    },
    validate,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form is reset when the saved values change
  useEffect(() => {
    if (!data) return;
    const v = {
      auditDays: data.auditDays,
      signInDays: data.signInDays,
      sessionDays: data.sessionDays,
      importDays: data.importDays,
      pairingMonths: data.pairingMonths,
      checkinMonths: data.checkinMonths,
      difficultyMonths: data.difficultyMonths,
      joinRequestMonths: data.joinRequestMonths,
    };
    form.setValues(v);
    form.resetDirty(v);
  }, [data]);
  return form;
}

/** The organisation's retention periods, for its administrators: bounds shown and checked as the server does. */
export function RetentionCard({ orgId, timeZone }: { orgId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const current = useRetention(orgId);
  const save = useSaveRetention(orgId);
  const data = current.data;
  const form = useRetentionForm(data);

  return (
    <Card component="section" aria-labelledby="retention-title">
      <CardHeading
        icon={IconHourglass}
        id="retention-title"
        title={t('retention.title')}
        help={t('retention.help')}
      />
      {!data ? (
        <Loading />
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            save.mutate(v, {
              onSuccess: () => notifications.show({ color: 'sauge', message: t('retention.saved') }),
              onError: (e) => applyFieldErrors(form, e),
            }),
          )}
        >
          <Stack gap="md">
            {save.error && !(save.error as { fields?: unknown[] }).fields?.length && (
              <Alert color="red" variant="light" role="alert">
                {message(save.error)}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {fields.map((k) => (
                <RetentionField key={k} field={k} data={data} input={form.getInputProps(k)} />
              ))}
            </SimpleGrid>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="xs" c="dimmed">
                {data.updatedAt
                  ? t('retention.updatedAt', {
                      when: formatInstant(data.updatedAt, timeZone, i18n.language, true),
                    })
                  : t('retention.defaults')}
              </Text>
              <Button
                type="submit"
                loading={save.isPending}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              >
                {t('retention.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

/** One period, in days or months, with its bounds and default. */
function RetentionField({
  field: k,
  data,
  input,
}: {
  field: (typeof fields)[number];
  data: RetentionView;
  input: ReturnType<UseFormReturnType<Retention>['getInputProps']>;
}) {
  const { t } = useTranslation();
  const b = data.bounds[k];
  const bounds = monthsAfter[k] ?? 'days';
  const unit = bounds === 'days' ? 'days' : 'months';
  return (
    <NumberInput
      label={t(`retention.fields.${k}`)}
      description={t(`retention.bounds.${bounds}`, { min: b.min, max: b.max, def: data.defaults[k] })}
      min={b.min}
      max={b.max}
      step={1}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      rightSection={
        <Text size="xs" c="dimmed" pr="xs">
          {t(`retention.units.${unit}`)}
        </Text>
      }
      rightSectionWidth={70}
      {...input}
    />
  );
}
