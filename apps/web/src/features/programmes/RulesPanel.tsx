import { programmeRulesSchema } from '@compagnon/server/modules/programmes/templates.ts';
import { Alert, Fieldset, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import type { Programme } from '../../app/types';
import { useSchemaValidator } from '../../app/validation';
import { useTemplates } from '../orgs/queries';
import { CheckinSettingsCard } from '../wellbeing/CheckinSettingsCard';
import { useProgrammeContext } from './context';
import { useSaveRules } from './queries';
import { RulesForm } from './RulesForm';
import { RulesIntro } from './RulesIntro';
import { RulesSaveBar } from './RulesSaveBar';
import { num, toRules, toValues, type Values } from './rulesValues';

export function RulesPanel() {
  const { programme } = useProgrammeContext();
  return (
    <Stack gap="lg">
      <RulesEditor key={`${programme.id}-${JSON.stringify(programme.rules)}`} programme={programme} />
      {programme.rules.checkInEveryDays !== null && programme.actions.update && (
        <CheckinSettingsCard programmeId={programme.id} />
      )}
    </Stack>
  );
}

function RulesEditor({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const templates = useTemplates();
  const editable = programme.actions.update === true;
  const schemaErrors = useSchemaValidator(programmeRulesSchema, toRules);
  const form = useForm<Values>({
    initialValues: toValues(programme.rules),
    validate: (values) => {
      const errors = schemaErrors(values);
      const target = num(values.meetings.target);
      const minimum = num(values.meetings.minimum);
      if (!errors['meetings.minimum'] && target !== undefined && minimum !== undefined && minimum > target) {
        errors['meetings.minimum'] = t('rules.meetings.minimumAboveTarget');
      }
      return errors;
    },
  });
  const save = useSaveRules(programme.id, {
    onSuccess: () =>
      notifications.show({ color: 'sauge', title: t('rules.savedTitle'), message: t('rules.saved') }),
    onError: (e) => applyFieldErrors(form, e, (p) => p.replace(/^rules\./, '')),
  });
  const templateRules = templates.data?.find((x) => x.id === programme.template)?.rules;
  const fieldErrors = save.error instanceof ApiError && save.error.fields.length > 0;

  return (
    <form
      onSubmit={form.onSubmit(
        (values) => {
          const before = programme.rules.reportVisibility;
          const after = values.reportVisibility;
          const confidentiality = before.tutee !== after.tutee || before.coordinator !== after.coordinator;
          save.mutate(toRules(values), {
            onSuccess: () => {
              if (confidentiality)
                notifications.show({
                  color: 'sauge',
                  title: t('rules.confidentialityTitle'),
                  message: t('rules.confidentialitySaved'),
                });
            },
          });
        },
        () => notifications.show({ color: 'red', message: t('rules.fixErrors') }),
      )}
      noValidate
      aria-label={t('rules.formLabel')}
    >
      <Stack gap="lg">
        <RulesIntro
          programme={programme}
          editable={editable}
          onTemplateDefaults={templateRules && (() => form.setValues(toValues(templateRules)))}
        />
        {save.error && !fieldErrors && (
          <Alert color="red" variant="light" role="alert">
            {message(save.error)}
          </Alert>
        )}
        <Fieldset variant="unstyled" disabled={!editable} p={0} m={0}>
          <RulesForm programme={programme} form={form} />
        </Fieldset>
        {editable && (
          <RulesSaveBar dirty={form.isDirty()} saving={save.isPending} onDiscard={() => form.reset()} />
        )}
      </Stack>
    </form>
  );
}
