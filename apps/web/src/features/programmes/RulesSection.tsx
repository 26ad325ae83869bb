import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './programmes.module.css';

/** One card of the rules editor, titled, with its rows. */
export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const id = `rules-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Card component="section" aria-labelledby={id}>
      <Title order={2} fz={18} id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      <Stack gap={0} mt="sm">
        {children}
      </Stack>
    </Card>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <div className={classes.ruleRow}>{children}</div>;
}
