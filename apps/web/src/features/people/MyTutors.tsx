import { Card, EmptyState, SimpleGrid, Title } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person, Programme } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { WriteLink } from '../threads/WriteLink';
import { Expectations } from './Expectations';
import { PersonCard } from './PersonCard';

/** A tutee's own tutor (or tutors), with what the programme expects of them both. */
export function MyTutors({ programme, myTutors }: { programme: Programme; myTutors: Person[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="my-tutor">
      <Title order={2} fz={20} mb="md" id="my-tutor">
        {t('people.mine.tutorTitle', {
          count: Math.max(myTutors.length, 1),
          role: roleLabel(t, 'tutor', programme.template, myTutors.length > 1).toLowerCase(),
        })}
      </Title>
      {myTutors.length === 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card>
            <EmptyState
              variant="light"
              icon={<IconUserQuestion size={28} aria-hidden />}
              title={t('people.mine.noTutorTitle')}
              description={t('people.mine.noTutorBody')}
            />
          </Card>
          <Expectations programme={programme} />
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {myTutors.map((p) => (
            <PersonCard
              key={p.userId}
              person={p}
              template={programme.template}
              footer={<WriteLink person={p} programmeId={programme.id} />}
            />
          ))}
          <Expectations programme={programme} />
        </SimpleGrid>
      )}
    </section>
  );
}
