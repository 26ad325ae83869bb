// The server's test files as plain JavaScript, bundled once per run by esbuild (tsx's own compiler)
// in a second or two, the modules they share split into common chunks and the packages of
// node_modules left as imports. Each test process loads the app and the test harness: from the
// sources that costs 3.7 s of CPU through tsx's loader hooks on Node.js 20 and 1.8 s with Node.js
// 24's own type stripping; from a bundle, 1.3 s and 0.9 s (and `groupBundles` below has a process
// load it once for several test files).
//
// The bundles behave as the sources: `import.meta.url`, `import.meta.dirname` and
// `import.meta.filename` keep the values of the source file they are written in (fixtures,
// migrations, the compute worker and `createRequire` resolve from the source tree), and inline
// source maps point stack traces at the TypeScript lines. A test file that imports a module whose
// path it computes at run time cannot be bundled: it runs from its source.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** A dynamic import whose specifier is not a string literal. */
const COMPUTED_IMPORT = /\bimport\(\s*(?!['"`][^'"`$]*['"`]\s*\))/;

const metaOf = (path) => ({
  url: JSON.stringify(pathToFileURL(path).href),
  dirname: JSON.stringify(dirname(path)),
  filename: JSON.stringify(path),
});

/** Keeps each source file's `import.meta` values in the bundle. */
const sourceMeta = {
  name: 'source-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      const meta = metaOf(args.path);
      const contents = readFileSync(args.path, 'utf8').replace(
        /\bimport\.meta\.(url|dirname|filename)\b/g,
        (_, key) => meta[key],
      );
      return { contents, loader: 'ts' };
    });
  },
};

/** Packages stay imports, resolved from node_modules when the bundle runs, except the workspace's
 * own (their entry points are TypeScript sources). */
const packagesExternal = {
  name: 'packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@compagnon/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Bundles `files` (paths relative to `root`) into `outDir`, which must sit where the bundles'
 * package imports resolve (under the package whose node_modules they need). Returns the files to
 * run: each test's bundle beside its source, or its source when it cannot be bundled.
 */
export async function bundleTests(root, files, outDir) {
  const bundled = files.filter((f) => !COMPUTED_IMPORT.test(readFileSync(join(root, f), 'utf8')));
  const fromSource = files.filter((f) => !bundled.includes(f));
  const base = join(root, 'apps/server/src');
  // build() rejects when a file does not compile, with esbuild's messages.
  const { metafile } = await build({
    absWorkingDir: root,
    metafile: true,
    entryPoints: bundled.map((f) => join(root, f)),
    outbase: base,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [sourceMeta, packagesExternal],
  });
  const toBundle = (f) =>
    relative(root, join(outDir, relative(base, join(root, f)))).replace(/\.ts$/, '.mjs');
  // The modules shared by several test files, in chunks of their own (paths relative to `root`).
  const chunks = Object.entries(metafile.outputs)
    .filter(([path, output]) => !output.entryPoint && path.endsWith('.mjs'))
    .map(([path]) => path);
  return {
    bundled: bundled.map((source) => ({ source, bundle: toBundle(source) })),
    chunks,
    fromSource,
  };
}

/**
 * Test processes of about `perProcess` files each. A process loads the app and the harness once for
 * all its files (about a second of CPU each time) and runs each file's tests in a suite named after
 * its source: the file's hooks (`before`, `after`) belong to that suite, so each file still sets up
 * and throws away its own database, server and clock around its own tests. A file's top-level code
 * runs when the process starts, beside its neighbours', so it must leave the process as it found it
 * (a replaced provider is set in a `before` hook, not at the top). The shared chunks are loaded
 * first, once: a module that awaits at its top (the server texts' i18next) would otherwise resume
 * the files that import it inside the first file's suite. The biggest files (by size, a proxy for
 * running time) are spread first, each into the lightest process, and the processes are listed
 * heaviest first, so the runner starts with the longest and ends with the shortest.
 * Returns the processes' entry files, to run with `node --test`.
 */
export function groupBundles(root, { bundled, chunks }, outDir, perProcess) {
  const count = Math.max(1, Math.ceil(bundled.length / perProcess));
  const groups = Array.from({ length: count }, () => ({ files: [], size: 0 }));
  const sized = bundled
    .map(({ source, bundle }) => ({ file: source, bundle, size: statSync(join(root, source)).size }))
    .sort((a, b) => b.size - a.size || a.file.localeCompare(b.file));
  for (const f of sized) {
    const lightest = groups.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.files.push(f);
    lightest.size += f.size;
  }
  return groups
    .filter((g) => g.files.length > 0)
    .sort((a, b) => b.size - a.size)
    .map((g, i) => {
      const entry = join(outDir, `process-${String(i + 1).padStart(2, '0')}.test.mjs`);
      const suites = g.files
        .sort((a, b) => a.file.localeCompare(b.file))
        .map(
          (f) =>
            `describe(${JSON.stringify(f.file)}, () => import(${JSON.stringify(pathToFileURL(join(root, f.bundle)).href)}));`,
        );
      const shared = chunks.map((c) => `await import(${JSON.stringify(pathToFileURL(join(root, c)).href)});`);
      writeFileSync(
        entry,
        `import { describe } from 'node:test';\n${shared.join('\n')}\n${suites.join('\n')}\n`,
      );
      return relative(root, entry);
    });
}
