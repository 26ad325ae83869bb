// The server's test files as plain JavaScript, bundled once per run by esbuild (tsx's own compiler)
// in a second or two, the modules they share split into common chunks and the packages of
// node_modules left as imports. Each test file runs in its own process, which loads the app and the
// test harness: from the sources that costs 3.7 s of CPU through tsx's loader hooks on Node.js 20
// and 1.8 s with Node.js 24's own type stripping; from a bundle, 1.3 s and 0.9 s.
//
// The bundles behave as the sources: `import.meta.url`, `import.meta.dirname` and
// `import.meta.filename` keep the values of the source file they are written in (fixtures,
// migrations, the compute worker and `createRequire` resolve from the source tree), and inline
// source maps point stack traces at the TypeScript lines. A test file that imports a module whose
// path it computes at run time cannot be bundled: it runs from its source.
import { readFileSync } from 'node:fs';
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
 * run: each test's bundle, or its source when it cannot be bundled.
 */
export async function bundleTests(root, files, outDir) {
  const bundled = files.filter((f) => !COMPUTED_IMPORT.test(readFileSync(join(root, f), 'utf8')));
  const fromSource = files.filter((f) => !bundled.includes(f));
  const base = join(root, 'apps/server/src');
  // build() rejects when a file does not compile, with esbuild's messages.
  await build({
    absWorkingDir: root,
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
    logLevel: 'warning',
    plugins: [sourceMeta, packagesExternal],
  });
  const toBundle = (f) =>
    relative(root, join(outDir, relative(base, join(root, f)))).replace(/\.ts$/, '.mjs');
  return { bundled: bundled.map(toBundle), fromSource };
}
