import { Button, Card, Group, SimpleGrid, Slider, Text, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { type Weights, weightKeys } from './types';

/** How much each criterion counts, and the button that runs the matching with them. */
export function WeightsCard({
  weights,
  onWeights,
  canRun,
  onRun,
  running,
  rerun,
}: {
  weights: Weights;
  onWeights: (weights: Weights) => void;
  canRun: boolean;
  onRun: () => void;
  running: boolean;
  rerun: boolean;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <Card withBorder radius="md" p="md">
      <Title order={2} fz="xl" mb={4}>
        {t('matching.weights.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('matching.weights.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="lg">
        {weightKeys.map((k) => (
          <div key={k}>
            <Text size="sm" fw={500} aria-hidden>
              {t(`matching.weights.${k}`)}
            </Text>
            <Slider
              thumbLabel={t(`matching.weights.${k}`)}
              min={0}
              max={10}
              step={1}
              value={weights[k]}
              onChange={(v) => onWeights({ ...weights, [k]: v })}
              label={(v) =>
                t(
                  v === 0
                    ? 'matching.weights.off'
                    : v >= 8
                      ? 'matching.weights.decisive'
                      : 'matching.weights.value',
                  { v },
                )
              }
              marks={[{ value: 0 }, { value: 5 }, { value: 10 }]}
              mb="xs"
            />
          </div>
        ))}
      </SimpleGrid>
      <Group mt="md">
        {canRun ? (
          <Button onClick={onRun} loading={running} leftSection={<IconSparkles size={18} aria-hidden />}>
            {rerun ? t('matching.actions.rerun') : t('matching.actions.run')}
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}
