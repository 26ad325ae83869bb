import { Button, Card, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, usePageTitle } from '../../app/ui';
import { useVerify } from './queries';

/**
 * The public check of a signed charter: whoever holds its PDF types the code printed at its bottom
 * and reads back the programme, the version and its fingerprint, and who signed on which day.
 */
export function VerificationPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('agreements.verify.title'));
  const [code, setCode] = useState('');
  const verify = useVerify();
  const day = (d: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${d}T12:00:00Z`),
    );
  const r = verify.data;
  return (
    <Stack gap="md">
      <Title order={1} fz="xl">
        {t('agreements.verify.title')}
      </Title>
      <Text size="sm">{t('agreements.verify.intro')}</Text>
      <Stack
        gap="xs"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          verify.mutate(code);
        }}
      >
        <TextInput
          label={t('agreements.verify.code')}
          placeholder="XXXX-XXXX-XXXX"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoComplete="off"
          required
        />
        <Button type="submit" loading={verify.isPending} disabled={code.trim().length < 4}>
          {t('agreements.verify.submit')}
        </Button>
      </Stack>
      {verify.error && <ErrorAlert error={verify.error} />}
      {r && (
        <Card withBorder radius="md" p="md" data-testid="verification">
          <Stack gap={4}>
            <Text fw={600}>{t('agreements.verify.valid')}</Text>
            <Text size="sm">
              {t('agreements.verify.programme', { programme: r.programme, organisation: r.organisation })}
            </Text>
            <Text size="sm">{t('agreements.verify.version', { version: r.version })}</Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('agreements.hash', { hash: r.hash })}
            </Text>
            <List size="sm" mt="xs">
              {r.signatures.map((s) => (
                <List.Item key={s.party}>
                  {t('agreements.verify.signed', {
                    party: t(`agreements.party.${s.party}`),
                    name: s.name,
                    date: day(s.day),
                  })}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
