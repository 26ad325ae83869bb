import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProgrammeContext } from '../programmes/context';
import { CharterEditor } from './CharterEditor';
import { WaitingPairs } from './WaitingPairs';

/** The programme's charter tab, for its coordination: the pairs whose charter waits, then the text. */
export function CharterPanel() {
  const { programme } = useProgrammeContext();
  const { t } = useTranslation();
  if (!programme.actions.archive) return <Alert color="gray">{t('agreements.panel.coordinationOnly')}</Alert>;
  return (
    <Stack gap="xl">
      <WaitingPairs programmeId={programme.id} />
      <CharterEditor programmeId={programme.id} />
    </Stack>
  );
}
