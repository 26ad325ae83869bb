import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, contractDir } from '../cli/testing.ts';
import { InputError } from '../errors.ts';
import { busyFromIcs, OccurrenceLimitError } from './expand.ts';
import { MAX_OCCURRENCES } from './recur.ts';
import { calendar, icsDocument, vevent } from './testing.ts';

const fixturesDir = join(import.meta.dirname, '../../fixtures/ics');

const busy = (ics: string, from: string, to: string, timeZone?: string) =>
  busyFromIcs(ics, { from, to, ...(timeZone ? { timeZone } : {}) }).busy.map((b) => `${b.start} ${b.end}`);

const MARCH = ['2027-03-01T00:00:00+01:00', '2027-04-05T00:00:00+02:00'] as const;

test('contract example: busy.ics gives busy.output.json', () => {
  const readme = readFileSync(join(contractDir, 'README.md'), 'utf8');
  const args = /engine (busy .*?) < busy\.ics/.exec(readme)?.[1]?.split(/\s+/);
  assert.ok(args, 'the README shows the busy invocation');
  const r = cli(args, readFileSync(join(contractDir, 'busy.ics'), 'utf8'));
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(
    JSON.parse(r.out),
    JSON.parse(readFileSync(join(contractDir, 'busy.output.json'), 'utf8')),
  );
});

describe('exports from real calendar applications (fixtures/ics, expected outputs worked out by hand)', () => {
  const names = readdirSync(fixturesDir).filter((f) => f.endsWith('.ics'));
  assert.ok(names.length >= 4);
  for (const name of names) {
    test(name, () => {
      const expected = JSON.parse(
        readFileSync(join(fixturesDir, name.replace(/\.ics$/, '.expected.json')), 'utf8'),
      );
      const args = ['busy', '--from', expected.from, '--to', expected.to];
      if (expected.timeZone) args.push('--time-zone', expected.timeZone);
      const r = cli(args, readFileSync(join(fixturesDir, name), 'utf8'));
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(JSON.parse(r.out), { busy: expected.busy });
    });
  }
});

