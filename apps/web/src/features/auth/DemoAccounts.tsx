import { Anchor, Button, Code, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconFlask } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';

// A few of the demo accounts the README lists, one per kind of person; all share one password.
export const DEMO_PASSWORD = 'demo-compagnon';
const DEMO_ACCOUNTS = [
  { role: 'coordinator', email: 'coordination@dmg.demo' },
  { role: 'tutor', email: 'tuteur1@dmg.demo' },
  { role: 'tutee', email: 'interne1@dmg.demo' },
  { role: 'mentor', email: 'mentor1@cpts.demo' },
] as const;

/** Shown when the demo organisations are present: a few of their accounts, filled in with one click. */
export function DemoAccounts({ onPick }: { onPick: (email: string) => void }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <Paper component="aside" aria-labelledby="demo-accounts-title" withBorder p="sm" bg="gray.0">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconFlask size={18} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text id="demo-accounts-title" size="sm" fw={600}>
            {t('auth.demo.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('auth.demo.summary')}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls="demo-accounts-list"
            style={{ alignSelf: 'flex-start' }}
          >
            <Group gap={4} wrap="nowrap" component="span">
              {opened ? t('auth.demo.hide') : t('auth.demo.show')}
              <IconChevronDown
                size={14}
                aria-hidden
                style={{ transform: opened ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
              />
            </Group>
          </Anchor>
          <Collapse expanded={opened} id="demo-accounts-list">
            <Stack gap="xs" pt="xs">
              <Text size="sm">
                <Trans
                  i18nKey="auth.demo.password"
                  values={{ password: DEMO_PASSWORD }}
                  components={{ code: <Code fz="sm" style={{ whiteSpace: 'nowrap' }} /> }}
                />
              </Text>
              <Text size="sm">{t('auth.demo.pick')}</Text>
              <Stack gap={6}>
                {DEMO_ACCOUNTS.map((a) => (
                  <Button
                    key={a.email}
                    variant="default"
                    h="auto"
                    py={5}
                    px="sm"
                    justify="flex-start"
                    fullWidth
                    onClick={() => onPick(a.email)}
                  >
                    <Stack gap={0} align="flex-start">
                      <Text size="sm" fw={600} inherit>
                        {t(`auth.demo.roles.${a.role}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.email}
                      </Text>
                    </Stack>
                  </Button>
                ))}
              </Stack>
              <Text size="xs" c="dimmed">
                {t('auth.demo.more')}
              </Text>
            </Stack>
          </Collapse>
        </Stack>
      </Group>
    </Paper>
  );
}
