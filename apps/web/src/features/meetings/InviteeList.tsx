import { Checkbox, Group, Stack, Switch, Text } from '@mantine/core';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import type { ProgrammeMeetings } from './queries';

/** The people who may be invited, each ticked or not, and whether they must be there. */
export function InviteeList({
  candidates,
  invited,
  required,
  onInvite,
  onRequire,
}: {
  candidates: ProgrammeMeetings['candidates'];
  invited: Set<string>;
  required: Set<string>;
  onInvite: (id: string) => void;
  onRequire: (id: string) => void;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <>
      <Text fw={600} id="who-label">
        {t('meetings.new.who')}
      </Text>
      <Stack gap={6} role="group" aria-labelledby="who-label">
        {candidates.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Checkbox
              style={{ minWidth: 0, flex: 1 }}
              label={c.name}
              checked={invited.has(c.id)}
              onChange={() => onInvite(c.id)}
            />
            <Switch
              style={{ flexShrink: 0 }}
              size="xs"
              label={t('meetings.new.required')}
              checked={required.has(c.id)}
              disabled={!invited.has(c.id)}
              onChange={() => onRequire(c.id)}
            />
          </Group>
        ))}
      </Stack>
    </>
  );
}
