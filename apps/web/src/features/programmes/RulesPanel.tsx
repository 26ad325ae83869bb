import {
  defaultAlertThresholds,
  programmeRulesSchema,
} from '@compagnon/server/modules/programmes/templates.ts';
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconInfoCircle, IconLock, IconRestore } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import type { Programme, ProgrammeRules } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { useTemplates } from '../orgs/queries';
import { programmeKey, useProgrammeContext } from './context';
import classes from './programmes.module.css';

type Num = number | string;

/** The form edits the rules as they read on screen; switches stand for the rules that may be "none". */
interface Values {
  unit: 'pair' | 'group';
  groupSize: Num;
  tutorCapacity: { min: Num; max: Num };
  limitDuration: boolean;
  durationMonths: Num;
  meetings: { target: Num; minimum: Num; per: ProgrammeRules['meetings']['per'] };
  trackContact: boolean;
  contactEveryDays: Num;
  participation: { mode: ProgrammeRules['participation']['mode']; firstN: Num };
  matchingMode: ProgrammeRules['matchingMode'];
  charterRequired: boolean;
  portfolioEnabled: boolean;
  checkIns: boolean;
  checkInEveryDays: Num;
  reportVisibility: { tutee: boolean; coordinator: boolean };
  alerts: Record<AlertKey, Num>;
}

const alertKeys = [
  'stuckDays',
  'firstMeetingWeeks',
  'unreachableAttempts',
  'reportMissingDays',
  'escalateAfterDays',
] as const;
type AlertKey = (typeof alertKeys)[number];
/** Bounds and unit of each alert threshold, as the server's rules schema has them. */
const alertFields: Record<AlertKey, { min: number; max: number; unit: 'days' | 'weeks' | 'attempts' }> = {
  stuckDays: { min: 7, max: 365, unit: 'days' },
  firstMeetingWeeks: { min: 1, max: 52, unit: 'weeks' },
  unreachableAttempts: { min: 1, max: 20, unit: 'attempts' },
  reportMissingDays: { min: 1, max: 90, unit: 'days' },
  escalateAfterDays: { min: 1, max: 90, unit: 'days' },
};

const num = (v: Num): number | undefined =>
  v === '' || v === null || v === undefined ? undefined : Number(v);

export function toValues(r: ProgrammeRules): Values {
  return {
    unit: r.unit,
    groupSize: r.groupSize ?? 4,
    tutorCapacity: { ...r.tutorCapacity },
    limitDuration: r.durationMonths !== null,
    durationMonths: r.durationMonths ?? 12,
    meetings: { ...r.meetings },
    trackContact: r.contactEveryDays !== null,
    contactEveryDays: r.contactEveryDays ?? 90,
    participation: { mode: r.participation.mode, firstN: r.participation.firstN ?? 2 },
    matchingMode: r.matchingMode,
    charterRequired: r.charterRequired,
    portfolioEnabled: r.portfolioEnabled,
    checkIns: r.checkInEveryDays !== null,
    checkInEveryDays: r.checkInEveryDays ?? 60,
    reportVisibility: { ...r.reportVisibility },
    alerts: { ...defaultAlertThresholds, ...r.alerts },
  };
}

