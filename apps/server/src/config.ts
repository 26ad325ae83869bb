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
  DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // auto: readable lines on a terminal outside production, JSON lines otherwise.
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  WEB_DIST: z.string().optional(),
  // auto: Node's built-in node:sqlite where it exists (Node ≥ 22.16), better-sqlite3 on Node 20.
  SQLITE_DRIVER: z.enum(['auto', 'node:sqlite', 'better-sqlite3']).default('auto'),
  // Subscribed calendars are read from public addresses only; true also allows private, loopback
  // and link-local ones (a calendar server on the intranet).
  CALENDAR_FETCH_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
});

export type Config = z.infer<typeof schema> & { dataDir: string; publicUrl: string; demo: boolean };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    // One resolution for every entry point: the server, the CLI and the scripts, whatever their folder.
    dataDir: isAbsolute(c.DATA_DIR) ? c.DATA_DIR : resolve(ROOT, c.DATA_DIR),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    // Demo data never exists in production, whatever DEMO says.
    demo: c.NODE_ENV !== 'production' && c.DEMO !== 'off',
  };
}
