import {
  Anchor,
  Badge,
  Card,
  EmptyState,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowRight, IconInbox, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../app/session';
import type { Membership, Role } from '../../app/types';
import { DemoBadge, PageHeader, RoleBadge, usePageTitle } from '../../app/ui';
import { PendingInvitations } from '../invitations/PendingInvitations';
import { PortfolioHomeCard } from '../portfolio/PortfolioHomeCard';
import { isTemplateId, templateIcons } from '../programmes/templateInfo';
import { ReviewsHomeCard } from '../reviews/ReviewsHomeCard';
import { ThreadsCard } from '../threads/ThreadsCard';
import { WellbeingHomeCard } from '../wellbeing/WellbeingHomeCard';
import { NextUp } from './NextUp';
import classes from './orgs.module.css';

interface ProgrammeEntry {
  id: string;
  name: string;
  template: string;
  roles: Role[];
}

function groupProgrammes(memberships: Membership[], orgId: string): ProgrammeEntry[] {
  const out: ProgrammeEntry[] = [];
  for (const m of memberships) {
    if (m.organisation.id !== orgId) continue;
    const entry = out.find((p) => p.id === m.programme.id);
    if (entry) entry.roles.push(m.role);
    else
      out.push({
        id: m.programme.id,
        name: m.programme.name,
        template: m.programme.template,
        roles: [m.role],
      });
  }
  return out;
}

function ProgrammeLink({ p }: { p: ProgrammeEntry }) {
  const { t } = useTranslation();
  const Icon = isTemplateId(p.template) ? templateIcons[p.template] : templateIcons['des-tutoring'];
  return (
    <UnstyledButton component={Link} to={`/programmes/${p.id}`} className={classes.programmeLink}>
      <Group wrap="nowrap" gap="md" align="flex-start">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
          <Icon size={22} />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} className="break-anywhere">
            {p.name}
          </Text>
          <Text size="sm" c="dimmed">
            {isTemplateId(p.template) ? t(`templates.${p.template}.name`) : p.template}
          </Text>
          <Group gap={6}>
            {p.roles.map((r) => (
              <RoleBadge key={r} role={r} template={p.template} />
            ))}
          </Group>
        </Stack>
        <IconArrowRight size={18} aria-hidden className={classes.arrow} />
      </Group>
    </UnstyledButton>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  usePageTitle(t('home.title'));
  // "Dr Hélène Vasseur" is greeted "Dr Vasseur"; "Mehdi Lambert" is greeted "Mehdi".
  const title = /^(Dr|Pr)\.?\s+/i.exec(me.name)?.[1];
  const words = me.name.split(/\s+/);
  const hello = title ? `${title} ${words.at(-1)}` : (words[0] ?? me.name);

  return (
    <>
      <PageHeader title={t('home.hello', { name: hello })} description={t('home.intro')} />
      <PendingInvitations />
      <ReviewsHomeCard />
      <PortfolioHomeCard />
      <WellbeingHomeCard />
      <ThreadsCard />
      {me.organisations.length > 0 && <NextUp />}
      {me.organisations.length === 0 ? (
        <Card>
          <EmptyState
            icon={<IconInbox size={28} aria-hidden />}
            variant="light"
            title={t('home.noOrgTitle')}
            description={t('home.noOrgBody')}
          />
        </Card>
      ) : (
        <Stack gap="xl">
          {me.organisations.map((org) => {
            const programmes = groupProgrammes(me.memberships, org.id);
            return (
              <Card key={org.id} component="section" aria-labelledby={`org-${org.id}`}>
                <Group justify="space-between" align="flex-start" mb="md" gap="sm">
                  <Stack gap={6} style={{ minWidth: 0, flex: '1 1 240px' }}>
                    <Title order={2} fz={20} id={`org-${org.id}`} className="break-anywhere">
                      {org.name}
                    </Title>
                    <Group gap={6}>
                      {org.isDemo && <DemoBadge />}
                      {org.isAdmin && (
                        <Badge
                          variant="light"
                          color="grape"
                          leftSection={<IconShieldCheck size={12} aria-hidden />}
                          tt="none"
                        >
                          {t('home.admin')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  <Anchor component={Link} to={`/organisations/${org.id}`} fw={500} size="sm">
                    {t('home.openOrg')}
                  </Anchor>
                </Group>
                {programmes.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {org.isAdmin ? t('home.noProgrammeAdmin') : t('home.noProgramme')}
                  </Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    {programmes.map((p) => (
                      <ProgrammeLink key={p.id} p={p} />
                    ))}
                  </SimpleGrid>
                )}
              </Card>
            );
          })}
        </Stack>
      )}
    </>
  );
}
