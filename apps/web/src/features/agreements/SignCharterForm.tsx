import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { ErrorAlert } from '../../app/ui';
import { type AgreementView, useAgreement, useSignCharter } from './queries';

/** The viewer's signature: their full name typed and their explicit consent, bound to the version read. */
export function SignCharterForm({ v }: { v: AgreementView }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const reload = useAgreement(v.pairing.id);
  const sign = useSignCharter(v.pairing.id, {
    onSuccess: () => notifications.show({ color: 'sauge', message: t('agreements.sign.done') }),
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void reload.refetch();
    },
  });
  const version = v.charter?.version;
  if (!version || !v.can.signAs) return null;
  return (
    <Stack
      gap="xs"
      component="form"
      maw={480}
      data-testid="sign-charter"
      onSubmit={(e) => {
        e.preventDefault();
        sign.mutate({ name: name.trim(), consent, versionId: version.id });
      }}
    >
      <Text size="sm">
        {t(`agreements.sign.intro.${v.can.signAs}`, {
          version: version.number,
          organisation: v.programme.name,
        })}
      </Text>
      <TextInput
        label={t('agreements.sign.typeName')}
        description={t('agreements.sign.typeNameHelp')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        autoComplete="name"
        required
      />
      <Checkbox
        label={t('agreements.sign.consent', { version: version.number })}
        checked={consent}
        onChange={(e) => setConsent(e.currentTarget.checked)}
      />
      <Group>
        <Button type="submit" disabled={!consent || name.trim().length < 2} loading={sign.isPending}>
          {t('agreements.sign.submit')}
        </Button>
      </Group>
      {sign.error && <ErrorAlert error={sign.error} />}
    </Stack>
  );
}
