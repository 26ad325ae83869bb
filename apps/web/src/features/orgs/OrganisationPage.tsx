import {
  Badge,
  Button,
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
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconClock, IconEye, IconPlus, IconSeeding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import type { OrganisationDetail, ProgrammeSummary, Role } from '../../app/types';
import {
  DemoBadge,
  DemoBanner,
  ErrorAlert,
  Loading,
  NotFound,
  PageHeader,
  RoleBadge,
  roleLabel,
  usePageTitle,
} from '../../app/ui';
import { RetentionCard } from '../audit/RetentionCard';
import { templateIcons } from '../programmes/templateInfo';
import { CreateProgrammeModal } from './CreateProgrammeModal';
import classes from './orgs.module.css';
import { useOrganisation } from './queries';

function ProgrammeCard({ p }: { p: ProgrammeSummary }) {
  const { t } = useTranslation();
  const Icon = templateIcons[p.template];
  const counts: { role: Role; n: number }[] = [
    { role: 'tutor', n: p.counts.tutors },
    { role: 'tutee', n: p.counts.tutees },
    { role: 'coordinator', n: p.counts.coordinators },
  ];
  return (
    <UnstyledButton component={Link} to={`/programmes/${p.id}`} className={classes.programmeLink}>
      <Stack gap="sm">
        <Group wrap="nowrap" gap="md" align="flex-start">
          <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
            <Icon size={22} />
          </ThemeIcon>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} fz="lg" className="break-anywhere">
              {p.name}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`templates.${p.template}.name`)}
            </Text>
          </Stack>
        </Group>
        <Group gap="lg">
          {counts.map(({ role, n }) => (
            <Text key={role} size="sm">
              <Text span fw={700}>
                {n}
              </Text>{' '}
              {roleLabel(t, role, p.template, n !== 1).toLowerCase()}
            </Text>
          ))}
        </Group>
        <Group gap={6}>
          {p.archived && (
            <Badge color="gray" variant="light" leftSection={<IconArchive size={12} aria-hidden />} tt="none">
              {t('org.archived')}
            </Badge>
          )}
          {p.myRoles.map((r) => (
            <RoleBadge key={r} role={r as Role} template={p.template} />
          ))}
        </Group>
      </Stack>
    </UnstyledButton>
  );
}

export function OrganisationPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const org = useOrganisation(orgId);
  const [creating, { open, close }] = useDisclosure(false);
  usePageTitle(org.data?.name);

  if (org.error instanceof ApiError && org.error.isNotFound) return <NotFound />;
  if (org.error) return <ErrorAlert error={org.error} />;
  if (!org.data) return <Loading />;
  const o = org.data;
  const active = o.programmes.filter((p) => !p.archived);
  const archived = o.programmes.filter((p) => p.archived);

  return (
    <>
      <PageHeader
        eyebrow={t(`org.kinds.${o.kind}`, { defaultValue: t('org.kinds.other') })}
        title={o.name}
        badges={
          <>
            {o.isDemo && <DemoBadge />}
            <Badge variant="light" color="gray" leftSection={<IconClock size={12} aria-hidden />} tt="none">
              {t('org.timeZone', { tz: o.timeZone })}
            </Badge>
          </>
        }
        actions={
          (o.actions.createProgramme || o.actions.viewAudit) && <OrganisationActions o={o} onCreate={open} />
        }
      />
      {o.isDemo && <DemoBanner />}
      <Stack gap="xl">
        <section aria-labelledby="programmes-title">
          <Title order={2} fz={20} mb="md" id="programmes-title">
            {t('org.programmes')}
          </Title>
          {active.length === 0 ? (
            <NoProgramme canCreate={!!o.actions.createProgramme} onCreate={open} />
          ) : (
            <ProgrammeGrid programmes={active} />
          )}
        </section>
        {archived.length > 0 && (
          <section aria-labelledby="archived-title">
            <Title order={2} fz={20} mb="md" id="archived-title">
              {t('org.archivedProgrammes')}
            </Title>
            <ProgrammeGrid programmes={archived} />
          </section>
        )}
        {o.actions.update && <RetentionCard orgId={o.id} timeZone={o.timeZone} />}
      </Stack>
      {o.actions.createProgramme && <CreateProgrammeModal orgId={o.id} opened={creating} onClose={close} />}
    </>
  );
}

/** The organisation's audit log and a new programme, for those who may. */
function OrganisationActions({ o, onCreate }: { o: OrganisationDetail; onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {o.actions.viewAudit && (
        <Button
          component={Link}
          to={`/organisations/${o.id}/journal`}
          variant="default"
          leftSection={<IconEye size={18} aria-hidden />}
        >
          {t('audit.open')}
        </Button>
      )}
      {o.actions.createProgramme && (
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onCreate}>
          {t('org.createProgramme')}
        </Button>
      )}
    </>
  );
}

function NoProgramme({ canCreate, onCreate }: { canCreate: boolean; onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <Card>
      <EmptyState
        variant="light"
        icon={<IconSeeding size={28} aria-hidden />}
        title={t('org.emptyTitle')}
        description={canCreate ? t('org.emptyBodyCreate') : t('org.emptyBody')}
      >
        {canCreate && (
          <EmptyState.Actions>
            <Button onClick={onCreate} leftSection={<IconPlus size={18} aria-hidden />}>
              {t('org.createProgramme')}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Card>
  );
}

function ProgrammeGrid({ programmes }: { programmes: ProgrammeSummary[] }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {programmes.map((p) => (
        <ProgrammeCard key={p.id} p={p} />
      ))}
    </SimpleGrid>
  );
}
