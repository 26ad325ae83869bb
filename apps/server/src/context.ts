import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db, DbKind } from './db/index.ts';
import type { Clock } from './lib/clock.ts';
import type { Passwords } from './lib/passwords.ts';
import type { HostResolver } from './modules/availability/download.ts';
import type { Mailer } from './notify/mailer.ts';

/** Everything a request or job needs, built once in main.ts (or by the test harness). */
export interface AppContext {
  db: Db;
  dbKind: DbKind;
  config: Config;
  mailer: Mailer;
  clock: Clock;
  /** Password hashing, bounded for the whole process (built from the config when absent). */
  passwords?: Passwords;
  log?: FastifyBaseLogger;
  /** How host names are resolved for outgoing requests (calendar subscriptions); tests inject one. */
  resolveHost?: HostResolver;
}
