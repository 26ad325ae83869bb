import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import { type PortfolioView, useAddTrace, useFramework } from './queries';

/** The resident writes a trace beyond what the plan expects: one of the programme's kinds. */
export function AddTrace({ v }: { v: PortfolioView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const framework = useFramework(v.programme.id);
  const add = useAddTrace(v.programme.id, v.resident.id, {
    onSuccess: (trace) => navigate(`/portfolio/traces/${trace.id}`),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  const types =
    framework.data?.framework.traceTypes ?? v.quotas.map((q) => ({ id: q.typeId, label: q.typeLabel }));
  if (v.phase === null || types.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          loading={add.isPending}
          leftSection={<IconPlus size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('portfolio.add.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown maw={340}>
        <Menu.Label>{t('portfolio.add.label')}</Menu.Label>
        {types.map((type) => (
          <Menu.Item key={type.id} onClick={() => add.mutate(type.id)}>
            {type.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
