import { Button, Paper, Stack } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { ErrorAlert } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { InviteeList } from './InviteeList';
import type { ProgrammeMeetings } from './queries';
import { type SearchRange, SearchRangeFields } from './SearchRange';

/** The slot finder's question: who, how long, when; and the button that asks it. */
export function SlotSearch({
  candidates,
  invited,
  required,
  onInvite,
  onRequire,
  range,
  onRange,
  onSearch,
  searching,
  error,
}: {
  candidates: ProgrammeMeetings['candidates'];
  invited: Set<string>;
  required: Set<string>;
  onInvite: (id: string) => void;
  onRequire: (id: string) => void;
  range: SearchRange;
  onRange: (next: SearchRange) => void;
  onSearch: () => void;
  searching: boolean;
  error: Error | null;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <InviteeList
          candidates={candidates}
          invited={invited}
          required={required}
          onInvite={onInvite}
          onRequire={onRequire}
        />
        <SearchRangeFields value={range} onChange={onRange} />
        <Button
          leftSection={<IconSearch size={16} aria-hidden />}
          onClick={onSearch}
          loading={searching}
          disabled={invited.size === 0}
          w="fit-content"
        >
          {t('meetings.new.search')}
        </Button>
        {error && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  );
}
