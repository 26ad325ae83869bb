import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { ErrorAlert } from '../../app/ui';
import { type NetworkView, useNewCode } from './queries';

/**
 * The join code, for the coordination of the member teams: kept only as its hash, it is shown once,
 * when the network is created or a new code made (which stops the old one).
 */
export function NetworkCode({ n, shown }: { n: NetworkView; shown?: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(shown);
  const renew = useNewCode(n.id, { onSuccess: (c) => setCode(c.code) });
  const { instant } = useDates(undefined);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="network-code">
      <Stack gap="sm">
        <Group gap="xs">
          <IconKey size={20} aria-hidden />
          <Title order={2} fz={18} id="network-code">
            {t('networks.code.title')}
          </Title>
        </Group>
        {code ? (
          <Alert variant="light" color="sauge">
            <Stack gap="xs">
              <Text size="sm">{t('networks.code.shown')}</Text>
              <Group gap="sm" wrap="wrap">
                <Code fz="lg" aria-label={t('networks.code.label')} data-testid="network-code">
                  {code}
                </Code>
                <CopyButton value={code}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('networks.code.copied') : t('networks.code.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {t('networks.code.hidden', { at: instant(n.codeChangedAt) })}
          </Text>
        )}
        {renew.error ? <ErrorAlert error={renew.error} /> : null}
        {n.actions.newCode && (
          <Group>
            <Button variant="default" loading={renew.isPending} onClick={() => renew.mutate()}>
              {t('networks.code.renew')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
