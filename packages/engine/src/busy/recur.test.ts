import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { DAY } from '../slots/local-time.ts';
import { OccurrenceBudget, ruleReadings } from './recur.ts';
import { VtimezoneRules } from './vtimezone.ts';

const iso = (wall: number) => new Date(wall).toISOString().slice(0, 19);

test('a series restarted near the range gives the same occurrences as one expanded from DTSTART', () => {
  const cases: [string, string, number?][] = [
    ['FREQ=DAILY', '2019-01-01T08:00:00'],
    ['FREQ=DAILY;INTERVAL=3', '2019-01-01T08:00:00'],
    ['FREQ=DAILY;BYDAY=MO,WE', '2019-01-02T08:00:00'],
    ['FREQ=DAILY;INTERVAL=2;BYMONTH=3,4;BYMONTHDAY=-1,1,15', '2019-01-01T08:00:00', 400],
    ['FREQ=DAILY;BYHOUR=9,14', '2019-01-01T09:00:00'],
    ['FREQ=WEEKLY', '2019-01-03T18:30:00'],
    ['FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH', '2019-01-01T18:30:00'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU', '2019-01-06T07:00:00'],
    ['FREQ=WEEKLY;BYDAY=SA', '2019-01-01T20:00:00'], // DTSTART not on a BYDAY day
    ['FREQ=HOURLY;INTERVAL=7', '2025-01-01T08:00:00'],
    ['FREQ=MINUTELY;INTERVAL=45', '2027-02-01T08:00:00', 3],
  ];
  for (const [rule, start, days = 40] of cases) {
    const recur = ICAL.Recur.fromString(rule);
    const dtstart = ICAL.Time.fromDateTimeString(start);
    for (const skip of ['2027-03-01T00:00:00', '2027-03-28T02:30:00', '2027-10-30T23:59:00']) {
      const from = Date.parse(`${skip}Z`);
      const window = (g: Iterable<number>) => {
        const out: string[] = [];
        for (const w of g) {
          if (w >= from + days * DAY) break;
          if (w >= from) out.push(iso(w));
        }
        return out;
      };
      const full = window(
        ruleReadings(recur, dtstart, Number.NEGATIVE_INFINITY, new OccurrenceBudget(1e9, 1)),
      );
      const restarted = window(ruleReadings(recur, dtstart, from, new OccurrenceBudget(1e9, 1)));
      assert.ok(full.length > 0, `${rule}: no occurrence in the window`);
      assert.deepEqual(restarted, full, `${rule} from ${skip}`);
    }
  }
});

test('VTIMEZONE rules agree with the IANA database for 1990–2040 (Outlook and Apple styles)', async () => {
  const { ianaZone } = await import('../slots/local-time.ts');
  const blocks = [
    // Outlook: observances from 1601, not on a rule day
    `BEGIN:VTIMEZONE\r\nTZID:Romance Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE`,
    // Full history of New York since 1987 as some exporters write it (UNTIL, then new rules)
    `BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nDTSTART:19870405T020000\r\nRRULE:FREQ=YEARLY;UNTIL=20060402T070000Z;BYMONTH=4;BYDAY=1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nDTSTART:19671029T020000\r\nRRULE:FREQ=YEARLY;UNTIL=20061029T060000Z;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nDTSTART:20070311T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nDTSTART:20071104T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE`,
  ];
  // Paris ended summer time in September until 1995; the Outlook block only has today's rules.
  const cases = [
    { zone: 'Europe/Paris', since: 1996 },
    { zone: 'America/New_York', since: 1990 },
  ];
  blocks.forEach((block, i) => {
    const rules = new VtimezoneRules('test', new ICAL.Component(ICAL.parse(block)));
    const { zone, since } = cases[i] as { zone: string; since: number };
    const reference = ianaZone(zone);
    assert.ok(reference);
    // Every 6 hours, plus one second either side of each of the reference's transitions.
    const from = Date.UTC(since, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    const probes: number[] = [];
    for (let t = from; t < to; t += DAY / 4) probes.push(t);
    for (const at of reference.transitionsIn(from, to)) probes.push(at - 1000, at, at + 1000);
    for (const t of probes) {
      assert.equal(rules.offsetAt(t), reference.offsetAt(t), `${zone} at ${new Date(t).toISOString()}`);
    }
  });
});
