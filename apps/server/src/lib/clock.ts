import { readFileSync, statSync } from 'node:fs';

/** Injected time source: tests move time forward instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const iso = (d: Date): string => d.toISOString();

export function fixedClock(start: Date): Clock & { advance(ms: number): void; set(d: Date): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
}

/**
 * The system time plus the milliseconds written in `file` (none while it does not exist): the
 * browser specs' server (TEST_CLOCK_FILE, NODE_ENV=test only) lets a spec move a year on and back.
 * The file is read again only when it changed.
 */
export function shiftedClock(file: string): Clock {
  let seen = -1;
  let offset = 0;
  return {
    now() {
      let changed = 0;
      try {
        changed = statSync(file).mtimeMs;
      } catch {
        changed = 0;
      }
      if (changed !== seen) {
        seen = changed;
        offset = changed ? Number(readFileSync(file, 'utf8').trim()) || 0 : 0;
      }
      return new Date(Date.now() + offset);
    },
  };
}
