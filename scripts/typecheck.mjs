#!/usr/bin/env node
// The type check: TypeScript 7's native compiler (the `typescript-native` alias of typescript@7),
// two and a half times quicker than TypeScript 5 on these sources, over the server, engine, specs
// and scripts (tsconfig.json), then the web app (apps/web/tsconfig.json). TypeScript 5 stays
// installed as `typescript` for what needs its JavaScript API, which TypeScript 7 does not have: the
// structure check parses the sources with it, and editors run its language service.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const pkg = createRequire(import.meta.url).resolve('typescript-native/package.json');
const tsc = join(dirname(pkg), 'bin/tsc');
for (const project of ['tsconfig.json', 'apps/web/tsconfig.json']) {
  const { status } = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
