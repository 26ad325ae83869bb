import { Accordion, Card, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Framework, type Level, levels } from './queries';

type Expectation = { level: Level; text: string };

/** What each phase expects of each competency: the level reached by its end, and what it looks like. */
export function ExpectationsEditor({
  f,
  onChange,
  disabled,
}: {
  f: Framework;
  onChange: (f: Framework) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const set = (competencyId: string, phaseId: string, patch: Partial<Expectation>) =>
    onChange({
      ...f,
      competencies: f.competencies.map((c) => {
        if (c.id !== competencyId) return c;
        const e = c.expectations[phaseId] ?? { level: 'novice' as const, text: '' };
        return { ...c, expectations: { ...c.expectations, [phaseId]: { ...e, ...patch } } };
      }),
    });
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="framework-expectations">
      <Title order={3} fz={17} id="framework-expectations" mb={4}>
        {t('portfolio.framework.expectations')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('portfolio.framework.expectationsHelp')}
      </Text>
      <Accordion variant="separated" multiple>
        {f.competencies.map((c) => (
          <Accordion.Item key={c.id} value={c.id}>
            <Accordion.Control>{c.label}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {f.phases.map((p) => {
                  const e = c.expectations[p.id] ?? { level: 'novice' as const, text: '' };
                  const where = `${c.label}, ${p.label}`;
                  return (
                    <Paper key={p.id} withBorder p="sm" radius="md">
                      <Text size="sm" fw={600} mb={6}>
                        {p.label}
                      </Text>
                      <Stack gap="xs">
                        <Select
                          label={t('portfolio.framework.level')}
                          aria-label={t('portfolio.framework.levelFor', { where })}
                          data={levels.map((l) => ({ value: l, label: t(`portfolio.level.${l}`) }))}
                          value={e.level}
                          onChange={(v) => v && set(c.id, p.id, { level: v as Level })}
                          allowDeselect={false}
                          disabled={disabled}
                          maw={260}
                        />
                        <Textarea
                          label={t('portfolio.framework.text')}
                          aria-label={t('portfolio.framework.textFor', { where })}
                          autosize
                          minRows={2}
                          maxLength={1000}
                          value={e.text}
                          onChange={(ev) => set(c.id, p.id, { text: ev.currentTarget.value })}
                          disabled={disabled}
                        />
                      </Stack>
                    </Paper>
                  );
                })}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}
