import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import pLimit from 'p-limit';

/** The one-way function behind stored passwords. */
export interface PasswordAlgorithm {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a stored hash it cannot read. */
  verify(hash: string, password: string): Promise<boolean>;
}

/** Argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes): every stored hash and the stand-in below. */
export const argon2id: PasswordAlgorithm = {
  hash: (password) => argon2.hash(password, { type: argon2.argon2id }),
  verify: (hash, password) => argon2.verify(hash, password).catch(() => false),
};

/** Every hashing slot is taken and the queue is full: the caller answers "busy, retry shortly". */
export class PasswordsBusy extends Error {
  constructor() {
    super('password hashing queue is full');
  }
}

export interface Passwords {
  hash(password: string): Promise<string>;
  /**
   * Checks a password against a stored hash. Without one (no such account, or an account without a
   * password) it verifies against a stand-in hash made once with the same parameters and answers
   * false, so an unknown e-mail costs exactly what a known one does and the time taken tells nothing.
   */
  verify(hash: string | null | undefined, password: string): Promise<boolean>;
  /** Hashes being computed, and calls waiting for a slot. */
  load(): { running: number; waiting: number };
}

/**
 * Argon2 runs on libuv's worker threads (4 by default), the same threads that read static files and
 * do every other file I/O. At most `concurrency` hashes run at once, so the other threads stay free
 * however many sign-ins arrive; at most `queue` more wait, and past that the call fails at once with
 * `PasswordsBusy` instead of piling up.
 */
export function passwordHasher(opts: {
  concurrency: number;
  queue: number;
  algorithm?: PasswordAlgorithm;
}): Passwords {
  const algorithm = opts.algorithm ?? argon2id;
  const limit = pLimit(opts.concurrency);
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    if (limit.activeCount >= opts.concurrency && limit.pendingCount >= opts.queue) {
      return Promise.reject(new PasswordsBusy());
    }
    return limit(work);
  };
  let standIn: Promise<string> | undefined;
  const standInHash = () => {
    standIn ??= run(() => algorithm.hash(randomBytes(32).toString('base64url'))).catch((err) => {
      standIn = undefined;
      throw err;
    });
    return standIn;
  };
  return {
    hash: (password) => run(() => algorithm.hash(password)),
    async verify(hash, password) {
      if (hash) return run(() => algorithm.verify(hash, password));
      const stand = await standInHash();
      await run(() => algorithm.verify(stand, password));
      return false;
    },
    load: () => ({ running: limit.activeCount, waiting: limit.pendingCount }),
  };
}
