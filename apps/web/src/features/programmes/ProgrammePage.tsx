import { Anchor, Badge, Group, ScrollArea } from '@mantine/core';
import {
  IconActivityHeartbeat,
  IconArchive,
  IconBeach,
  IconCalendarEvent,
  IconFileImport,
  IconHeartHandshake,
  IconInbox,
  IconListCheck,
  IconNotebook,
  IconSchool,
  IconSignature,
  IconSpeakerphone,
  IconTimeline,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useSignedIn } from '../../app/session';
import type { Programme, Role } from '../../app/types';
import {
  DemoBadge,
  DemoBanner,
  ErrorAlert,
  Loading,
  NotFound,
  PageHeader,
  RoleBadge,
  usePageTitle,
} from '../../app/ui';
import type { ProgrammeContext } from './context';
import classes from './programmes.module.css';
import { useProgramme } from './queries';
import { useActiveTabInView } from './useActiveTabInView';

const TEAM_TEMPLATES = ['des-tutoring', 'peer-tutoring', 'tutor-peer-support'];

export function ProgrammePage() {
  const { programmeId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSignedIn();
  const programme = useProgramme(programmeId);
  const tabsRef = useRef<HTMLElement>(null);
  useActiveTabInView(tabsRef, !!programme.data);
  usePageTitle(programme.data?.name);

  if (programme.error instanceof ApiError && programme.error.isNotFound) return <NotFound />;
  if (programme.error) return <ErrorAlert error={programme.error} />;
  if (!programme.data) return <Loading />;
  const p = programme.data;
  const organisation = me.organisations.find((o) => o.id === p.orgId);
  const tabs = programmeTabs(p, t);
  const context: ProgrammeContext = { programme: p, organisation };

  return (
    <>
      <PageHeader
        eyebrow={
          organisation ? (
            <Anchor component={Link} to={`/organisations/${organisation.id}`} size="sm" c="dimmed" fw={500}>
              {organisation.name}
            </Anchor>
          ) : undefined
        }
        title={p.name}
        badges={
          <>
            <Badge variant="outline" color="sauge" tt="none">
              {t(`templates.${p.template}.name`)}
            </Badge>
            {p.myRoles.map((r) => (
              <RoleBadge key={r} role={r as Role} template={p.template} />
            ))}
            {p.archived && (
              <Badge
                color="gray"
                variant="light"
                leftSection={<IconArchive size={12} aria-hidden />}
                tt="none"
              >
                {t('org.archived')}
              </Badge>
            )}
            {organisation?.isDemo && <DemoBadge />}
          </>
        }
      />
      {organisation?.isDemo && <DemoBanner compact />}
      <ScrollArea type="never" mb="lg" className={classes.tabsWrap}>
        <nav aria-label={t('programme.tabs.label')} ref={tabsRef}>
          <Group gap={4} wrap="nowrap" className={classes.tabs}>
            {tabs.map(({ to, label, icon: Icon, end }) => (
              <NavLink key={to} to={to} end={end} className={classes.tab}>
                <Icon size={18} aria-hidden />
                <span>{label}</span>
              </NavLink>
            ))}
          </Group>
        </nav>
      </ScrollArea>
      <Outlet context={context} />
    </>
  );
}

/** The programme's sections; some only for those who manage it or when the programme uses them. */
function programmeTabs(
  p: Programme,
  t: TFunction,
): { to: string; label: string; icon: typeof IconUsers; end?: boolean }[] {
  const base = `/programmes/${p.id}`;
  // Tutor teams (features/teams): the first tab of a peer-support programme, whose groups are teams.
  const teams = TEAM_TEMPLATES.includes(p.template)
    ? [{ to: `${base}/equipes`, label: t('programme.tabs.teams'), icon: IconUsersGroup }]
    : [];
  const peer = p.template === 'tutor-peer-support';
  return [
    ...(peer ? teams : []),
    { to: base, label: t('programme.tabs.people'), icon: IconUsers, end: true },
    ...(peer ? [] : teams),
    { to: `${base}/rencontres`, label: t('programme.tabs.meetings'), icon: IconCalendarEvent },
    // Requests to join from the public page: the programme's coordination (and admins).
    ...(p.myRoles.includes('coordinator') || p.actions.archive
      ? [{ to: `${base}/demandes`, label: t('programme.tabs.requests'), icon: IconInbox }]
      : []),
    { to: `${base}/annonces`, label: t('announcements.tab'), icon: IconSpeakerphone },
    { to: `${base}/appariement`, label: t('programme.tabs.matching'), icon: IconHeartHandshake },
    // Training sessions: the programme's tutors and its coordination.
    ...(p.myRoles.includes('tutor') || p.myRoles.includes('coordinator') || p.actions.archive
      ? [{ to: `${base}/formations`, label: t('programme.tabs.training'), icon: IconSchool }]
      : []),
    { to: `${base}/suivi`, label: t('followup.tab'), icon: IconActivityHeartbeat },
    // Leave and replacement: tutors, the coordination, and tutees (whom to contact while their tutor is away).
    { to: `${base}/absences`, label: t('absences.tab'), icon: IconBeach },
    { to: `${base}/regles`, label: t('programme.tabs.rules'), icon: IconListCheck },
    { to: `${base}/cohortes`, label: t('programme.tabs.cohorts'), icon: IconTimeline },
    // The department's portfolio view: its coordinators and the organisation's admins (who may archive).
    ...(p.rules.portfolioEnabled && (p.myRoles.includes('coordinator') || p.actions.archive)
      ? [{ to: `${base}/portfolio`, label: t('programme.tabs.portfolio'), icon: IconNotebook }]
      : []),
    // The charter and the pairs whose charter waits: the programme's managers, where the rules ask for one.
    ...(p.rules.charterRequired && p.actions.archive
      ? [{ to: `${base}/charte`, label: t('programme.tabs.charter'), icon: IconSignature }]
      : []),
    ...(p.actions.import
      ? [{ to: `${base}/import`, label: t('programme.tabs.import'), icon: IconFileImport }]
      : []),
  ];
}
