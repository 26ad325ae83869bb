import { capital, programmeWords } from '@compagnon/server/modules/programmes/words.ts';
import { Alert, Badge, Box, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconFlask, IconMapSearch } from '@tabler/icons-react';
import type { ComponentType, CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from './errors';
import i18n from './i18n';
import type { Role } from './types';

/** Sets the tab title: "Page · Compagnon". */
export function usePageTitle(title: string | undefined) {
  useDocumentTitle(title ? `${title} · Compagnon` : 'Compagnon');
}

export function PageHeader({
  title,
  eyebrow,
  description,
  actions,
  badges,
}: {
  title: ReactNode;
  eyebrow?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" mb="lg" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
        {eyebrow && (
          <Text size="sm" c="dimmed" fw={500}>
            {eyebrow}
          </Text>
        )}
        <Title order={1} fz={{ base: 24, sm: 30 }} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {badges && <Group gap={6}>{badges}</Group>}
        {description && (
          <Text c="dimmed" maw={720}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? t('errors.title')}
      role="alert"
    >
      {message(error)}
    </Alert>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Center py={64}>
      <Stack align="center" gap="sm" maw={460} ta="center">
        <Box c="sauge.7">
          <IconMapSearch size={48} stroke={1.5} aria-hidden />
        </Box>
        <Title order={1} fz={26}>
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/" mt="sm">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}

export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="ambre"
      variant="light"
      leftSection={<IconFlask size={12} aria-hidden />}
      title={t('demo.badgeTitle')}
    >
      {t('demo.badge')}
    </Badge>
  );
}

export function DemoBanner({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  if (compact) {
    return (
      <Alert color="ambre" variant="light" icon={<IconFlask aria-hidden />} mb="lg" py="xs">
        {t('demo.bannerShort')}
      </Alert>
    );
  }
  return (
    <Alert
      color="ambre"
      variant="light"
      icon={<IconFlask aria-hidden />}
      title={t('demo.bannerTitle')}
      mb="lg"
    >
      {t('demo.bannerBody')}
    </Alert>
  );
}

const roleColors: Record<Role, string> = {
  coordinator: 'grape',
  tutor: 'sauge',
  tutee: 'ardoise',
  expert: 'indigo',
};

export function RoleBadge({ role, template }: { role: Role; template?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={roleColors[role]} variant="light" tt="none" fw={600}>
      {roleLabel(t, role, template)}
    </Badge>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** "Tuteur·rice", "Mentor·e", "Élu·e référent·e"… the words each programme kind uses for its roles. */
export function roleLabel(t: T, role: Role, template?: string, plural = false): string {
  if (role === 'tutor' || role === 'tutee') {
    const w = programmeWords(template, i18n.language);
    return capital(role === 'tutor' ? (plural ? w.tutors : w.tutor) : plural ? w.tutees : w.tutee);
  }
  return t(`roles.${plural ? 'plural' : 'one'}.${role}`);
}

/**
 * The heading of a card-section: an icon, its title (the card's accessible name through `id`) and a
 * line of help underneath.
 */
export function CardHeading({
  icon: Icon,
  id,
  title,
  help,
}: {
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean; style?: CSSProperties }>;
  id: string;
  title: ReactNode;
  help: ReactNode;
}) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" mb="md">
      <Icon size={22} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
      <Stack gap={4}>
        <Title order={2} fz={20} id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {help}
        </Text>
      </Stack>
    </Group>
  );
}