describe('time zones and clock changes', () => {
  test('floating times and all-day dates are read in --time-zone (default Europe/Paris), never the machine zone', () => {
    const ics = calendar(
      ['DTSTART:20270319T120000', 'DTEND:20270319T133000'],
      ['DTSTART;VALUE=DATE:20270322', 'DTEND;VALUE=DATE:20270323'],
    );
    assert.deepEqual(busy(ics, ...MARCH), [
      '2027-03-19T11:00:00Z 2027-03-19T12:30:00Z',
      '2027-03-21T23:00:00Z 2027-03-22T23:00:00Z',
    ]);
    assert.deepEqual(busy(ics, ...MARCH, 'America/New_York'), [
      '2027-03-19T16:00:00Z 2027-03-19T17:30:00Z',
      '2027-03-22T04:00:00Z 2027-03-23T04:00:00Z',
    ]);
  });

  test('an all-day event lasts 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    const ics = calendar(
      ['DTSTART;VALUE=DATE:20270328', 'DTEND;VALUE=DATE:20270329'],
      ['DTSTART;VALUE=DATE:20271031'],
    );
    assert.deepEqual(busy(ics, '2027-03-01T00:00:00Z', '2027-12-01T00:00:00Z'), [
      '2027-03-27T23:00:00Z 2027-03-28T22:00:00Z',
      '2027-10-30T22:00:00Z 2027-10-31T23:00:00Z',
    ]);
  });

  test('a reading inside the spring gap uses the offset before it; a repeated reading means the first (RFC 5545)', () => {
    const ics = calendar(
      ['DTSTART;TZID=Europe/Paris:20270328T023000', 'DURATION:PT30M'],
      ['DTSTART;TZID=Europe/Paris:20271031T023000', 'DURATION:PT15M'],
    );
    assert.deepEqual(busy(ics, '2027-03-01T00:00:00Z', '2027-12-01T00:00:00Z'), [
      '2027-03-28T01:30:00Z 2027-03-28T02:00:00Z',
      '2027-10-31T00:30:00Z 2027-10-31T00:45:00Z',
    ]);
  });

  test('DURATION adds days on the calendar and hours exactly; DTEND keeps the clock time', () => {
    const day = calendar(['DTSTART;TZID=Europe/Paris:20270327T120000', 'DURATION:P1D']);
    const hours = calendar(['DTSTART;TZID=Europe/Paris:20270327T120000', 'DURATION:PT24H']);
    const shift = calendar([
      'DTSTART;TZID=Europe/Paris:20271030T200000',
      'DTEND;TZID=Europe/Paris:20271031T080000',
    ]);
    assert.deepEqual(busy(day, ...MARCH), ['2027-03-27T11:00:00Z 2027-03-28T10:00:00Z']);
    assert.deepEqual(busy(hours, ...MARCH), ['2027-03-27T11:00:00Z 2027-03-28T11:00:00Z']);
    // 20:00 CEST to 08:00 CET: 13 hours on the clock-change night.
    assert.deepEqual(busy(shift, '2027-10-01T00:00:00Z', '2027-11-01T00:00:00Z'), [
      '2027-10-30T18:00:00Z 2027-10-31T07:00:00Z',
    ]);
  });

  test('TZIDs without VTIMEZONE: IANA, Windows and vendor-prefixed names, fixed offsets', () => {
    const ics = calendar(
      ['DTSTART;TZID=Asia/Tokyo:20270302T090000', 'DURATION:PT1H'],
      ['DTSTART;TZID="Romance Standard Time":20270303T090000', 'DURATION:PT1H'],
      ['DTSTART;TZID="(UTC+01:00) Brussels, Copenhagen, Madrid, Paris":20270304T090000', 'DURATION:PT1H'],
      ['DTSTART;TZID=/citadel.org/20210210_1/America/New_York:20270315T090000', 'DURATION:PT1H'],
      ['DTSTART;TZID=GMT+0530:20270316T090000', 'DURATION:PT1H'],
      ['DTSTART;TZID=Planet/Unknown:20270317T090000', 'DURATION:PT1H'],
    );
    assert.deepEqual(busy(ics, ...MARCH), [
      '2027-03-02T00:00:00Z 2027-03-02T01:00:00Z',
      '2027-03-03T08:00:00Z 2027-03-03T09:00:00Z',
      '2027-03-04T08:00:00Z 2027-03-04T09:00:00Z',
      '2027-03-15T13:00:00Z 2027-03-15T14:00:00Z',
      '2027-03-16T03:30:00Z 2027-03-16T04:30:00Z',
      // An unknown TZID is read like a floating time.
      '2027-03-17T08:00:00Z 2027-03-17T09:00:00Z',
    ]);
  });

  test("the file's VTIMEZONE wins over a zone of the same name, and custom names work", () => {
    const custom = calendar(['DTSTART;TZID=Customized Time Zone:20270402T090000', 'DURATION:PT1H']).replace(
      'TZID:Europe/Paris',
      'TZID:Customized Time Zone',
    );
    assert.deepEqual(busy(custom, ...MARCH), ['2027-04-02T07:00:00Z 2027-04-02T08:00:00Z']);
    const fixed = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0300',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:x',
      'DTSTART;TZID=Europe/Paris:20270402T090000',
      'DURATION:PT1H',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    assert.deepEqual(busy(fixed, ...MARCH), ['2027-04-02T06:00:00Z 2027-04-02T07:00:00Z']);
  });
});

