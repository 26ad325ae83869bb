import { Badge, NavLink, VisuallyHidden } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyTeams } from './queries';

/** The navigation's entry for each of the person's teams, with the messages they have not read. */
export function TeamNavLinks({ pathname, onNavigate }: { pathname: string; onNavigate: () => void }) {
  const { t } = useTranslation();
  const teams = useMyTeams().data?.teams ?? [];
  return (
    <>
      {teams.map((team) => {
        const to = `/equipes/${team.id}`;
        const active = pathname.startsWith(to);
        return (
          <NavLink
            key={team.id}
            component={Link}
            to={to}
            label={t('teams.nav')}
            description={team.name}
            leftSection={<IconUsersGroup size={18} aria-hidden />}
            rightSection={
              team.unread > 0 ? (
                <>
                  <Badge size="sm" circle={team.unread < 10} aria-hidden>
                    {team.unread}
                  </Badge>
                  <VisuallyHidden>{t('teams.unread', { count: team.unread })}</VisuallyHidden>
                </>
              ) : undefined
            }
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </>
  );
}
