import { closeCompute, startCompute } from './compute/pool.ts';
import { loadConfig, loadDotEnv } from './config.ts';
import type { AppContext } from './context.ts';
import { migrate, openDatabase } from './db/index.ts';
import { type DemoSeeding, seedDemo } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { startJobRunner } from './jobs/index.ts';
import { shiftedClock, systemClock } from './lib/clock.ts';
import { loggerOptions } from './lib/log.ts';
import { passwordHasher } from './lib/passwords.ts';
import { mailerFor } from './notify/mailer.ts';

// settings (.env, environment) → database (migrations) → app → demo on an empty database → listen
let settingsFile: string | undefined;
let config: ReturnType<typeof loadConfig>;
try {
  settingsFile = loadDotEnv();
  config = loadConfig();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
const handle = openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.dataDir,
  sqliteDriver: config.SQLITE_DRIVER,
});
await migrate(handle.db);
const ctx: AppContext = {
  db: handle.db,
  dbKind: handle.kind,
  config,
  mailer: mailerFor(config),
  clock: config.TEST_CLOCK_FILE ? shiftedClock(config.TEST_CLOCK_FILE) : systemClock,
  passwords: passwordHasher({
    concurrency: config.PASSWORD_HASH_CONCURRENCY,
    queue: config.PASSWORD_HASH_QUEUE,
  }),
};
const app = await buildApp(ctx, { logger: loggerOptions(config) });
app.log.info(
  `Database: ${handle.location}${handle.driver ? ` (SQLite through ${handle.driver})` : ' (PostgreSQL)'}` +
    `; settings: ${settingsFile ?? 'environment only (no .env)'}`,
);
const demo: DemoSeeding = config.demo ? await seedDemo(ctx) : 'off';
const demoNote: Record<DemoSeeding, string> = {
  created:
    'Demo organisations created (DMG Démo, CPTS Démo): accounts such as coordination@dmg.demo, ' +
    'tuteur1@dmg.demo, interne1@dmg.demo sign in with the password demo-compagnon (README: "Demo accounts").',
  present:
    'Demo organisations present: demo accounts (README: "Demo accounts") sign in with the password demo-compagnon.',
  'real-organisation': 'No demo: this database holds a real organisation.',
  off: 'No demo (DEMO=off or NODE_ENV=production).',
};
app.log.info(demoNote[demo]);
if (config.NODE_ENV === 'production' && !config.SMTP_URL && !config.SMTP_HOST) {
  app.log.warn('No SMTP settings (SMTP_URL or SMTP_HOST): e-mails are not sent, only noted in the log.');
}
let address: string;
try {
  address = await app.listen({ port: config.PORT, host: config.HOST });
} catch (err) {
  app.log.error(`Cannot listen on ${config.HOST}:${config.PORT}: ${(err as Error).message}`);
  await handle.close();
  process.exit(1);
}
startJobRunner(ctx);
startCompute();
const local = config.HOST === '127.0.0.1' || config.HOST === 'localhost' || config.HOST === '::1';
app.log.info(
  `Compagnon is ready on ${config.publicUrl} (listening on ${address}${local ? ', this machine only; set HOST=0.0.0.0 to open it to the network' : ''})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await closeCompute();
    await handle.close();
    process.exit(0);
  });
}
