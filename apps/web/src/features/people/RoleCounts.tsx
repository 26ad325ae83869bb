import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Programme, Role } from '../../app/types';
import { roleLabel } from '../../app/ui';
import classes from './people.module.css';

/** How many people hold each role in the programme, one card per role. */
export function RoleCounts({ programme, counts }: { programme: Programme; counts: Record<Role, number> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {(['tutor', 'tutee', 'coordinator', 'expert'] as Role[]).map((r) => (
        <Card key={r} padding="md" className={classes.stat}>
          <Text fz={26} fw={700} lh={1.1}>
            {counts[r]}
          </Text>
          <Text size="sm" c="dimmed">
            {roleLabel(t, r, programme.template, counts[r] !== 1)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