export function toRules(v: Values): unknown {
  return {
    unit: v.unit,
    groupSize: v.unit === 'group' ? num(v.groupSize) : null,
    tutorCapacity: { min: num(v.tutorCapacity.min), max: num(v.tutorCapacity.max) },
    durationMonths: v.limitDuration ? num(v.durationMonths) : null,
    meetings: { target: num(v.meetings.target), minimum: num(v.meetings.minimum), per: v.meetings.per },
    contactEveryDays: v.trackContact ? num(v.contactEveryDays) : null,
    participation: {
      mode: v.participation.mode,
      firstN: v.participation.mode === 'first-n' ? num(v.participation.firstN) : null,
    },
    matchingMode: v.matchingMode,
    charterRequired: v.charterRequired,
    portfolioEnabled: v.portfolioEnabled,
    checkInEveryDays: v.checkIns ? num(v.checkInEveryDays) : null,
    reportVisibility: v.reportVisibility,
    alerts: Object.fromEntries(alertKeys.map((k) => [k, num(v.alerts[k])])),
  };
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const id = `rules-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Card component="section" aria-labelledby={id}>
      <Title order={2} fz={18} id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      <Stack gap={0} mt="sm">
        {children}
      </Stack>
    </Card>
  );
}

function Row({ children }: { children: ReactNode }) {
  return <div className={classes.ruleRow}>{children}</div>;
}

function RulesForm({ programme, form }: { programme: Programme; form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const v = form.getValues();
  const tutor = roleLabel(t, 'tutor', programme.template).toLowerCase();
  const tutee = roleLabel(t, 'tutee', programme.template).toLowerCase();
  const tutees = roleLabel(t, 'tutee', programme.template, true).toLowerCase();
  const tutors = roleLabel(t, 'tutor', programme.template, true).toLowerCase();
  const words = { tutor, tutors, tutee, tutees };
  const periods = (['month', 'quarter', 'semester', 'year', 'programme'] as const).map((p) => ({
    value: p,
    label: t(`rules.per.${p}`),
  }));

  return (
    <Stack gap="lg">
      <Section title={t('rules.sections.who')} description={t('rules.sections.whoHelp', words)}>
        <Row>
          <Radio.Group label={t('rules.unit.label')} {...form.getInputProps('unit')}>
            <Stack gap="sm" mt="xs">
              <Radio
                value="pair"
                label={t('rules.unit.pair')}
                description={t('rules.unit.pairHelp', words)}
              />
              <Radio
                value="group"
                label={t('rules.unit.group')}
                description={t('rules.unit.groupHelp', words)}
              />
            </Stack>
          </Radio.Group>
          {v.unit === 'group' && (
            <NumberInput
              mt="md"
              maw={260}
              label={t('rules.groupSize.label')}
              description={t('rules.groupSize.help', words)}
              min={2}
              max={30}
              allowDecimal={false}
              {...form.getInputProps('groupSize')}
            />
          )}
        </Row>
        <Row>
          <Text fw={500} size="sm">
            {t('rules.capacity.label', words)}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('rules.capacity.help', words)}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} maw={420}>
            <NumberInput
              label={t('rules.capacity.min')}
              min={0}
              max={100}
              allowDecimal={false}
              {...form.getInputProps('tutorCapacity.min')}
            />
            <NumberInput
              label={t('rules.capacity.max')}
              min={1}
              max={100}
              allowDecimal={false}
              {...form.getInputProps('tutorCapacity.max')}
            />
          </SimpleGrid>
        </Row>
        <Row>
          <Radio.Group
            label={t('rules.matching.label')}
            description={t('rules.matching.help')}
            {...form.getInputProps('matchingMode')}
          >
            <Stack gap="sm" mt="xs">
              {(['optimal', 'tutee-choice', 'tutor-choice', 'manual'] as const).map((m) => (
                <Radio
                  key={m}
                  value={m}
                  label={t(`rules.matching.${m}`, words)}
                  description={t(`rules.matching.${m}Help`, words)}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Row>
      </Section>

      <Section title={t('rules.sections.rhythm')} description={t('rules.sections.rhythmHelp')}>
        <Row>
          <Switch
            label={t('rules.duration.switch')}
            description={v.limitDuration ? t('rules.duration.limited') : t('rules.duration.open')}
            {...form.getInputProps('limitDuration', { type: 'checkbox' })}
          />
          {v.limitDuration && (
            <NumberInput
              mt="sm"
              maw={260}
              label={t('rules.duration.label')}
              suffix={` ${t('rules.duration.unit')}`}
              min={1}
              max={120}
              allowDecimal={false}
              {...form.getInputProps('durationMonths')}
            />
          )}
        </Row>
        <Row>
          <Text fw={500} size="sm">
            {t('rules.meetings.label')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('rules.meetings.help', words)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('rules.meetings.target')}
              min={0}
              max={100}
              allowDecimal={false}
              {...form.getInputProps('meetings.target')}
            />
            <NumberInput
              label={t('rules.meetings.minimum')}
              min={0}
              max={100}
              allowDecimal={false}
              {...form.getInputProps('meetings.minimum')}
            />
            <Select
              label={t('rules.meetings.per')}
              data={periods}
              allowDeselect={false}
              {...form.getInputProps('meetings.per')}
            />
          </SimpleGrid>
        </Row>
        <Row>
          <Switch
            label={t('rules.contact.switch')}
            description={t('rules.contact.help', words)}
            {...form.getInputProps('trackContact', { type: 'checkbox' })}
          />
          {v.trackContact && (
            <NumberInput
              mt="sm"
              maw={300}
              label={t('rules.contact.label')}
              suffix={` ${t('rules.days')}`}
              min={1}
              max={730}
              allowDecimal={false}
              {...form.getInputProps('contactEveryDays')}
            />
          )}
        </Row>
      </Section>

      <Section title={t('rules.sections.alerts')} description={t('rules.sections.alertsHelp', words)}>
        <Row>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {alertKeys.map((k) => (
              <NumberInput
                key={k}
                label={t(`rules.alerts.${k}`, words)}
                description={t(`rules.alerts.${k}Help`, words)}
                suffix={` ${t(`rules.alerts.unit.${alertFields[k].unit}`)}`}
                min={alertFields[k].min}
                max={alertFields[k].max}
                allowDecimal={false}
                {...form.getInputProps(`alerts.${k}`)}
              />
            ))}
          </SimpleGrid>
        </Row>
      </Section>

      <Section
        title={t('rules.sections.participation')}
        description={t('rules.sections.participationHelp', words)}
      >
        <Row>
          <Radio.Group
            label={t('rules.participation.label', words)}
            {...form.getInputProps('participation.mode')}
          >
            <Stack gap="sm" mt="xs">
              {(['compulsory', 'optional', 'first-n'] as const).map((m) => (
                <Radio
                  key={m}
                  value={m}
                  label={t(`rules.participation.${m}`)}
                  description={t(`rules.participation.${m}Help`, words)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {v.participation.mode === 'first-n' && (
            <NumberInput
              mt="md"
              maw={300}
              label={t('rules.participation.firstN')}
              min={1}
              max={50}
              allowDecimal={false}
              {...form.getInputProps('participation.firstN')}
            />
          )}
        </Row>
        <Row>
          <Switch
            label={t('rules.charter.label')}
            description={t('rules.charter.help', words)}
            {...form.getInputProps('charterRequired', { type: 'checkbox' })}
          />
        </Row>
      </Section>

      <Section title={t('rules.sections.followUp')} description={t('rules.sections.followUpHelp', words)}>
        <Row>
          <Switch
            label={t('rules.portfolio.label')}
            description={t('rules.portfolio.help', words)}
            {...form.getInputProps('portfolioEnabled', { type: 'checkbox' })}
          />
        </Row>
        <Row>
          <Switch
            label={t('rules.checkIn.switch')}
            description={t('rules.checkIn.help', words)}
            {...form.getInputProps('checkIns', { type: 'checkbox' })}
          />
          {v.checkIns && (
            <NumberInput
              mt="sm"
              maw={300}
              label={t('rules.checkIn.label')}
              suffix={` ${t('rules.days')}`}
              min={7}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('checkInEveryDays')}
            />
          )}
        </Row>
      </Section>

      <Section title={t('rules.sections.reports')} description={t('rules.sections.reportsHelp', words)}>
        <Row>
          <Switch
            label={t('rules.reports.tutee', words)}
            description={t('rules.reports.tuteeHelp', words)}
            {...form.getInputProps('reportVisibility.tutee', { type: 'checkbox' })}
          />
        </Row>
        <Row>
          <Switch
            label={t('rules.reports.coordinator')}
            description={t('rules.reports.coordinatorHelp')}
            {...form.getInputProps('reportVisibility.coordinator', { type: 'checkbox' })}
          />
        </Row>
      </Section>
    </Stack>
  );
}

export function RulesPanel() {
  const { programme } = useProgrammeContext();
  return <RulesEditor key={`${programme.id}-${JSON.stringify(programme.rules)}`} programme={programme} />;
}

function RulesEditor({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
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
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.patch<Programme>(`/api/programmes/${programme.id}`, { rules: toRules(values) }),
    onSuccess: (fresh) => {
      qc.setQueryData(programmeKey(programme.id), fresh);
      notifications.show({ color: 'sauge', title: t('rules.savedTitle'), message: t('rules.saved') });
    },
    onError: (e) => applyFieldErrors(form, e, (p) => p.replace(/^rules\./, '')),
  });
  const templateRules = templates.data?.find((x) => x.id === programme.template)?.rules;
  const fieldErrors = save.error instanceof ApiError && save.error.fields.length > 0;

  return (
    <form
      onSubmit={form.onSubmit(
        (values) => save.mutate(values),
        () => notifications.show({ color: 'red', message: t('rules.fixErrors') }),
      )}
      noValidate
      aria-label={t('rules.formLabel')}
    >
      <Stack gap="lg">
        {editable ? (
          <Alert
            variant="light"
            color="sauge"
            icon={<IconInfoCircle aria-hidden />}
            title={t(`templates.${programme.template}.name`)}
          >
            <Text size="sm">{t(`templates.${programme.template}.description`)}</Text>
            <Text size="sm" mt="xs">
              {t('rules.intro')}
            </Text>
            {templateRules && (
              <Button
                mt="sm"
                size="xs"
                variant="white"
                leftSection={<IconRestore size={14} aria-hidden />}
                onClick={() => form.setValues(toValues(templateRules))}
              >
                {t('rules.templateDefaults')}
              </Button>
            )}
          </Alert>
        ) : (
          <Alert
            variant="light"
            color="gray"
            icon={<IconLock aria-hidden />}
            title={t('rules.readOnlyTitle')}
          >
            {t('rules.readOnly')}
          </Alert>
        )}
        {save.error && !fieldErrors && (
          <Alert color="red" variant="light" role="alert">
            {message(save.error)}
          </Alert>
        )}
        <Fieldset variant="unstyled" disabled={!editable} p={0} m={0}>
          <RulesForm programme={programme} form={form} />
        </Fieldset>
        {editable && (
          <Card className={classes.saveBar} padding="sm" data-dirty={form.isDirty() || undefined}>
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed" visibleFrom="sm" aria-live="polite">
                {form.isDirty() ? t('rules.unsaved') : t('rules.upToDate')}
              </Text>
              <Group gap="sm" grow={false} style={{ flex: '1 1 auto', justifyContent: 'flex-end' }}>
                {form.isDirty() && (
                  <Button variant="default" onClick={() => form.reset()}>
                    {t('rules.discard')}
                  </Button>
                )}
                <Button
                  type="submit"
                  loading={save.isPending}
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                >
                  {t('rules.save')}
                </Button>
              </Group>
            </Group>
          </Card>
        )}
      </Stack>
    </form>
  );
}
