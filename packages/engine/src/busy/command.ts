import type { EngineCommand } from '../cli/types.ts';
import { InputError } from '../errors.ts';
import { ianaZone, parseIsoInstant } from '../slots/local-time.ts';
import { busyFromIcs, DEFAULT_TIME_ZONE } from './expand.ts';

const USAGE = 'usage: compagnon engine busy --from ISO --to ISO [--time-zone ZONE] < calendar.ics';
const OPTIONS = ['--from', '--to', '--time-zone'] as const;

/** Reads `--name value` and `--name=value` options; every problem names the option. */
function parseOptions(args: string[]): Record<(typeof OPTIONS)[number], string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(OPTIONS as readonly string[]).includes(name))
      throw new InputError('', `unknown option ${name}; ${USAGE}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new InputError('', `${name} needs a value; ${USAGE}`);
    if (values[name] !== undefined) throw new InputError('', `${name} is given twice`);
    values[name] = value;
  }
  return values as Record<(typeof OPTIONS)[number], string | undefined>;
}

export const command: EngineCommand = {
  name: 'busy',
  run({ stdin, args }) {
    const o = parseOptions(args);
    for (const name of ['--from', '--to'] as const) {
      const v = o[name];
      if (v === undefined) throw new InputError('', `${name} is required; ${USAGE}`);
      if (parseIsoInstant(v) === null) {
        throw new InputError(
          '',
          `${name}: expected an ISO-8601 date-time with an offset or Z, like 2027-01-04T00:00:00+01:00 (got ${JSON.stringify(v)})`,
        );
      }
    }
    const from = o['--from'] as string;
    const to = o['--to'] as string;
    if ((parseIsoInstant(to) as number) <= (parseIsoInstant(from) as number)) {
      throw new InputError('', '--to must be after --from');
    }
    const timeZone = o['--time-zone'] ?? DEFAULT_TIME_ZONE;
    if (!ianaZone(timeZone))
      throw new InputError('', `--time-zone: unknown IANA time zone ${JSON.stringify(timeZone)}`);
    return busyFromIcs(stdin, { from, to, timeZone });
  },
};
