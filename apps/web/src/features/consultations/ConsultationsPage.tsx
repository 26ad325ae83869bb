import { Badge, Button, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconMessageQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useDates } from '../../app/dates';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { type ConsultationItem, useConsultations } from './queries';

/** Asked and received requests for an expert's advice in an organisation. */
export function ConsultationsPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('consultations.title'));
  const list = useConsultations(orgId);
  const data = list.data;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={t('consultations.title')}
        description={
          data && !data.actions.ask && data.received.length > 0
            ? t('consultations.introExpert')
            : t('consultations.intro')
        }
        actions={
          data?.actions.ask ? (
            <Button
              component={Link}
              to={`/organisations/${orgId}/avis-experts/nouvelle`}
              leftSection={<IconMessageQuestion size={18} aria-hidden />}
            >
              {t('consultations.ask')}
            </Button>
          ) : undefined
        }
      />
      {list.error && <ErrorAlert error={list.error} />}
      {!data && !list.error && <Loading />}
      {data && (
        <>
          {data.received.length > 0 && (
            <section aria-labelledby="consultations-received">
              <Title order={2} fz={20} mb="sm" id="consultations-received">
                {t('consultations.received')}
              </Title>
              <Items items={data.received} orgId={orgId} />
            </section>
          )}
          {(data.actions.ask || data.asked.length > 0 || data.received.length === 0) && (
            <section aria-labelledby="consultations-asked">
              <Title order={2} fz={20} mb="sm" id="consultations-asked">
                {t('consultations.asked')}
              </Title>
              {data.asked.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {data.actions.ask ? t('consultations.askedEmpty') : t('consultations.cannotAsk')}
                </Text>
              ) : (
                <Items items={data.asked} orgId={orgId} />
              )}
            </section>
          )}
        </>
      )}
    </Stack>
  );
}

function Items({ items, orgId }: { items: ConsultationItem[]; orgId: string }) {
  const { t } = useTranslation();
  const { instant } = useDates(orgId);
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((c) => (
        <li key={c.id}>
          <UnstyledButton component={Link} to={`/avis-experts/${c.id}`} w="100%">
            <Card withBorder radius="md" padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {c.standing === 'asker'
                        ? t('consultations.toExpert', { name: c.expert.name })
                        : t('consultations.fromAsker', { name: c.asker.name })}
                    </Text>
                    <Badge color={c.state === 'open' ? 'sauge' : 'gray'} variant="light" tt="none">
                      {t(`consultations.state.${c.state}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {[
                      c.programme.name,
                      instant(c.createdAt),
                      c.subject
                        ? t('consultations.about', { name: c.subject.name })
                        : c.anonymised
                          ? t('consultations.anonymised')
                          : null,
                      t('consultations.messages', { count: c.messages }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                <IconChevronRight size={18} aria-hidden style={{ flex: 'none' }} />
              </Group>
            </Card>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
