import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { ExpectationsEditor } from './ExpectationsEditor';
import { QuotaEditor } from './QuotaEditor';
import { type Framework, useFramework, useSaveFramework } from './queries';

/**
 * The framework the programme follows, as the department sets it: the pace of reviews and
 * reminders, how many traces of each kind each phase expects, and what each phase expects of
 * each competency.
 */
export function FrameworkEditor({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const query = useFramework(programmeId);
  const save = useSaveFramework(programmeId);
  const [f, setF] = useState<Framework | null>(null);
  const server = query.data?.framework;
  useEffect(() => {
    if (server) setF(server);
  }, [server]);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data || !f) return <Loading />;
  const editable = query.data.editable;
  const dirty = JSON.stringify(f) !== JSON.stringify(server);
  return (
    <Stack gap="lg" component="section" aria-labelledby="framework-title">
      <Stack gap={2}>
        <Title order={2} fz={22} id="framework-title">
          {t('portfolio.framework.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {editable ? t('portfolio.framework.help') : t('portfolio.framework.readOnly')}
        </Text>
      </Stack>
      <PaceCard f={f} onChange={setF} disabled={!editable} />
      <QuotaEditor f={f} onChange={setF} disabled={!editable} />
      <ExpectationsEditor f={f} onChange={setF} disabled={!editable} />
      {editable && (
        <SaveBar
          dirty={dirty}
          error={save.error}
          saving={save.isPending}
          onReset={() => server && setF(server)}
          onSave={() =>
            save.mutate(f, {
              onSuccess: () => notifications.show({ color: 'sauge', message: t('portfolio.framework.done') }),
            })
          }
        />
      )}
    </Stack>
  );
}

type PaceKey = 'weeklyReviewCap' | 'nudgeDaysBefore' | 'reviewLinkDays';

/** The weekly cap of reviews, the reminder before a due date, how long a review link lasts. */
function PaceCard({
  f,
  onChange,
  disabled,
}: {
  f: Framework;
  onChange: (f: Framework) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const number = (key: PaceKey) => ({
    value: f[key],
    onChange: (v: string | number) => onChange({ ...f, [key]: typeof v === 'number' ? v : Number(v) || 0 }),
    disabled,
  });
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="framework-pace">
      <Title order={3} fz={17} id="framework-pace" mb="sm">
        {t('portfolio.framework.pace')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <NumberInput
          label={t('portfolio.framework.cap')}
          description={t('portfolio.framework.capHelp')}
          min={1}
          max={20}
          {...number('weeklyReviewCap')}
        />
        <NumberInput
          label={t('portfolio.framework.nudge')}
          description={t('portfolio.framework.nudgeHelp')}
          min={1}
          max={30}
          {...number('nudgeDaysBefore')}
        />
        <NumberInput
          label={t('portfolio.framework.linkDays')}
          description={t('portfolio.framework.linkDaysHelp')}
          min={3}
          max={60}
          {...number('reviewLinkDays')}
        />
      </SimpleGrid>
    </Card>
  );
}

function SaveBar({
  dirty,
  error,
  saving,
  onReset,
  onSave,
}: {
  dirty: boolean;
  error: unknown;
  saving: boolean;
  onReset: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      radius="md"
      p="sm"
      pos="sticky"
      bottom={8}
      style={{ zIndex: 5 }}
      shadow={dirty ? 'md' : undefined}
    >
      <Stack gap="xs">
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" c="dimmed" role="status">
            {dirty ? t('portfolio.framework.unsaved') : t('portfolio.framework.saved')}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={!dirty || saving} onClick={onReset}>
              {t('portfolio.framework.reset')}
            </Button>
            <Button
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              disabled={!dirty}
              loading={saving}
              onClick={onSave}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
