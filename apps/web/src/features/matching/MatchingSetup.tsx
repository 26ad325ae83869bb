import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Mode, modes, type Overview } from './types';

/** The cohort in numbers, the matching mode, and the choice round when the mode asks for one. */
export function MatchingSetup({
  o,
  mode,
  onMode,
  deadline,
  onDeadline,
  onCloseRound,
  closing,
  onOpenRound,
  opening,
}: {
  o: Overview;
  mode: Mode;
  onMode: (mode: Mode) => void;
  deadline: string;
  onDeadline: (deadline: string) => void;
  onCloseRound: () => void;
  closing: boolean;
  onOpenRound: () => void;
  opening: boolean;
}) {
  const { t } = useTranslation();
  const choiceMode = mode === 'tutee-choice' || mode === 'tutor-choice';
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="xl">
          {t('matching.setup.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('matching.setup.cohort', {
            tutees: o.unpaired.length + (o.draft?.proposals.length ?? 0),
            tutors: o.tutors.length,
            places: o.tutors.reduce((s, x) => s + Math.max(0, x.capacity - x.live), 0),
          })}
          {o.unit === 'group' ? ` ${t('matching.setup.groups', { size: o.groupSize })}` : ''}
        </Text>
        <NativeSelect
          label={t('matching.setup.mode')}
          value={mode}
          onChange={(e) => onMode(e.currentTarget.value as Mode)}
          data={modes.map((m) => ({ value: m, label: t(`matching.mode.${m}`) }))}
          description={t(`matching.modeHelp.${mode}`)}
          maw={520}
        />
        {choiceMode && (
          <Card withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)">
            {o.round?.status === 'open' ? (
              <Stack gap="xs">
                <Text size="sm">
                  {t('matching.round.open', {
                    ranked: o.round.ranked,
                    eligible: o.round.eligible,
                    deadline: new Date(o.round.deadline).toLocaleString('fr-FR', {
                      dateStyle: 'long',
                      timeStyle: 'short',
                      timeZone: 'Europe/Paris',
                    }),
                  })}
                </Text>
                <Group>
                  <Button
                    onClick={onCloseRound}
                    loading={closing}
                    leftSection={<IconSparkles size={18} aria-hidden />}
                  >
                    {t('matching.round.close')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  type="datetime-local"
                  label={t('matching.round.deadline')}
                  value={deadline}
                  onChange={(e) => onDeadline(e.currentTarget.value)}
                />
                <Button variant="light" disabled={!deadline} onClick={onOpenRound} loading={opening}>
                  {t('matching.round.openButton')}
                </Button>
              </Group>
            )}
          </Card>
        )}
      </Stack>
    </Card>
  );
}
