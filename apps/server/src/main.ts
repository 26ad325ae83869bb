import { loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { migrate, openDatabase } from './db/index.ts';
import { seedDemo } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { startJobRunner } from './jobs/registry.ts';
import { systemClock } from './lib/clock.ts';
import { mailerFor } from './notify/mailer.ts';

// config → database → app → listen
const config = loadConfig();
const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
await migrate(handle.db);
const ctx: AppContext = {
  db: handle.db,
  dbKind: handle.kind,
  config,
  mailer: mailerFor(config),
  clock: systemClock,
};
const app = await buildApp(ctx, { logger: true });
if (config.demo) {
  const created = await seedDemo(ctx);
  if (created)
    app.log.info('Demo organisations created (DMG Démo, CPTS Démo); every demo password is demo-compagnon');
}
await app.listen({ port: config.PORT, host: config.HOST });
startJobRunner(ctx);
app.log.info(`Compagnon on ${config.publicUrl} (database: ${handle.kind})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  });
}
