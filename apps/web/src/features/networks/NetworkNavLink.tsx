import { Badge, NavLink, VisuallyHidden } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyNetworks } from './queries';

/** The navigation's entry to the person's networks, with the messages they have not read, when they have any to see. */
export function NetworkNavLink({ pathname, onNavigate }: { pathname: string; onNavigate: () => void }) {
  const { t } = useTranslation();
  const data = useMyNetworks().data;
  if (!data || (data.networks.length === 0 && !data.actions.create)) return null;
  const unread = data.networks.reduce((sum, n) => sum + n.unread, 0);
  const active = pathname.startsWith('/reseaux');
  return (
    <NavLink
      component={Link}
      to="/reseaux"
      label={t('nav.networks')}
      leftSection={<IconWorld size={18} aria-hidden />}
      rightSection={
        unread > 0 ? (
          <>
            <Badge size="sm" circle={unread < 10} aria-hidden>
              {unread > 99 ? '99+' : unread}
            </Badge>
            <VisuallyHidden>{t('networks.unread', { count: unread })}</VisuallyHidden>
          </>
        ) : undefined
      }
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}
