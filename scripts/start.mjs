#!/usr/bin/env node
// npm start: builds the web app when its sources changed since the last build (not otherwise), then
// runs the server from the repository's root, with the settings of `.env` when there is one.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { typescriptArgs } from './typescript.mjs';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps/web');
const dist = process.env.WEB_DIST ? join(root, process.env.WEB_DIST) : join(web, 'dist');
const stampFile = join(dist, '.sources-hash');

/**
 * The server's files the web app imports (the request schemas it validates forms with), followed
 * through their own relative imports: a change there changes the build, other server changes do not.
 */
function serverFilesImportedBy(webFiles) {
  const serverSrc = join(root, 'apps/server/src');
  const seen = new Set();
  const queue = [...webFiles];
  while (queue.length > 0) {
    const file = queue.pop();
    if (!/\.(ts|tsx)$/.test(file) || !existsSync(file)) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*['"]([^'"]+)['"]/g)) {
      let target;
      if (spec.startsWith('@compagnon/server/'))
        target = join(serverSrc, spec.slice('@compagnon/server/'.length));
      else if (spec.startsWith('.') && file.startsWith(serverSrc)) target = join(dirname(file), spec);
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

/** A hash of everything the web build reads: its sources, its settings and the installed versions. */
function sourcesHash() {
  const hash = createHash('sha256');
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(web);
  files.push(...serverFilesImportedBy(files), join(root, 'package-lock.json'));
  for (const file of files.sort()) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

const started = Date.now();
const hash = sourcesHash();
const built = existsSync(join(dist, 'index.html')) && existsSync(stampFile);
if (built && readFileSync(stampFile, 'utf8').trim() === hash) {
  console.log(`Web app up to date (${relative(root, dist)}), no build needed.`);
} else {
  console.log(built ? 'Web app sources changed: building it…' : 'Building the web app (first start)…');
  const r = spawnSync(
    'npm',
    ['run', 'build', '-w', '@compagnon/web', '--', '--outDir', dist, '--emptyOutDir'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    console.error('The web app did not build: see the messages above.');
    process.exit(r.status ?? 1);
  }
  writeFileSync(stampFile, `${hash}\n`);
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const server = spawn(process.execPath, [...typescriptArgs, join(root, 'apps/server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WEB_DIST: dist },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
