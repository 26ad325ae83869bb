import { sortByName } from '@compagnon/server/domain/collate.ts';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../app/ui';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { useAddConstraint, useRemoveConstraint } from './queries';
import type { Overview } from './types';

type Kind = 'conflict' | 'knows';

/**
 * Conflicts of interest (never paired, whatever the mode) and "they already know each other"
 * wishes, declared by the coordinator: a form, the list, and removal.
 */
export function Constraints({ programmeId, o }: { programmeId: string; o: Overview }) {
  const { t } = useProgrammeTranslation();
  const form = useConstraintForm(programmeId);
  const remove = useRemoveConstraint(programmeId);
  return (
    <Card withBorder radius="md" p="md" data-testid="constraints">
      <Title order={2} fz="xl" mb={4}>
        {t('matching.constraints.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('matching.constraints.help')}
      </Text>
      {form.add.error ? <ErrorAlert error={form.add.error} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <ConstraintForm o={o} form={form} />
      <Title order={3} fz="md" mt="md" mb="xs">
        {t('matching.constraints.list', { count: o.constraints.length })}
      </Title>
      {o.constraints.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('matching.constraints.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {o.constraints.map((c) => (
            <ConstraintItem
              key={c.id}
              c={c}
              removing={remove.isPending && remove.variables === c.id}
              onRemove={() => remove.mutate(c.id)}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** The new constraint being typed, emptied once it is added. */
function useConstraintForm(programmeId: string) {
  const [tutorId, setTutorId] = useState('');
  const [tuteeId, setTuteeId] = useState('');
  const [kind, setKind] = useState<Kind>('conflict');
  const [reason, setReason] = useState('');
  const [added, setAdded] = useState(false);
  const add = useAddConstraint(programmeId, {
    onSuccess: () => {
      setTutorId('');
      setTuteeId('');
      setReason('');
      setAdded(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    add.mutate({ tutorId, tuteeId, kind, reason: reason.trim() || null });
  };
  return { tutorId, setTutorId, tuteeId, setTuteeId, kind, setKind, reason, setReason, added, add, submit };
}

/** Every tutee of the programme, by name: waiting, in the draft, or already paired. */
function allTutees(o: Overview) {
  const tutees = new Map<string, string>();
  for (const u of o.unpaired) tutees.set(u.userId, u.name);
  for (const p of o.draft?.proposals ?? []) tutees.set(p.tuteeId, p.tuteeName);
  for (const p of o.pairings) tutees.set(p.tuteeId, p.tuteeName);
  return sortByName([...tutees.entries()], (e) => e[1]);
}

function ConstraintForm({ o, form: f }: { o: Overview; form: ReturnType<typeof useConstraintForm> }) {
  const { t } = useProgrammeTranslation();
  const needsReason = f.kind === 'conflict' && f.reason.trim().length < 3;
  return (
    <form onSubmit={f.submit} aria-label={t('matching.constraints.form')}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
          <NativeSelect
            label={t('matching.constraints.tutor')}
            value={f.tutorId}
            onChange={(e) => f.setTutorId(e.currentTarget.value)}
            data={[
              { value: '', label: t('matching.constraints.choose') },
              ...o.tutors.map((x) => ({ value: x.userId, label: x.name })),
            ]}
          />
          <NativeSelect
            label={t('matching.constraints.tutee')}
            value={f.tuteeId}
            onChange={(e) => f.setTuteeId(e.currentTarget.value)}
            data={[
              { value: '', label: t('matching.constraints.choose') },
              ...allTutees(o).map(([value, label]) => ({ value, label })),
            ]}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
          <NativeSelect
            label={t('matching.constraints.kind')}
            value={f.kind}
            onChange={(e) => f.setKind(e.currentTarget.value as Kind)}
            data={[
              { value: 'conflict', label: t('matching.constraints.conflict') },
              { value: 'knows', label: t('matching.constraints.knows') },
            ]}
          />
          <TextInput
            label={t('matching.constraints.reason')}
            description={f.kind === 'conflict' ? t('matching.constraints.reasonHelp') : undefined}
            value={f.reason}
            onChange={(e) => f.setReason(e.currentTarget.value)}
            maxLength={300}
            required={f.kind === 'conflict'}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" disabled={!f.tutorId || !f.tuteeId || needsReason} loading={f.add.isPending}>
            {t('matching.constraints.add')}
          </Button>
          {f.added && (
            <Text size="sm" c="sauge.9" role="status">
              {t('matching.constraints.added')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function ConstraintItem({
  c,
  removing,
  onRemove,
}: {
  c: Overview['constraints'][number];
  removing: boolean;
  onRemove: () => void;
}) {
  const { t } = useProgrammeTranslation();
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="xs" data-testid="constraint">
      <div style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Badge color={c.kind === 'conflict' ? 'red' : 'sauge'} variant="light" tt="none">
            {t(`matching.constraints.${c.kind}`)}
          </Badge>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {c.tutorName} — {c.tuteeName}
          </Text>
        </Group>
        {c.reason && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {c.reason}
          </Text>
        )}
      </div>
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={onRemove}
        loading={removing}
        aria-label={t('matching.constraints.remove', { tutor: c.tutorName, tutee: c.tuteeName })}
      >
        <IconTrash size={18} />
      </ActionIcon>
    </Group>
  );
}
