import { List, Modal, Text } from '@mantine/core';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { useHistory } from './queries';

/** The history of one pairing: shown to its tutor, its tutee and the coordinator. */
export function HistoryModal({ pairingId, onClose }: { pairingId: string | null; onClose: () => void }) {
  const { t } = useProgrammeTranslation();
  const history = useHistory(pairingId);
  return (
    <Modal opened={!!pairingId} onClose={onClose} title={t('matching.history.title')} centered>
      {history.error ? (
        <ErrorAlert error={history.error} />
      ) : !history.data ? (
        <Loading />
      ) : history.data.length === 0 ? (
        <Text c="dimmed">{t('matching.history.empty')}</Text>
      ) : (
        <List spacing="xs">
          {history.data.map((e) => (
            <List.Item key={`${e.at}-${e.kind}`}>
              <Text size="sm">
                <strong>
                  {new Date(e.at).toLocaleDateString('fr-FR', {
                    dateStyle: 'medium',
                    timeZone: 'Europe/Paris',
                  })}
                </strong>{' '}
                — {t(`matching.event.${e.kind}`, { defaultValue: e.kind })}
                {e.actorName ? ` (${e.actorName})` : ''}
                {e.reason && e.kind !== 'published' ? ` : ${e.reason}` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Modal>
  );
}