describe('recurrence', () => {
  test('UNTIL in UTC bounds the instant even for a zone ical.js does not know', () => {
    // 25 January 09:00 in Paris is 08:00Z, exactly UNTIL: included.
    const ics = calendar([
      'DTSTART;TZID=Romance Standard Time:20270104T090000',
      'DTEND;TZID=Romance Standard Time:20270104T100000',
      'RRULE:FREQ=WEEKLY;UNTIL=20270125T080000Z',
    ]);
    assert.deepEqual(busy(ics, '2027-01-01T00:00:00Z', '2027-03-01T00:00:00Z'), [
      '2027-01-04T08:00:00Z 2027-01-04T09:00:00Z',
      '2027-01-11T08:00:00Z 2027-01-11T09:00:00Z',
      '2027-01-18T08:00:00Z 2027-01-18T09:00:00Z',
      '2027-01-25T08:00:00Z 2027-01-25T09:00:00Z',
    ]);
  });

  test('UNTIL as a date includes that whole day; EXDATE as a date removes that day', () => {
    const ics = calendar([
      'DTSTART;TZID=Europe/Paris:20270301T180000',
      'DURATION:PT1H',
      'RRULE:FREQ=DAILY;UNTIL=20270304',
      'EXDATE;VALUE=DATE:20270302',
    ]);
    assert.deepEqual(busy(ics, ...MARCH), [
      '2027-03-01T17:00:00Z 2027-03-01T18:00:00Z',
      '2027-03-03T17:00:00Z 2027-03-03T18:00:00Z',
      '2027-03-04T17:00:00Z 2027-03-04T18:00:00Z',
    ]);
  });

  test('an occurrence of a series begun in 2016 moved into the range is busy where it lands', () => {
    const ics = calendar(
      [
        'DTSTART;TZID=Europe/Paris:20160104T090000',
        'DTEND;TZID=Europe/Paris:20160104T100000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO',
      ],
      ['RECURRENCE-ID;TZID=Europe/Paris:20160509T090000', 'DTSTART;TZID=Europe/Paris:20270310T150000'],
    ).replace('UID:event-1@', 'UID:event-0@');
    assert.deepEqual(busy(ics, '2027-03-08T00:00:00+01:00', '2027-03-16T00:00:00+01:00'), [
      '2027-03-08T08:00:00Z 2027-03-08T09:00:00Z',
      // The override gives no end: it keeps the series' hour.
      '2027-03-10T14:00:00Z 2027-03-10T15:00:00Z',
      '2027-03-15T08:00:00Z 2027-03-15T09:00:00Z',
    ]);
  });

  test('overrides: matched by instant across zones, highest SEQUENCE wins, a cancelled one frees the slot', () => {
    const ics = calendar(
      ['DTSTART;TZID=Europe/Paris:20270301T090000', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;COUNT=3'],
      [
        'RECURRENCE-ID:20270301T080000Z',
        'SEQUENCE:1',
        'DTSTART;TZID=Europe/Paris:20270301T140000',
        'DURATION:PT1H',
      ],
      [
        'RECURRENCE-ID;TZID=Europe/Paris:20270301T090000',
        'SEQUENCE:2',
        'DTSTART;TZID=Europe/Paris:20270301T160000',
        'DURATION:PT1H',
      ],
      [
        'RECURRENCE-ID;TZID=Europe/Paris:20270302T090000',
        'STATUS:CANCELLED',
        'DTSTART;TZID=Europe/Paris:20270302T090000',
      ],
    ).replace(/UID:event-\d@/g, 'UID:event-0@');
    assert.deepEqual(busy(ics, ...MARCH), [
      '2027-03-01T15:00:00Z 2027-03-01T16:00:00Z',
      '2027-03-03T08:00:00Z 2027-03-03T09:00:00Z',
    ]);
  });

  test('RDATE: dates and periods, each with DTSTART as the first instance', () => {
    const ics = calendar(
      ['DTSTART;VALUE=DATE:20270302', 'RDATE;VALUE=DATE:20270305,20270309'],
      [
        'DTSTART;TZID=Europe/Paris:20270310T080000',
        'DURATION:PT2H',
        'RDATE;VALUE=PERIOD:20270311T120000Z/PT30M',
      ],
    );
    assert.deepEqual(busy(ics, ...MARCH), [
      '2027-03-01T23:00:00Z 2027-03-02T23:00:00Z',
      '2027-03-04T23:00:00Z 2027-03-05T23:00:00Z',
      '2027-03-08T23:00:00Z 2027-03-09T23:00:00Z',
      '2027-03-10T07:00:00Z 2027-03-10T09:00:00Z',
      '2027-03-11T12:00:00Z 2027-03-11T12:30:00Z',
    ]);
  });

  test('a daily series begun in 1900 costs no more than a recent one', () => {
    const ics = calendar(['DTSTART;TZID=Europe/Paris:19000101T080000', 'DURATION:PT30M', 'RRULE:FREQ=DAILY']);
    const started = performance.now();
    assert.equal(busy(ics, '2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z').length, 7);
    assert.ok(performance.now() - started < 300, 'expanded without walking 127 years');
  });

  test('a file whose series give more occurrences than the limit is refused, naming its events and the limit', () => {
    // Twenty events repeating every minute 49,999 times: a million occurrences in 2.7 kB.
    const minutely = ['DTSTART:20270301T080000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY;COUNT=49999'];
    const ics = calendar(...Array.from({ length: 20 }, () => minutely));
    assert.ok(ics.length < 4000);
    assert.throws(
      () => busyFromIcs(ics, { from: MARCH[0], to: MARCH[1] }),
      (err: unknown) =>
        err instanceof OccurrenceLimitError &&
        err instanceof InputError &&
        err.events === 20 &&
        err.limit === MAX_OCCURRENCES &&
        /20 events .* more than 50000 occurrences/.test(err.message),
    );
    // The limit is per file, not per event, and can be set by the caller.
    const three = calendar(
      ['DTSTART:20270301T080000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY;COUNT=400'],
      ['DTSTART:20270302T080000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY;COUNT=400'],
      ['DTSTART:20270303T080000Z', 'DURATION:PT1M'],
    );
    assert.equal(busyFromIcs(three, { from: MARCH[0], to: MARCH[1], maxOccurrences: 800 }).busy.length, 3);
    assert.throws(
      () => busyFromIcs(three, { from: MARCH[0], to: MARCH[1], maxOccurrences: 799 }),
      (err: unknown) => err instanceof OccurrenceLimitError && err.events === 3 && err.limit === 799,
    );
    // A time zone whose offset changes every minute since 1970 is spent from the same budget.
    const restless = icsDocument([
      'BEGIN:VTIMEZONE',
      'TZID:Restless',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'DTSTART:19700101T000000',
      'RRULE:FREQ=MINUTELY',
      'END:STANDARD',
      'END:VTIMEZONE',
      ...vevent('one@example.org', ['DTSTART;TZID=Restless:20270301T080000', 'DURATION:PT1H']),
    ]);
    assert.throws(
      () => busyFromIcs(restless, { from: MARCH[0], to: MARCH[1] }),
      (err: unknown) => err instanceof OccurrenceLimitError && err.events === 1,
    );
  });
});

describe('what is busy', () => {
  test('cancelled, transparent and Outlook "free" events are not; tentative ones are', () => {
    const ics = calendar(
      ['DTSTART;TZID=Europe/Paris:20270302T090000', 'DURATION:PT1H', 'STATUS:CANCELLED'],
      ['DTSTART;TZID=Europe/Paris:20270302T110000', 'DURATION:PT1H', 'TRANSP:TRANSPARENT'],
      ['DTSTART;TZID=Europe/Paris:20270302T130000', 'DURATION:PT1H', 'X-MICROSOFT-CDO-BUSYSTATUS:FREE'],
      ['DTSTART;TZID=Europe/Paris:20270302T150000', 'DURATION:PT1H', 'STATUS:TENTATIVE'],
    );
    assert.deepEqual(busy(ics, ...MARCH), ['2027-03-02T14:00:00Z 2027-03-02T15:00:00Z']);
  });

  test('events without length, with negative length or without DTSTART add nothing', () => {
    const ics = calendar(
      ['DTSTART;TZID=Europe/Paris:20270302T090000'],
      ['DTSTART;TZID=Europe/Paris:20270302T110000', 'DURATION:-PT1H'],
      ['DTSTART;TZID=Europe/Paris:20270302T130000', 'DTEND;TZID=Europe/Paris:20270302T120000'],
      ['SUMMARY:no start', 'DURATION:PT1H'],
    );
    assert.deepEqual(busy(ics, ...MARCH), []);
  });

  test('overlapping and touching intervals merge; intervals are clipped to the range', () => {
    const ics = calendar(
      ['DTSTART:20270301T090000Z', 'DTEND:20270301T100000Z'],
      ['DTSTART:20270301T100000Z', 'DTEND:20270301T110000Z'],
      ['DTSTART:20270301T103000Z', 'DTEND:20270301T104500Z'],
      ['DTSTART:20270301T120000Z', 'DTEND:20270301T180000Z'],
    );
    assert.deepEqual(busy(ics, '2027-03-01T09:30:00Z', '2027-03-01T13:00:00Z'), [
      '2027-03-01T09:30:00Z 2027-03-01T11:00:00Z',
      '2027-03-01T12:00:00Z 2027-03-01T13:00:00Z',
    ]);
  });

  test('several VCALENDAR blocks in one file are all read', () => {
    const one = calendar(['DTSTART:20270301T090000Z', 'DTEND:20270301T100000Z']);
    const two = calendar(['DTSTART:20270302T090000Z', 'DTEND:20270302T100000Z']);
    assert.deepEqual(busy(one + two, ...MARCH), [
      '2027-03-01T09:00:00Z 2027-03-01T10:00:00Z',
      '2027-03-02T09:00:00Z 2027-03-02T10:00:00Z',
    ]);
  });
});

describe('invalid input: exit 2, nothing on stdout, one line on stderr naming the problem', () => {
  const ok = calendar(['DTSTART:20270301T090000Z', 'DTEND:20270301T100000Z']);
  const range = ['--from', '2027-03-01T00:00:00+01:00', '--to', '2027-04-01T00:00:00+02:00'];
  const cases: [string, string[], string, RegExp][] = [
    ['JSON instead of iCalendar', range, '{"busy": []}', /not an iCalendar file/],
    ['plain text', range, 'hello\nworld\n', /not an iCalendar file/],
    ['empty input', range, '', /not an iCalendar file: the input is empty/],
    ['a vCard', range, 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Claire\r\nEND:VCARD\r\n', /not an iCalendar file/],
    [
      'a broken line',
      range,
      'BEGIN:VCALENDAR\r\nthis is not a content line\r\nEND:VCALENDAR\r\n',
      /not a valid iCalendar file/,
    ],
    [
      'an unreadable date in an event',
      range,
      calendar(['DTSTART:2027O301T090000Z', 'DURATION:PT1H']),
      /event "event-0@example\.org"/,
    ],
    ['--from missing', ['--to', '2027-04-01T00:00:00Z'], ok, /--from is required/],
    ['--to missing', ['--from', '2027-04-01T00:00:00Z'], ok, /--to is required/],
    [
      '--from not a date',
      ['--from', 'yesterday', '--to', '2027-04-01T00:00:00Z'],
      ok,
      /--from: expected an ISO-8601/,
    ],
    [
      '--to without offset',
      ['--from', '2027-03-01T00:00:00Z', '--to', '2027-04-01T00:00:00'],
      ok,
      /--to: expected/,
    ],
    [
      '--to before --from',
      ['--from', '2027-04-01T00:00:00Z', '--to', '2027-03-01T00:00:00Z'],
      ok,
      /--to must be after --from/,
    ],
    [
      'unknown zone',
      [...range, '--time-zone', 'Mars/Olympus_Mons'],
      ok,
      /--time-zone: unknown IANA time zone/,
    ],
    ['unknown option', [...range, '--since', 'x'], ok, /unknown option --since/],
    ['option without value', ['--to', '2027-04-01T00:00:00Z', '--from'], ok, /--from needs a value/],
    [
      'a rule that never ends within reach',
      range,
      calendar(['DTSTART:20270301T000000Z', 'DURATION:PT1S', 'RRULE:FREQ=SECONDLY;BYMONTH=3']),
      /the file's 1 event repeats into more than 50000 occurrences/,
    ],
  ];
  for (const [name, args, stdin, message] of cases) {
    test(name, () => {
      const r = cli(['busy', ...args], stdin);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.err, message);
    });
  }

  test('--name=value works too', () => {
    const r = cli(
      ['busy', '--from=2027-03-01T00:00:00Z', '--to=2027-03-02T00:00:00Z', '--time-zone=UTC'],
      ok,
    );
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), {
      busy: [{ start: '2027-03-01T09:00:00Z', end: '2027-03-01T10:00:00Z' }],
    });
  });

  test('the function names fields with JSON pointers for the server', () => {
    assert.throws(
      () => busyFromIcs(ok, { from: 'soon', to: '2027-03-02T00:00:00Z' }),
      (e: unknown) => e instanceof InputError && e.pointer === '/from',
    );
    assert.throws(
      () => busyFromIcs(ok, { from: '2027-03-01T00:00:00Z', to: '2027-03-02T00:00:00Z', timeZone: 'Paris' }),
      (e: unknown) => e instanceof InputError && e.pointer === '/timeZone',
    );
  });
});
