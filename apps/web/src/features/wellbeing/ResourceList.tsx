import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Directory } from './queries';

/** How a French number reads aloud: 0805232336 → 0 805 23 23 36; short numbers stay as they are. */
export function phoneLabel(phone: string): string {
  if (/^0[89]\d{8}$/.test(phone))
    return `${phone[0]} ${phone.slice(1, 4)} ${phone.slice(4, 6)} ${phone.slice(6, 8)} ${phone.slice(8)}`;
  if (/^0\d{9}$/.test(phone)) return phone.replace(/(\d{2})(?=\d)/g, '$1 ');
  return phone;
}

/** The organisation's help directory: each entry with a one-tap call and its hours. */
export function ResourceList({ resources }: { resources: Directory['resources'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {resources.map((r) => (
        <Paper key={r.id} component="li" withBorder radius="md" p="sm">
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{r.name}</Text>
              {r.confidential && (
                <Badge size="sm" variant="light" color="sauge" tt="none">
                  {t('wellbeing.help.confidential')}
                </Badge>
              )}
            </Group>
            <Text size="sm">{r.purpose}</Text>
            {r.hours && (
              <Text size="sm" c="dimmed">
                {r.hours}
              </Text>
            )}
            <Group gap="sm" wrap="wrap">
              {r.phone && (
                <Button
                  component="a"
                  href={`tel:${r.phone}`}
                  leftSection={<IconPhone size={16} aria-hidden />}
                  color="sauge"
                >
                  {t('wellbeing.help.call', { phone: phoneLabel(r.phone) })}
                </Button>
              )}
              {r.url && (
                <Anchor href={r.url} target="_blank" rel="noopener noreferrer" size="sm">
                  <Group gap={4} wrap="nowrap" component="span">
                    {t('wellbeing.help.website')}
                    <IconExternalLink size={14} aria-hidden />
                  </Group>
                </Anchor>
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
