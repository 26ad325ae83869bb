import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** The bin beside an entry of an editable list (directory, guide, questions), named for what it removes. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" size="lg" aria-label={label} onClick={onClick}>
      <IconTrash size={18} />
    </ActionIcon>
  );
}
