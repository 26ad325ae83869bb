import { skillItems } from '@compagnon/server/modules/feedback/schema.ts';
import { Card, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ratings } from './queries';

const levels = [1, 2, 3, 4] as const;

/** The tutoring skills, each rated on four levels with an optional note; last year's level beside. */
export function SkillGrid({
  value,
  onChange,
  previous,
  readOnly = false,
}: {
  value: Ratings;
  onChange?: (next: Ratings) => void;
  previous?: Ratings | null;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {skillItems.map((item) => {
        const r = value[item];
        const before = previous?.[item]?.level;
        const set = (patch: Partial<{ level: number | null; note: string }>) =>
          onChange?.({ ...value, [item]: { level: r?.level ?? null, note: r?.note ?? '', ...patch } });
        return (
          <Card key={item} withBorder radius="md" padding="sm" role="group" aria-labelledby={`skill-${item}`}>
            <Title order={3} fz="sm" id={`skill-${item}`}>
              {t(`feedback.skills.${item}`)}
            </Title>
            {readOnly ? (
              <Text size="sm" mt={4}>
                {r?.level ? t(`feedback.levels.${r.level}`) : t('feedback.notRated')}
                {r?.note ? ` — ${r.note}` : ''}
              </Text>
            ) : (
              <>
                <Radio.Group
                  value={r?.level ? String(r.level) : ''}
                  onChange={(v) => set({ level: Number(v) })}
                  mt={6}
                >
                  <SimpleGrid cols={{ base: 1, sm: 4 }} spacing={6} verticalSpacing={6}>
                    {levels.map((l) => (
                      <Radio key={l} value={String(l)} label={t(`feedback.levels.${l}`)} />
                    ))}
                  </SimpleGrid>
                </Radio.Group>
                <TextInput
                  mt={8}
                  size="xs"
                  label={t('feedback.note')}
                  maxLength={500}
                  value={r?.note ?? ''}
                  onChange={(e) => set({ note: e.currentTarget.value })}
                />
              </>
            )}
            {before && (
              <Text size="xs" c="dimmed" mt={6}>
                {t('feedback.lastYear', { level: t(`feedback.levels.${before}`) })}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
