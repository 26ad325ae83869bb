import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type Expectation, type Level, levels, type TraceRef, type TraceView, useValidate } from './queries';

/**
 * Validation: the competencies the trace shows, each at a level, next to what the resident's phase
 * expects of it — only that phase's expectations, so the grid stays short.
 */
export function ValidateForm({
  v,
  traceRef,
  onDone,
}: {
  v: TraceView;
  traceRef: TraceRef;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Map<string, Level>>(
    () => new Map(v.trace.competencies.map((c) => [c.id, c.level])),
  );
  const [body, setBody] = useState('');
  const validate = useValidate(traceRef, { onSuccess: onDone });
  const toggle = (e: Expectation, on: boolean) =>
    setChosen((m) => {
      const next = new Map(m);
      if (on) next.set(e.competencyId, e.level);
      else next.delete(e.competencyId);
      return next;
    });
  const setLevel = (id: string, level: Level) => setChosen((m) => new Map(m).set(id, level));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        validate.mutate({
          body: body.trim() || undefined,
          competencies: [...chosen].map(([id, level]) => ({ id, level })),
        });
      }}
    >
      <Stack gap="md">
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} size="sm" mb={4}>
            {t('portfolio.validate.competencies')}
          </Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t('portfolio.validate.competenciesHelp')}
          </Text>
          <Stack gap="xs">
            {v.expectations.map((e) => (
              <CompetencyChoice
                key={e.competencyId}
                e={e}
                level={chosen.get(e.competencyId) ?? null}
                onToggle={(on) => toggle(e, on)}
                onLevel={(l) => setLevel(e.competencyId, l)}
              />
            ))}
          </Stack>
        </fieldset>
        <Textarea
          label={t('portfolio.validate.body', { name: v.resident.name })}
          autosize
          minRows={3}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        {validate.error && <ErrorAlert error={validate.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={validate.isPending}>
            {t('portfolio.validate.send', { count: chosen.size })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CompetencyChoice({
  e,
  level,
  onToggle,
  onLevel,
}: {
  e: Expectation;
  level: Level | null;
  onToggle: (on: boolean) => void;
  onLevel: (l: Level) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" bg={level ? 'sauge.0' : undefined}>
      <Checkbox
        label={e.label}
        checked={level !== null}
        onChange={(ev) => onToggle(ev.currentTarget.checked)}
        description={
          <Stack gap={2} component="span" mt={2}>
            <Group gap={6} component="span">
              <Badge size="xs" variant="light" color="gray" tt="none" component="span">
                {t('portfolio.validate.expected', { level: t(`portfolio.level.${e.level}`) })}
              </Badge>
            </Group>
            {e.text && <span>{e.text}</span>}
          </Stack>
        }
      />
      {level && (
        <Stack gap={4} mt="xs" ml={32}>
          <Text size="xs" fw={500} aria-hidden>
            {t('portfolio.validate.level')}
          </Text>
          <SegmentedControl
            size="xs"
            fullWidth
            value={level}
            onChange={(l) => onLevel(l as Level)}
            data={levels.map((l) => ({ value: l, label: t(`portfolio.level.${l}`) }))}
            aria-label={t('portfolio.validate.levelFor', { name: e.label })}
          />
        </Stack>
      )}
    </Paper>
  );
}
