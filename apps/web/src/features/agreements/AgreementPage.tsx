import { Alert, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { TraceMarkdown } from '../portfolio/TraceMarkdown';
import { CharterSignatures, waitingLine } from './CharterSignatures';
import { PairActions } from './PairActions';
import { useAgreement } from './queries';
import { SignCharterForm } from './SignCharterForm';
import { TermCard } from './TermCard';

/**
 * A pair's agreement, for its two people and its coordination: what the charter waits for and on
 * whom, the text to read and sign, the term and its meetings, and what the viewer may do.
 */
export function AgreementPage() {
  const { pairingId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('agreements.title'));
  const q = useAgreement(pairingId);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const v = q.data;
  const c = v.charter;
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        eyebrow={v.programme.name}
        title={t('agreements.pairTitle', { tutor: v.tutor.name, tutee: v.tutee.name })}
        badges={
          c ? (
            <Badge color={c.complete ? 'sauge' : 'ambre'} variant="light" tt="none">
              {c.complete ? t('agreements.badge.signed') : t('agreements.badge.waiting')}
            </Badge>
          ) : undefined
        }
      />
      {c && (
        <Card withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('agreements.charterTitle', { version: c.version.number })}
            </Title>
            <Text size="sm" fw={600} data-testid="charter-waiting">
              {waitingLine(t, v)}
            </Text>
            {c.signedEarlier && (
              <Alert color="ambre" variant="light">
                {t('agreements.resignAsked', { earlier: c.signedEarlier.number, version: c.version.number })}
              </Alert>
            )}
            {!c.meetingsAllowed && (
              <Text size="sm" c="dimmed">
                {t('agreements.beforeMeeting')}
              </Text>
            )}
            <CharterSignatures v={v} charter={c} />
          </Stack>
        </Card>
      )}
      <TermCard v={v} />
      <PairActions v={v} />
      {c && (
        <Card withBorder radius="md" p="md" component="section" aria-labelledby="charter-text">
          <Title order={2} fz="lg" id="charter-text" mb="xs">
            {t('agreements.textTitle')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('agreements.hash', { hash: c.version.hash })}
          </Text>
          <TraceMarkdown text={c.version.body} />
          {v.can.sign && (
            <Card withBorder radius="md" p="md" mt="md" bg="var(--mantine-color-sauge-0)">
              <SignCharterForm v={v} />
            </Card>
          )}
        </Card>
      )}
    </Stack>
  );
}
