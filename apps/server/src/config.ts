import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** The repository's root: relative paths in the settings (DATA_DIR, WEB_DIST) are read from here. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Reads `<root>/.env` into the environment when it exists (Node's own loader); variables already set
 * in the environment win. Called by the entry points (server, CLI), never by tests.
 */
export function loadDotEnv(file = join(ROOT, '.env')): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    process.loadEnvFile(file);
  } catch (err) {
    throw new Error(`Cannot read the settings file ${file}: ${(err as Error).message}`);
  }
  return file;
}

// Every setting comes from the environment, validated once here; README.md and .env.example document them.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Only this machine by default; HOST=0.0.0.0 (or an address) opens it to the network.
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine(
      (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
      'DATABASE_URL must be a postgres:// URL',
    ),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  MAIL_FROM: z.string().default('Compagnon <no-reply@compagnon.local>'),
  SESSION_DAYS: z.coerce.number().positive().default(30),
  // A session unused this long ends, whatever SESSION_DAYS says.
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  // Password hashes computed at once (each takes a libuv worker thread of 4) and how many may wait.
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(3).default(2),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).default(16),
  // Wrong passwords for one account from one address before each new try waits (1, 2, 4… minutes).
  SIGN_IN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
  // Wrong passwords for one account from all addresses in 15 minutes before its password sign-in
  // pauses (sign-in links still work).
  SIGN_IN_ACCOUNT_CEILING: z.coerce.number().int().min(1).default(50),
  // Sign-in link and password reset e-mails sent to one address per window; more are not sent.
  AUTH_MAIL_LIMIT: z.coerce.number().int().min(1).default(3),
  AUTH_MAIL_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // auto: readable lines on a terminal outside production, JSON lines otherwise.
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  WEB_DIST: z.string().optional(),
  // auto: Node's built-in node:sqlite where it exists (Node ≥ 22.16), better-sqlite3 on Node 20.
  SQLITE_DRIVER: z.enum(['auto', 'node:sqlite', 'better-sqlite3']).default('auto'),
  // Which proxies may say who the client is (X-Forwarded-For): none by default, since anyone can
  // write that header; behind a reverse proxy, its addresses or ranges.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, c) => trustedProxies(v, c)),
  // auto: on, except under NODE_ENV=test (the test suite makes thousands of requests from one address).
  RATE_LIMIT: z.enum(['auto', 'on', 'off']).default('auto'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  // The browser specs only (NODE_ENV=test): a file holding milliseconds added to the system time, so
  // a spec can let a year go by (lib/clock.ts `shiftedClock`). Refused under any other NODE_ENV.
  TEST_CLOCK_FILE: z.string().optional(),
  // auto: the browsable API description (/api/docs) outside production only.
  API_DOCS: z.enum(['auto', 'on', 'off']).default('auto'),
  // Subscribed calendars are read from public addresses only; true also allows private, loopback
  // and link-local ones (a calendar server on the intranet).
  CALENDAR_FETCH_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  // How long reading one calendar may take before it is stopped and refused as too long.
  CALENDAR_READ_SECONDS: z.coerce.number().positive().max(120).default(5),
});

// The names Fastify's proxy-addr knows for the usual ranges, then single addresses and CIDR ranges.
const proxyAddress = z.union([
  z.enum(['loopback', 'linklocal', 'uniquelocal']),
  z.ipv4(),
  z.ipv6(),
  z.cidrv4(),
  z.cidrv6(),
]);

/**
 * TRUST_PROXY as Fastify's `trustProxy` takes it: `false` (unset, empty or false), or the list of
 * proxy addresses and ranges whose X-Forwarded-For is believed. Not `true` (whoever connects), and
 * not a hop count, which Fastify no longer honours because it cannot tell whether the peer is the
 * proxy or a client reaching the server directly with a forged header.
 */
function trustedProxies(value: string | undefined, c: z.RefinementCtx): false | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false') return false;
  const list = v.split(',').map((a) => a.trim());
  const wrong = list.filter((a) => !proxyAddress.safeParse(a).success);
  if (wrong.length > 0) {
    c.addIssue({
      code: 'custom',
      message:
        'the addresses or ranges of the reverse proxies, separated by commas (127.0.0.1, 10.1.0.0/16, ' +
        `loopback, uniquelocal); not ${wrong.map((a) => `"${a}"`).join(', ')}`,
    });
    return false;
  }
  return list;
}

export type Config = z.infer<typeof schema> & {
  dataDir: string;
  publicUrl: string;
  demo: boolean;
  trustProxy: false | string[];
  rateLimit: boolean;
  apiDocs: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.TEST_CLOCK_FILE && c.NODE_ENV !== 'test')
    throw new Error(
      'Invalid configuration:\n  TEST_CLOCK_FILE: only for the browser specs, under NODE_ENV=test',
    );
  return {
    ...c,
    // One resolution for every entry point: the server, the CLI and the scripts, whatever their folder.
    dataDir: isAbsolute(c.DATA_DIR) ? c.DATA_DIR : resolve(ROOT, c.DATA_DIR),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    // Demo data never exists in production, whatever DEMO says.
    demo: c.NODE_ENV !== 'production' && c.DEMO !== 'off',
    trustProxy: c.TRUST_PROXY,
    rateLimit: c.RATE_LIMIT === 'auto' ? c.NODE_ENV !== 'test' : c.RATE_LIMIT === 'on',
    apiDocs: c.API_DOCS === 'auto' ? c.NODE_ENV !== 'production' : c.API_DOCS === 'on',
  };
}
