import { Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person, Programme } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { PortfolioLink } from '../portfolio/PortfolioNavLinks';
import { WriteLink } from '../threads/WriteLink';
import { TuteeWellbeing } from '../wellbeing/TuteeWellbeing';
import { AskExpertLink } from './AskExpertLink';
import { PersonCard } from './PersonCard';

/** A tutor's own tutees, each with a way to write and, where the programme asks, how they are doing. */
export function MyTutees({ programme, myTutees }: { programme: Programme; myTutees: Person[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="my-tutees">
      <Group justify="space-between" mb="md" align="baseline">
        <Title order={2} fz={20} id="my-tutees">
          {t('people.mine.tuteesTitle', {
            roles: roleLabel(t, 'tutee', programme.template, true).toLowerCase(),
          })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('people.mine.tuteesCount', { count: myTutees.length })}
        </Text>
      </Group>
      {myTutees.length === 0 ? (
        <Card>
          <EmptyState
            variant="light"
            icon={<IconUsers size={28} aria-hidden />}
            title={t('people.mine.noTuteesTitle')}
            description={t('people.mine.noTuteesBody')}
          />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {myTutees.map((p) => (
            <Stack key={p.userId} gap={6}>
              <PersonCard
                person={p}
                template={programme.template}
                footer={
                  <Group gap="xs">
                    <WriteLink person={p} programmeId={programme.id} />
                    {programme.rules.portfolioEnabled && (
                      <PortfolioLink programmeId={programme.id} resident={p} />
                    )}
                    {p.actions.consultExpert && <AskExpertLink programme={programme} person={p} />}
                  </Group>
                }
              />
              {programme.rules.checkInEveryDays !== null && (
                <TuteeWellbeing programmeId={programme.id} orgId={programme.orgId} tutee={p} />
              )}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}
