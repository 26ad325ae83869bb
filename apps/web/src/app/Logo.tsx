import { Group, Text } from '@mantine/core';

/** Two figures side by side: one accompanies the other. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-sauge-7)" />
        <circle cx="12" cy="12" r="4" fill="#fff" />
        <circle cx="21" cy="15" r="3" fill="#bfe7e1" />
        <path d="M5 26c1-5 4-8 7-8s6 3 7 8" fill="#fff" />
        <path d="M16 26c.8-3.6 2.8-6 5-6s4.2 2.4 5 6" fill="#bfe7e1" />
      </svg>
      <Text component="span" fw={700} fz={19} c="sauge.9" style={{ letterSpacing: -0.2 }}>
        Compagnon
      </Text>
    </Group>
  );
}
