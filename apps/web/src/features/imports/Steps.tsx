import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './imports.module.css';

/** Where the person is in the import: a short list that wraps on a phone instead of overflowing. */
export function Steps({ current, labels }: { current: number; labels: string[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('imports.stepsLabel')}>
      <ol className={classes.steps}>
        {labels.map((label, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li
              key={label}
              className={classes.step}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <Group gap={8} wrap="nowrap">
                <ThemeIcon
                  size={26}
                  radius="xl"
                  variant={state === 'todo' ? 'default' : state === 'current' ? 'filled' : 'light'}
                  aria-hidden
                >
                  {state === 'done' ? (
                    <IconCheck size={14} />
                  ) : (
                    <Text size="xs" fw={700} span>
                      {i + 1}
                    </Text>
                  )}
                </ThemeIcon>
                <Text
                  size="sm"
                  fw={state === 'current' ? 700 : 500}
                  c={state === 'todo' ? 'dimmed' : undefined}
                >
                  {label}
                  {state === 'done' && <span className={classes.srOnly}> ({t('imports.stepDone')})</span>}
                </Text>
              </Group>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
