import { Alert, Button, Checkbox, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { ErrorAlert } from '../../app/ui';
import { type SynthesisView, useSignSynthesis } from './queries';
import { usePortfolioDates } from './words';

/** Who signed which version and when, who is still awaited, and the viewer's own signature. */
export function SynthesisSignatures({ v, onReloaded }: { v: SynthesisView; onReloaded: () => void }) {
  const { t } = useTranslation();
  const { instant } = usePortfolioDates(v.timeZone);
  const sides = [
    {
      side: 'tutor' as const,
      who: v.tutor?.name ?? t('portfolio.synthesis.theTutor'),
      sig: v.signatures.tutor,
    },
    { side: 'resident' as const, who: v.resident.name, sig: v.signatures.resident },
  ];
  return (
    <Stack gap="xs">
      <Title order={3} fz={17}>
        {t('portfolio.synthesis.signatures')}
      </Title>
      {!v.saved ? (
        <Text size="sm" c="dimmed">
          {t('portfolio.synthesis.notSavedYet')}
        </Text>
      ) : (
        <List spacing={4} size="sm" listStyleType="none" pl={0}>
          {sides.map(({ side, who, sig }) => (
            <List.Item
              key={side}
              icon={
                sig ? (
                  <IconCircleCheck size={18} color="var(--mantine-color-sauge-7)" aria-hidden />
                ) : (
                  <IconClock size={18} color="var(--mantine-color-ambre-7)" aria-hidden />
                )
              }
            >
              {sig
                ? t(`portfolio.synthesis.signedBy.${side}`, {
                    name: sig.name,
                    version: sig.version,
                    date: instant(sig.at, true),
                  })
                : t(`portfolio.synthesis.awaited.${side}`, { name: who, version: v.version })}
            </List.Item>
          ))}
        </List>
      )}
      {v.signedByBoth && (
        <Alert color="sauge" variant="light">
          {t('portfolio.synthesis.signedBothHelp')}
        </Alert>
      )}
      {/* A new version starts a blank signature: the consent is to the version shown. */}
      {v.can.sign && <SignForm key={v.version} v={v} onReloaded={onReloaded} />}
    </Stack>
  );
}

/** The viewer's signature: their full name typed and their consent, bound to the version shown. */
function SignForm({ v, onReloaded }: { v: SynthesisView; onReloaded: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const sign = useSignSynthesis(v.programme.id, v.resident.id, v.phase.id);
  const conflict = sign.error instanceof ApiError && sign.error.status === 409;
  return (
    <Stack
      gap="xs"
      maw={480}
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        sign.mutate(
          { name: name.trim(), consent, version: v.version },
          {
            onError: (err) => {
              if (err instanceof ApiError && err.status === 409) onReloaded();
            },
          },
        );
      }}
    >
      <Text size="sm">{t('portfolio.synthesis.signIntro', { version: v.version })}</Text>
      <TextInput
        label={t('portfolio.synthesis.typeName')}
        description={t('portfolio.synthesis.typeNameHelp')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        autoComplete="name"
        required
      />
      <Checkbox
        label={t('portfolio.synthesis.consent', { version: v.version })}
        checked={consent}
        onChange={(e) => setConsent(e.currentTarget.checked)}
      />
      <Group>
        <Button type="submit" disabled={!consent || name.trim().length < 2} loading={sign.isPending}>
          {t('portfolio.synthesis.sign', { version: v.version })}
        </Button>
      </Group>
      {sign.error && !conflict && <ErrorAlert error={sign.error} />}
    </Stack>
  );
}
