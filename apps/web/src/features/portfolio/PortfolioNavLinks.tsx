import { Badge, Button, NavLink, VisuallyHidden } from '@mantine/core';
import { IconChecklist, IconNotebook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePortfolioEntries } from './entry';

/** The navigation's portfolio entries: the resident's own portfolio(s), the tutor's reviews. */
export function PortfolioNavLinks({ pathname, onNavigate }: { pathname: string; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { programmes, queue, reviews } = usePortfolioEntries();
  const due = queue?.due.length ?? 0;
  return (
    <>
      {programmes.map((p) => {
        const to = `/portfolio/${p.id}`;
        const active = pathname === to;
        return (
          <NavLink
            key={p.id}
            component={Link}
            to={to}
            label={t('portfolio.nav.mine')}
            description={programmes.length > 1 ? p.name : undefined}
            leftSection={<IconNotebook size={18} aria-hidden />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
      {reviews && (
        <NavLink
          component={Link}
          to="/relectures"
          label={t('portfolio.nav.reviews')}
          leftSection={<IconChecklist size={18} aria-hidden />}
          rightSection={
            due > 0 ? (
              <>
                <Badge size="sm" circle={due < 10} aria-hidden>
                  {due}
                </Badge>
                <VisuallyHidden>{t('portfolio.nav.due', { count: due })}</VisuallyHidden>
              </>
            ) : undefined
          }
          active={pathname === '/relectures'}
          aria-current={pathname === '/relectures' ? 'page' : undefined}
          onClick={onNavigate}
        />
      )}
    </>
  );
}

/** On a tutee's card, for their tutor: the way to their portfolio. */
export function PortfolioLink({
  programmeId,
  resident,
}: {
  programmeId: string;
  resident: { userId: string; name: string };
}) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={`/portfolio/${programmeId}/${resident.userId}`}
      variant="light"
      size="sm"
      leftSection={<IconNotebook size={16} aria-hidden />}
    >
      {t('portfolio.nav.tuteePortfolio', { name: resident.name })}
    </Button>
  );
}
