import { Button, SimpleGrid } from '@mantine/core';

/** One tap per choice, big enough for a thumb; the chosen one is filled and announced as pressed. */
export function ChoiceButtons({
  options,
  value,
  onChange,
  labelledBy,
  cols = 2,
}: {
  options: { value: string; label: string }[];
  value: string | undefined;
  onChange: (v: string) => void;
  labelledBy: string;
  cols?: number;
}) {
  return (
    <SimpleGrid
      cols={{ base: cols, sm: Math.max(cols, Math.min(options.length, 6)) }}
      spacing={6}
      role="group"
      aria-labelledby={labelledBy}
    >
      {options.map((o) => {
        const active = value === o.value;
        return (
          <Button
            key={o.value}
            h="auto"
            mih={44}
            py={6}
            px={6}
            variant={active ? 'filled' : 'light'}
            color="sauge"
            aria-pressed={active}
            onClick={() => onChange(o.value)}
            styles={{ label: { whiteSpace: 'normal', lineHeight: 1.2, textAlign: 'center' } }}
          >
            {o.label}
          </Button>
        );
      })}
    </SimpleGrid>
  );
}
