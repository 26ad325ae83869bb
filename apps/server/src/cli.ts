import { parseArgs } from 'node:util';
import { runEngineCli } from '@compagnon/engine';
import { loadDotEnv } from './config.ts';

const USAGE = `usage:
  compagnon engine assign|stable|slots|busy [--input FILE] < input.json > output.json
  compagnon admin create --org NAME --email EMAIL --name NAME [--kind KIND] [--time-zone ZONE] [--password PASSWORD]
      (without --password: a temporary password, replaced at first sign-in; a sign-in link either way)
  compagnon import --programme ID --file people.csv|people.xlsx [--default-role tutee] [--commit] [--as EMAIL]
      [--column "TITLE=FIELD"]... [--invite-later]
      (--column says what a column is, e.g. --column "Ville=siteCity" or --column "Remarques=ignore";
       the choices are remembered for the organisation's next imports once committed)
  compagnon backup [--out FILE]

Database and data folder come from the environment or .env (DATABASE_URL, DATA_DIR), as for the server;
a relative DATA_DIR is read from the repository's root, whatever the current folder.`;

async function main(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  if (group !== 'engine') loadDotEnv();
  switch (group) {
    case 'engine':
      return runEngineCli(rest);
    case 'admin': {
      const [sub, ...args] = rest;
      if (sub !== 'create') break;
      const { values } = parseArgs({
        args,
        options: {
          org: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string', default: 'university-department' },
          'time-zone': { type: 'string', default: 'Europe/Paris' },
          password: { type: 'string' },
        },
      });
      const { adminCreate } = await import('./admin/commands.ts');
      return adminCreate(values);
    }
    case 'import': {
      const { values } = parseArgs({
        args: rest,
        options: {
          programme: { type: 'string' },
          file: { type: 'string' },
          'default-role': { type: 'string' },
          commit: { type: 'boolean', default: false },
          as: { type: 'string' },
          column: { type: 'string', multiple: true },
          'invite-later': { type: 'boolean', default: false },
        },
      });
      const { importPeople } = await import('./admin/commands.ts');
      return importPeople(values);
    }
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      const { backup } = await import('./admin/commands.ts');
      return backup(values);
    }
    case undefined:
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
