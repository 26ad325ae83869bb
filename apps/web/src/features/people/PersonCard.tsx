import { Avatar, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { initials } from '../../app/initials';
import type { Person, Role } from '../../app/types';
import { RoleBadge } from '../../app/ui';
import { ContactLinks } from './ContactLinks';
import { PersonDetails } from './PersonDetails';

/** A person the viewer works with directly: who they are, how to reach them, where they are this period. */
export function PersonCard({
  person,
  template,
  headingLevel = 3,
  footer,
}: {
  person: Person;
  template: string;
  headingLevel?: 2 | 3 | 4;
  footer?: ReactNode;
}) {
  const roles = [...new Set(person.memberships.map((m) => m.role))] as Role[];
  return (
    <Card component="article" aria-label={person.name}>
      <Stack gap="md">
        <Group wrap="nowrap" align="flex-start" gap="md">
          <Avatar color="sauge" radius="xl" size={48}>
            {initials(person.name)}
          </Avatar>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={headingLevel} fz="lg" className="break-anywhere">
              {person.name}
            </Title>
            <Group gap={6}>
              {roles.map((r) => (
                <RoleBadge key={r} role={r} template={template} />
              ))}
            </Group>
          </Stack>
        </Group>
        <ContactLinks person={person} size="md" />
        <PersonDetails person={person} compact />
        {footer && <Text size="sm">{footer}</Text>}
      </Stack>
    </Card>
  );
}
