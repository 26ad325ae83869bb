import { useTranslation } from 'react-i18next';
import { dateWords, dayList, type Rule } from './PhraseEntry';

/** Ready-made constraints, shown when typing a phrase is not the way one wants to say it. */
export const presets: Record<string, Rule> = {
  nightShift: {
    category: 'night-shift',
    kind: 'busy',
    pattern: 'weekly',
    weekdays: [2],
    nth: null,
    startTime: '18:30',
    endTime: '08:30',
    fromDate: null,
    toDate: null,
    restAfter: true,
  },
  course: {
    category: 'course',
    kind: 'busy',
    pattern: 'monthly',
    weekdays: [4],
    nth: 1,
    startTime: '09:00',
    endTime: '17:00',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
  internship: {
    category: 'internship',
    kind: 'busy',
    pattern: 'weekly',
    weekdays: [1, 2, 3, 4, 5],
    nth: null,
    startTime: '08:00',
    endTime: '18:30',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
  clinic: {
    category: 'clinic',
    kind: 'busy',
    pattern: 'weekly',
    weekdays: [6],
    nth: null,
    startTime: '08:30',
    endTime: '12:30',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
  absence: {
    category: 'absence',
    kind: 'busy',
    pattern: 'dates',
    weekdays: [],
    nth: null,
    startTime: '00:00',
    endTime: '24:00',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
  avoid: {
    category: 'preference',
    kind: 'ifNeedBe',
    pattern: 'weekly',
    weekdays: [5],
    nth: null,
    startTime: '18:00',
    endTime: '22:00',
    fromDate: null,
    toDate: null,
    restAfter: false,
  },
};
export const DAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * Describes a rule in one line: "Garde — chaque mardi, 18:30–08:30", "Garde — le samedi et
 * dimanche, une semaine sur deux à partir du 5 déc., 18:30–08:30".
 */
export function useDescribe() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (r: Rule) => {
    const days = r.weekdays.map((d) => t(`meetings.days.${d}`)).join(', ');
    let when =
      r.pattern === 'weekly'
        ? t('meetings.rules.weekly', { days })
        : r.pattern === 'fortnightly'
          ? t('meetings.rules.fortnightly', {
              days: dayList(r.weekdays, lang, (d) => t(`meetings.days.${d}`)),
              date: r.fromDate ? dateWords(r.fromDate, lang, 'short') : '…',
            })
          : r.pattern === 'monthly'
            ? t('meetings.rules.monthly', { nth: t(`meetings.nth.${r.nth}`), days })
            : t('meetings.rules.dates', { from: r.fromDate, to: r.toDate });
    if (r.pattern === 'fortnightly' && r.toDate)
      when += ` ${t('meetings.phrase.until', { date: dateWords(r.toDate, lang, 'short') })}`;
    const hours =
      r.startTime === '00:00' && r.endTime === '24:00'
        ? t('meetings.rules.allDay')
        : `${r.startTime}–${r.endTime}`;
    return `${t(`meetings.category.${r.category}`)} — ${when}, ${hours}${r.restAfter ? ` · ${t('meetings.rules.restAfterShort')}` : ''}${r.kind === 'ifNeedBe' ? ` · ${t('meetings.answer.ifNeedBe')}` : ''}`;
  };
}
