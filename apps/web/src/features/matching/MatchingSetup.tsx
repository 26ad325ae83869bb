import { Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSparkles } from '@tabler/icons-react';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useDates } from '../../app/dates';
import { useProgrammeContext } from '../programmes/context';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { type Mode, modes, type Overview } from './types';

dayjs.extend(utc);
dayjs.extend(timezone);

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
  /** Opens the round with its deadline, an instant: the field is read on the organisation's clock. */
  onOpenRound: (deadline: string) => void;
  opening: boolean;
}) {
  const { t } = useProgrammeTranslation();
  const choiceMode = mode === 'tutee-choice' || mode === 'tutor-choice';
  const round = o.round?.status === 'open' ? o.round : null;
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="xl">
          {t('matching.setup.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('matching.setup.cohort', {
            tuteeCount: o.unpaired.length + (o.draft?.proposals.length ?? 0),
            tutorCount: o.tutors.length,
            placeCount: o.tutors.reduce((s, x) => s + Math.max(0, x.capacity - x.live), 0),
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
            {round ? (
              <OpenRound round={round} onCloseRound={onCloseRound} closing={closing} />
            ) : (
              <NewRound
                deadline={deadline}
                onDeadline={onDeadline}
                onOpenRound={onOpenRound}
                opening={opening}
              />
            )}
          </Card>
        )}
      </Stack>
    </Card>
  );
}

/** The programme's dates, on the organisation's clock. */
function useOrganisationDates() {
  const { organisation } = useProgrammeContext();
  return useDates(organisation?.id);
}

/** The open round: how many have ranked, and closing it (confirmed when before its deadline). */
function OpenRound({
  round,
  onCloseRound,
  closing,
}: {
  round: NonNullable<Overview['round']>;
  onCloseRound: () => void;
  closing: boolean;
}) {
  const { t } = useProgrammeTranslation();
  const dates = useOrganisationDates();
  const [confirming, confirm] = useDisclosure(false);
  // Closing before the announced deadline takes the choice away from those still to rank: ask first.
  const early = new Date(round.deadline) > new Date();
  const closeNow = () => {
    confirm.close();
    onCloseRound();
  };
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('matching.round.open', {
          ranked: round.ranked,
          eligible: round.eligible,
          deadline: dates.instant(round.deadline, true),
        })}
      </Text>
      <Group>
        <Button
          onClick={early ? confirm.open : onCloseRound}
          loading={closing}
          leftSection={<IconSparkles size={18} aria-hidden />}
        >
          {t('matching.round.close')}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={confirm.close} title={t('matching.round.early.title')}>
        <Stack gap="md">
          <Text size="sm">
            {t('matching.round.early.body', {
              count: round.eligible - round.ranked,
              deadline: dates.instant(round.deadline, true),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('matching.round.early.wait')}
            </Button>
            <Button onClick={closeNow}>{t('matching.round.early.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** A choice round to open: its deadline, typed on the organisation's clock. */
function NewRound({
  deadline,
  onDeadline,
  onOpenRound,
  opening,
}: {
  deadline: string;
  onDeadline: (deadline: string) => void;
  onOpenRound: (deadline: string) => void;
  opening: boolean;
}) {
  const { t } = useProgrammeTranslation();
  const dates = useOrganisationDates();
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        type="datetime-local"
        label={t('matching.round.deadline')}
        value={deadline}
        onChange={(e) => onDeadline(e.currentTarget.value)}
      />
      <Button
        variant="light"
        disabled={!deadline}
        onClick={() => onOpenRound(dayjs.tz(deadline, dates.timeZone).toISOString())}
        loading={opening}
      >
        {t('matching.round.openButton')}
      </Button>
    </Group>
  );
}
