import { createProgrammeBody } from '@compagnon/server/modules/programmes/schema.ts';
import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import type { TemplateId } from '../../app/types';
import { useSchemaValidator } from '../../app/validation';
import {
  CohortDateInputs,
  CohortKindSelect,
  type CohortValues,
  cohortBody,
  useDefaultCohortName,
} from '../programmes/CohortFields';
import { rulesSummary } from '../programmes/rulesText';
import { templateIcons, templateIds } from '../programmes/templateInfo';
import classes from './orgs.module.css';
import { type NewProgramme, useCreateProgramme, useTemplates } from './queries';

interface Values {
  template: TemplateId | '';
  name: string;
  withCohort: boolean;
  cohort: CohortValues;
}

const toBody = (v: Values): NewProgramme => ({
  name: v.name,
  template: v.template || undefined,
  cohort: v.withCohort ? cohortBody(v.cohort) : undefined,
});

/** The new programme's form, checked as the server checks it; created, its page opens. */
function useCreateProgrammeForm(orgId: string, onClose: () => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schemaErrors = useSchemaValidator(createProgrammeBody, toBody);
  const form = useForm<Values>({
    initialValues: {
      template: '',
      name: '',
      withCohort: true,
      cohort: { name: useDefaultCohortName(orgId), kind: 'academic-year', startsOn: null, endsOn: null },
    },
    validate: (v) => {
      const errors = schemaErrors(v);
      if (!v.template) errors.template = t('org.create.chooseTemplate');
      const c = v.cohort;
      if (v.withCohort && c.startsOn && c.endsOn && c.startsOn >= c.endsOn)
        errors['cohort.endsOn'] = t('validation.endAfterStart');
      return errors;
    },
  });
  const create = useCreateProgramme(orgId, {
    onSuccess: (p) => {
      form.reset();
      onClose();
      navigate(`/programmes/${p.id}`);
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return { form, create };
}

export function CreateProgrammeModal({
  orgId,
  opened,
  onClose,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const phone = useMediaQuery('(max-width: 48em)');
  const { form, create } = useCreateProgrammeForm(orgId, onClose);

  return (
    <Modal opened={opened} onClose={onClose} title={t('org.create.title')} size="xl" fullScreen={phone}>
      <form onSubmit={form.onSubmit((v) => create.mutate(toBody(v)))} noValidate>
        <Stack gap="lg">
          <TemplateChoice form={form} />
          <TextInput
            label={t('org.create.name')}
            description={t('org.create.nameHelp')}
            required
            {...form.getInputProps('name')}
          />
          <Checkbox
            label={t('org.create.withCohort')}
            description={t('org.create.withCohortHelp')}
            {...form.getInputProps('withCohort', { type: 'checkbox' })}
          />
          <Collapse expanded={form.getValues().withCohort}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('cohorts.name')} required {...form.getInputProps('cohort.name')} />
              <CohortKindSelect input={form.getInputProps('cohort.kind')} />
              <CohortDateInputs
                start={form.getInputProps('cohort.startsOn')}
                end={form.getInputProps('cohort.endsOn')}
              />
            </SimpleGrid>
          </Collapse>
          {create.error && !(create.error as { fields?: unknown[] }).fields?.length && (
            <Alert color="red" variant="light" role="alert">
              {message(create.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('org.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The programme kinds, each with what it is for and its rules in short; choosing one names the programme. */
function TemplateChoice({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const rulesOf = (id: TemplateId) => templates.data?.find((x) => x.id === id)?.rules;
  return (
    <Radio.Group
      label={t('org.create.template')}
      description={t('org.create.templateHelp')}
      required
      {...form.getInputProps('template')}
      onChange={(v) => {
        form.setFieldValue('template', v as TemplateId);
        if (!form.getValues().name) form.setFieldValue('name', t(`templates.${v}.name`));
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
        {templateIds.map((id) => {
          const Icon = templateIcons[id];
          const rules = rulesOf(id);
          return (
            <Radio.Card key={id} value={id} className={classes.templateCard}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
                  <Icon size={20} />
                </ThemeIcon>
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text fw={600}>{t(`templates.${id}.name`)}</Text>
                  <Text size="sm">{t(`templates.${id}.description`)}</Text>
                  {rules && (
                    <Text size="xs" c="dimmed">
                      {rulesSummary(t, rules).join(' · ')}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}
