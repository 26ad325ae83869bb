import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconHelpCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { PhraseExamples } from './PhraseExamples';
import { type Availability, usePhrasePreview, useSavePhrase } from './queries';

export type Rule = Omit<Availability['rules'][number], 'id'>;

const examples = {
  fr: [
    'garde tous les mardis',
    'cours de DES le 1er jeudi du mois',
    'stage 8h–18h30 du lundi au vendredi',
    'repos le lendemain de garde',
    'garde un week-end sur deux',
    'absente du 22 au 26 décembre',
  ],
  en: [
    'night shift every Tuesday',
    'course on the first Thursday of the month',
    'internship 8am–6.30pm Monday to Friday',
    'rest the day after a night shift',
    'night shift every other weekend',
    'away from 22 to 26 December',
  ],
};

/** "18:30" → "18h30" in French, "18:30" in English. */
function hour(t: string, lang: string) {
  if (lang === 'en') return t;
  const [h, m] = t.split(':');
  return `${Number(h)}h${m === '00' ? '' : m}`;
}

/**
 * A local date (`YYYY-MM-DD`) as words: "1er décembre 2026", "5 déc." (short, the year only when it
 * is not this year's), "5 December 2026".
 */
export function dateWords(iso: string, lang: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${iso}T12:00:00Z`);
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: style,
    year: style === 'long' || date.getUTCFullYear() !== new Date().getFullYear() ? 'numeric' : undefined,
    timeZone: 'UTC',
  }).format(date);
  // "le 1er décembre", not "le 1 décembre".
  return lang === 'en' ? text : text.replace(/^1(?=\s)/, '1er');
}

/** "samedi et dimanche", "Monday, Wednesday and Friday". */
export function dayList(weekdays: number[], lang: string, name: (d: number) => string): string {
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { type: 'conjunction' }).format(
    weekdays.map(name),
  );
}

/** What a rule means, in full: "chaque mardi, 18h30 → 8h30 le lendemain, compte comme indisponible ; le lendemain : si besoin". */
export function useUnderstood() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const day = (iso: string) => dateWords(iso, lang);
  return (r: Rule) => {
    const days = r.weekdays.map((d) => t(`meetings.days.${d}`)).join(', ');
    const parts: string[] = [];
    if (r.pattern === 'weekly') parts.push(t('meetings.rules.weekly', { days }));
    else if (r.pattern === 'fortnightly')
      parts.push(
        t('meetings.rules.fortnightly', {
          days: dayList(r.weekdays, lang, (d) => t(`meetings.days.${d}`)),
          date: day(r.fromDate ?? ''),
        }),
      );
    else if (r.pattern === 'monthly')
      parts.push(t('meetings.rules.monthly', { nth: t(`meetings.nth.${r.nth}`), days }));
    else if (r.fromDate === r.toDate) parts.push(t('meetings.phrase.on', { date: day(r.fromDate ?? '') }));
    else parts.push(t('meetings.rules.dates', { from: day(r.fromDate ?? ''), to: day(r.toDate ?? '') }));
    if ((r.pattern === 'weekly' || r.pattern === 'monthly') && r.fromDate)
      parts.push(t('meetings.phrase.since', { date: day(r.fromDate) }));
    if (r.pattern !== 'dates' && r.toDate) parts.push(t('meetings.phrase.until', { date: day(r.toDate) }));
    if (r.startTime === '00:00' && r.endTime === '24:00') parts.push(t('meetings.rules.allDay'));
    else if (r.endTime !== '24:00' && r.endTime <= r.startTime)
      parts.push(
        t('meetings.phrase.overnight', { start: hour(r.startTime, lang), end: hour(r.endTime, lang) }),
      );
    else parts.push(`${hour(r.startTime, lang)} → ${hour(r.endTime, lang)}`);
    parts.push(t(`meetings.phrase.counts.${r.kind}`));
    // French puts a space before the semicolon; English does not.
    const semicolon = lang === 'en' ? '; ' : ' ; ';
    return `${parts.join(', ')}${r.restAfter ? `${semicolon}${t('meetings.phrase.nextDay')}` : ''}`;
  };
}

/** A constraint typed as one says it; what was understood is shown before anything is saved. */
export function PhraseEntry({ orgId, onSaved }: { orgId: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const understood = useUnderstood();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const preview = usePhrasePreview(orgId, debounced);
  const save = useSavePhrase(orgId, {
    onSuccess: () => {
      setText('');
      onSaved();
    },
  });
  const current = debounced === text.trim() && debounced.length > 0 ? preview.data : undefined;
  const p = text.trim() ? current : undefined;

  return (
    <Stack gap="xs">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (p?.understood) save.mutate(text.trim());
        }}
      >
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: '1 1 260px' }}
            label={t('meetings.phrase.label')}
            description={t('meetings.phrase.help')}
            placeholder={examples[lang][0]}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={300}
            aria-describedby="phrase-result"
          />
          <Button type="submit" disabled={!p?.understood} loading={save.isPending}>
            {t('meetings.phrase.save')}
          </Button>
        </Group>
      </form>
      <div id="phrase-result" aria-live="polite">
        {p?.understood && (
          <Alert color="sauge" variant="light" icon={<IconCheck aria-hidden />} p="xs">
            <Text size="sm">
              <Text span fw={600}>
                {t('meetings.phrase.understood')}
              </Text>{' '}
              {p.action === 'add' && p.rule
                ? `${t(`meetings.category.${p.rule.category}`)} — ${understood(p.rule)}`
                : t(p.restAfter ? 'meetings.phrase.restAfterOn' : 'meetings.phrase.restAfterOff')}
            </Text>
            {p.startGuessed && p.rule?.fromDate && (
              <Text size="sm" mt={4}>
                {t('meetings.phrase.startGuessed', { date: dateWords(p.rule.fromDate, lang) })}
              </Text>
            )}
          </Alert>
        )}
        {p && !p.understood && p.error && (
          <Alert color="ambre" variant="light" icon={<IconHelpCircle aria-hidden />} p="xs">
            <Text size="sm">{lang === 'en' ? p.error.messageEn : p.error.message}</Text>
          </Alert>
        )}
      </div>
      {save.error && <ErrorAlert error={save.error} />}
      <PhraseExamples examples={examples[lang]} onPick={setText} />
    </Stack>
  );
}
