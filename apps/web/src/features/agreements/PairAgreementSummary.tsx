import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDates } from '../../app/dates';
import { waitingLine } from './CharterSignatures';
import { useAgreement } from './queries';

/**
 * On a person's own pair: the charter to sign together before starting (and on whom it waits), and
 * the term with the meetings held against the minimum — for the mentee as for the mentor.
 */
export function PairAgreementSummary({ pairingId }: { pairingId: string }) {
  const { t } = useTranslation();
  const q = useAgreement(pairingId);
  const v = q.data;
  const { calendar } = useDates(v?.programme.orgId);
  if (!v || (!v.charter && !v.term)) return null;
  const link = `/binomes/${pairingId}/charte`;
  return (
    <Stack gap={4} mt="sm" data-testid="pair-agreement">
      {v.charter && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconSignature size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <div>
            <Anchor component={Link} to={link} size="sm" fw={600}>
              {v.charter.complete ? t('agreements.summary.signed') : t('agreements.summary.toSign')}
            </Anchor>
            {!v.charter.complete && (
              <Text size="xs" c="dimmed">
                {waitingLine(t, v)}
              </Text>
            )}
          </div>
        </Group>
      )}
      {v.term && (
        <Text size="xs" c="dimmed">
          {t('agreements.summary.term', {
            count: v.term.meetings.held,
            minimum: v.term.meetings.minimum,
            end: calendar(v.term.endOn),
          })}{' '}
          {!v.charter && (
            <Anchor component={Link} to={link} size="xs">
              {t('agreements.summary.open')}
            </Anchor>
          )}
        </Text>
      )}
    </Stack>
  );
}
