import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type PhraseResult, parsePhrase } from './phrases.ts';
import type { RuleBody } from './schema.ts';

const today = '2026-11-25';
const read = (text: string) => parsePhrase(text, { today });

/** The rule a phrase yields, failing with what was not understood. */
function rule(text: string): RuleBody {
  const r = read(text);
  assert.ok(r.understood, `« ${text} » was not understood: ${r.understood ? '' : r.message}`);
  assert.equal(r.action, 'add', `« ${text} » is not a rule`);
  return (r as Extract<PhraseResult, { action: 'add' }>).rule;
}
const refusal = (text: string) => {
  const r = read(text);
  assert.equal(r.understood, false, `« ${text} » should not be understood: ${JSON.stringify(r)}`);
  return r as Extract<PhraseResult, { understood: false }>;
};

const nightTuesday: Partial<RuleBody> = {
  category: 'night-shift',
  kind: 'busy',
  pattern: 'weekly',
  weekdays: [2],
  nth: null,
  startTime: '18:30',
  endTime: '08:30',
  restAfter: true,
};

describe('constraints typed as a phrase', () => {
  test('night shifts on Tuesdays, however they are said', () => {
    for (const text of [
      'garde tous les mardis',
      'Garde tous les mardis',
      'gardes le mardi',
      'garde chaque mardi',
      'je suis de garde tous les mardis',
      'garde de nuit le mardi',
      'astreinte tous les mardis',
      'night shift every Tuesday',
      'Night shifts on Tuesdays',
      'on-call every tue',
      'garde mar.',
      'garde tous les mardis, repos le lendemain',
    ]) {
      assert.deepEqual(pick(rule(text), nightTuesday), nightTuesday, text);
    }
  });

  test('the day after a night shift is if-need-be unless the person says otherwise', () => {
    assert.equal(rule('garde tous les mardis').restAfter, true);
    assert.equal(rule('garde tous les mardis sans repos le lendemain').restAfter, false);
    assert.equal(rule('night shift every Tuesday, no rest day after').restAfter, false);
    assert.equal(rule('stage le lundi').restAfter, false);
    assert.equal(rule('stage le lundi, repos le lendemain').restAfter, true);
    assert.deepEqual(read('repos le lendemain de garde'), {
      understood: true,
      action: 'rest-after',
      restAfter: true,
    });
    assert.deepEqual(read('Repos de sécurité après la garde'), {
      understood: true,
      action: 'rest-after',
      restAfter: true,
    });
    assert.deepEqual(read('pas de repos le lendemain de garde'), {
      understood: true,
      action: 'rest-after',
      restAfter: false,
    });
    assert.deepEqual(read('rest the day after a night shift'), {
      understood: true,
      action: 'rest-after',
      restAfter: true,
    });
  });

  test('a course day on the first Thursday of the month', () => {
    const expected = {
      category: 'course',
      pattern: 'monthly',
      weekdays: [4],
      nth: 1,
      startTime: '09:00',
      endTime: '17:00',
    };
    for (const text of [
      'cours de DES le 1er jeudi du mois',
      'Cours de DES le premier jeudi de chaque mois',
      'cours le 1er jeudi',
      'formation le 1 jeudi du mois',
      'course on the first Thursday of the month',
      'class every 1st thursday of each month',
    ]) {
      assert.deepEqual(pick(rule(text), expected), expected, text);
    }
    assert.deepEqual(
      pick(rule('séminaire le dernier vendredi du mois de 14h à 18h'), {
        nth: 0,
        weekdays: [],
        startTime: '',
        endTime: '',
      }),
      {
        nth: -1,
        weekdays: [5],
        startTime: '14:00',
        endTime: '18:00',
      },
    );
    assert.equal(rule('cours le 3e mercredi du mois').nth, 3);
    assert.equal(rule('course on the second Monday of the month').nth, 2);
  });

  test('internship hours from Monday to Friday', () => {
    const expected = {
      category: 'internship',
      pattern: 'weekly',
      weekdays: [1, 2, 3, 4, 5],
      startTime: '08:00',
      endTime: '18:30',
      kind: 'busy',
    };
    for (const text of [
      'stage 8h–18h30 du lundi au vendredi',
      'stage 8h-18h30 du lundi au vendredi',
      'Stage de 8h à 18h30 du lundi au vendredi',
      'stage du lundi au vendredi de 8h à 18h30',
      'stage 08:00-18:30 lun-ven',
      'stage en semaine 8h-18h30',
      'stage lundi, mardi, mercredi, jeudi et vendredi 8h - 18h30',
      'stage 8 h – 18 h 30 du lundi au vendredi',
      'internship 8am-6.30pm Monday to Friday',
      'internship from 8:00 to 18:30 on weekdays',
      'placement mon-fri 8am to 6:30pm',
      'stage du lundi au vendredi',
    ]) {
      assert.deepEqual(pick(rule(text), expected), expected, text);
    }
  });

  test('hours, parts of the day and several days', () => {
    assert.deepEqual(
      pick(rule('consultations le samedi matin'), { weekdays: [], startTime: '', endTime: '', category: '' }),
      {
        weekdays: [6],
        startTime: '08:00',
        endTime: '12:30',
        category: 'clinic',
      },
    );
    assert.deepEqual(pick(rule('remplacements le mercredi après-midi'), { startTime: '', endTime: '' }), {
      startTime: '13:30',
      endTime: '18:30',
    });
    assert.deepEqual(pick(rule('sport lundi et jeudi soir'), { weekdays: [], startTime: '', category: '' }), {
      weekdays: [1, 4],
      startTime: '18:00',
      category: 'other',
    });
    assert.deepEqual(pick(rule('garde le week-end'), { weekdays: [] }), { weekdays: [6, 7] });
    assert.deepEqual(pick(rule('stage tous les jours de 8h à midi'), { weekdays: [], endTime: '' }), {
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      endTime: '12:00',
    });
    assert.deepEqual(
      pick(rule('garde le vendredi 18h30 → 8h30 le lendemain'), { startTime: '', endTime: '' }),
      {
        startTime: '18:30',
        endTime: '08:30',
      },
    );
    assert.deepEqual(pick(rule('garde le dimanche toute la journée'), { startTime: '', endTime: '' }), {
      startTime: '00:00',
      endTime: '24:00',
    });
    assert.deepEqual(pick(rule('cours le mardi à partir de 14h'), { startTime: '', endTime: '' }), {
      startTime: '14:00',
      endTime: '24:00',
    });
    assert.deepEqual(pick(rule('du vendredi au lundi garde'), { weekdays: [] }), { weekdays: [1, 5, 6, 7] });
  });

  test('if-need-be preferences', () => {
    const r = rule('de préférence pas le vendredi soir');
    assert.deepEqual(pick(r, { category: '', kind: '', weekdays: [], startTime: '' }), {
      category: 'preference',
      kind: 'ifNeedBe',
      weekdays: [5],
      startTime: '18:00',
    });
    assert.equal(rule('rather not on Friday evenings').kind, 'ifNeedBe');
    assert.equal(rule('stage le mercredi, si besoin').kind, 'ifNeedBe');
    assert.equal(rule('stage le mercredi, si besoin').category, 'internship');
  });

  test('absences on dates, the year placed from today', () => {
    assert.deepEqual(
      pick(rule('absente du 22 au 26 décembre'), {
        category: '',
        pattern: '',
        fromDate: '',
        toDate: '',
        startTime: '',
        endTime: '',
      }),
      {
        category: 'absence',
        pattern: 'dates',
        fromDate: '2026-12-22',
        toDate: '2026-12-26',
        startTime: '00:00',
        endTime: '24:00',
      },
    );
    assert.deepEqual(pick(rule('vacances du 22/12 au 02/01'), { fromDate: '', toDate: '' }), {
      fromDate: '2026-12-22',
      toDate: '2027-01-02',
    });
    assert.deepEqual(pick(rule('congé le 14 février'), { fromDate: '', toDate: '' }), {
      fromDate: '2027-02-14',
      toDate: '2027-02-14',
    });
    assert.deepEqual(pick(rule('away from 3 to 7 March'), { fromDate: '', toDate: '' }), {
      fromDate: '2027-03-03',
      toDate: '2027-03-07',
    });
    assert.deepEqual(pick(rule('holiday December 24th'), { fromDate: '' }), { fromDate: '2026-12-24' });
    assert.deepEqual(pick(rule('absent le 2027-04-01'), { fromDate: '' }), { fromDate: '2027-04-01' });
    assert.deepEqual(
      pick(rule('stage du 3 au 7 mars 8h-18h'), { category: '', pattern: '', startTime: '', endTime: '' }),
      {
        category: 'internship',
        pattern: 'dates',
        startTime: '08:00',
        endTime: '18:00',
      },
    );
    assert.deepEqual(
      pick(rule('garde tous les mardis jusqu’au 30 avril'), { pattern: '', toDate: '', fromDate: '' }),
      {
        pattern: 'weekly',
        toDate: '2027-04-30',
        fromDate: null,
      },
    );
  });

  test('every other week, from a date or from the next such day', () => {
    const shape = { category: '', pattern: '', weekdays: [], fromDate: '', startTime: '', endTime: '' };
    // Today is Wednesday 25 November 2026.
    assert.deepEqual(pick(rule('garde un week-end sur deux à partir du 5 décembre'), shape), {
      category: 'night-shift',
      pattern: 'fortnightly',
      weekdays: [6, 7],
      fromDate: '2026-12-05',
      startTime: '18:30',
      endTime: '08:30',
    });
    assert.deepEqual(pick(rule('cours tous les 15 jours le mardi 14h-18h'), shape), {
      category: 'course',
      pattern: 'fortnightly',
      weekdays: [2],
      fromDate: '2026-12-01',
      startTime: '14:00',
      endTime: '18:00',
    });
    const tuesday = { pattern: 'fortnightly', weekdays: [2], fromDate: '2026-12-01' };
    for (const text of [
      'garde tous les 15 jours le mardi',
      'garde tous les quinze jours le mardi',
      'garde toutes les deux semaines le mardi',
      'garde toutes les 2 semaines le mardi',
      'garde une semaine sur deux le mardi',
      'garde le mardi 1 semaine sur 2',
      'garde un mardi sur deux',
      'night shift every other week on Tuesdays',
      'night shift every two weeks on Tuesday',
      'night shift every 2 weeks on tue',
      'night shift every other Tuesday',
      'on-call fortnightly on Tuesdays',
    ]) {
      assert.deepEqual(pick(rule(text), tuesday), tuesday, text);
    }
    const weekend = { pattern: 'fortnightly', weekdays: [6, 7], fromDate: '2026-11-28' };
    for (const text of [
      'garde un week-end sur deux',
      'garde un weekend sur 2',
      'garde tous les deux week-ends',
      'night shift every other weekend',
      'on call on alternate weekends',
    ]) {
      assert.deepEqual(pick(rule(text), weekend), weekend, text);
    }
    // Today itself is the next Wednesday; a last date is kept.
    assert.deepEqual(
      pick(rule('stage une semaine sur deux le mercredi jusqu’au 30 avril'), {
        fromDate: '',
        toDate: '',
      }),
      { fromDate: '2026-11-25', toDate: '2027-04-30' },
    );
    // The first weekday of the rule (Monday first) gives the first week.
    assert.equal(rule('stage une semaine sur deux du lundi au vendredi').fromDate, '2026-11-30');
    assert.equal(rule('every other weekend from December 12th').fromDate, '2026-12-12');
    // Still a week of the month, and still every week.
    assert.equal(rule('class every second Monday of the month').pattern, 'monthly');
    assert.equal(rule('garde tous les mardis').pattern, 'weekly');
  });

  test('the preview says when the first week was guessed', () => {
    const guessed = read('garde un week-end sur deux');
    const given = read('garde un week-end sur deux à partir du 5 décembre');
    const weekly = read('garde tous les mardis');
    assert.ok(guessed.understood && guessed.action === 'add' && guessed.startGuessed);
    assert.ok(given.understood && given.action === 'add' && !given.startGuessed);
    assert.ok(weekly.understood && weekly.action === 'add' && !weekly.startGuessed);
  });

  test('every other week without its days, or with a week of the month, is refused', () => {
    for (const text of ['tous les 15 jours', 'garde tous les 15 jours', 'cours every other week']) {
      const r = refusal(text);
      assert.equal(r.code, 'missing_when', text);
      assert.match(r.message, /Dites quels jours/);
    }
    assert.equal(refusal('garde toutes les deux semaines').part, 'toutes les deux semaines');
    const nth = refusal('cours le 1er jeudi du mois une semaine sur deux');
    assert.equal(nth.code, 'not_understood');
    assert.equal(nth.part, 'une semaine sur deux');
    assert.equal(refusal('garde un jour sur deux').code, 'not_understood');
    assert.equal(refusal('garde tous les trois week-ends').code, 'not_understood');
    assert.equal(refusal('night shift every other day').part, 'other');
  });

  test('a phrase not understood says which part, and nothing is guessed', () => {
    const r = refusal('garde tous les mardis avec les copains');
    assert.equal(r.code, 'not_understood');
    assert.equal(r.part, 'avec les copains');
    assert.match(r.message, /« avec les copains »/);
    assert.match(r.messageEn, /“avec les copains”/);
    assert.equal(refusal('blabla garde tous les mardis bidule').part, 'blabla … bidule');
    assert.equal(refusal('garde tous les 10 jours').part, '10');
    assert.equal(refusal('blabla').part, 'blabla');
    assert.equal(refusal('garde').code, 'missing_when');
    assert.equal(refusal('stage 8h-18h').code, 'missing_when');
    assert.equal(refusal('').code, 'empty');
    assert.equal(refusal('   ').code, 'empty');
    assert.equal(refusal('x'.repeat(301)).code, 'too_long');
    const t = refusal('stage le lundi de 8h à 25h');
    assert.equal(t.code, 'bad_time');
    assert.match(t.message, /25h/);
    assert.equal(refusal('stage le lundi de 8h à 8h').code, 'bad_time');
    assert.equal(refusal('stage le lundi 13pm-2pm').code, 'bad_time');
    const d = refusal('absent le 31 février');
    assert.equal(d.code, 'bad_date');
    assert.match(d.message, /31 février/);
    assert.equal(refusal('absent le 32/01').code, 'bad_date');
  });
});

/** The fields of `r` named in `shape`. */
function pick(r: RuleBody, shape: object): object {
  return Object.fromEntries(Object.keys(shape).map((k) => [k, r[k as keyof RuleBody]]));
}
