import { List, Text } from '@mantine/core';
import { IconCircleCheck, IconClock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import type { AgreementView } from './queries';

type Charter = NonNullable<AgreementView['charter']>;

/** The three signatures of the version shown: who signed and when, who is still awaited. */
export function CharterSignatures({ v, charter }: { v: AgreementView; charter: Charter }) {
  const { t } = useTranslation();
  const { instant } = useDates(v.programme.orgId);
  const who = { mentor: v.tutor.name, mentee: v.tutee.name, organisation: t('agreements.theCoordination') };
  return (
    <List spacing={6} size="sm" listStyleType="none" pl={0} data-testid="charter-signatures">
      {(['mentor', 'mentee', 'organisation'] as const).map((party) => {
        const sig = charter.signatures.find((s) => s.party === party);
        return (
          <List.Item
            key={party}
            icon={
              sig ? (
                <IconCircleCheck size={18} color="var(--mantine-color-sauge-7)" aria-hidden />
              ) : (
                <IconClock size={18} color="var(--mantine-color-ambre-7)" aria-hidden />
              )
            }
          >
            <Text size="sm" span>
              {sig
                ? t('agreements.signedBy', {
                    party: t(`agreements.party.${party}`),
                    name: sig.name,
                    date: instant(sig.at, true),
                  })
                : t('agreements.awaited', { party: t(`agreements.party.${party}`), name: who[party] })}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}

/** In one line: on whom the charter waits, or that it is signed. */
export function waitingLine(t: TFunction, v: AgreementView) {
  const c = v.charter;
  if (!c) return null;
  if (c.complete) return t('agreements.complete');
  const names = c.waitingOn.map((w) => w.name ?? t('agreements.theCoordination'));
  return t('agreements.waitingOn', { names: names.join(', ') });
}
