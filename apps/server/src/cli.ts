import { runEngineCli } from '@compagnon/engine';

const [group, ...rest] = process.argv.slice(2);

const USAGE = `usage:
  compagnon engine assign|stable|slots|busy [--input FILE] < input.json > output.json`;

async function main(): Promise<number> {
  switch (group) {
    case 'engine':
      return runEngineCli(rest);
    default:
      process.stderr.write(`${USAGE}\n`);
      return group === undefined || group === '--help' ? 0 : 2;
  }
}

process.exitCode = await main();
