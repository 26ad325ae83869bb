import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import {
  BASE_URL,
  E2E_CLOCK_FILE,
  E2E_DATA_DIR,
  E2E_DIR,
  E2E_LOG,
  E2E_PORT,
  ROOT,
  WEB_DIST,
} from './e2e/env.ts';
import { typescriptArgs } from './scripts/typescript.mjs';

// The real server on its own port with a fresh database (demo data is created at start), the web
// app built from the current sources, and the server log kept in a file so specs can read the
// links it "sends" by e-mail. Nothing here downloads a browser: Debian's Chromium is used.
//
// The web app is built into the run's own directory rather than apps/web/dist: several people
// working in one tree may run the specs at once (E2E_PORT=… picks another port and directory), and
// a build in progress elsewhere must not pull the files from under this server. E2E_SKIP_BUILD=1
// serves an existing apps/web/dist instead, and E2E_WEB_DIST=… a build made beforehand (npm test
// builds once for the servers it starts side by side).
const prebuilt = process.env.E2E_WEB_DIST ?? (process.env.E2E_SKIP_BUILD === '1' ? WEB_DIST : undefined);
const reuseBuild = prebuilt !== undefined && existsSync(join(prebuilt, 'index.html'));
const webDist = reuseBuild ? prebuilt : join(E2E_DIR, 'web');
const serve = [
  `rm -rf '${E2E_DIR}'`,
  `mkdir -p '${E2E_DIR}'`,
  // The spec server runs with NODE_ENV=test; the web app is still a production build.
  reuseBuild
    ? 'true'
    : `NODE_ENV=production npm run build -w @compagnon/web -- --outDir '${webDist}' --emptyOutDir`,
  // The rule of scripts/typescript.mjs: tsx only where Node.js does not strip types itself.
  `exec node ${[...typescriptArgs, 'apps/server/src/main.ts'].join(' ')} > '${E2E_LOG}' 2>&1`,
].join(' && ');

// Specs that move the server's clock on (support.ts `letTimePass`): they run last, so no other spec
// sees a server a year ahead.
const TIME_TRAVEL = /mentoring\.spec\.ts/;

// npm test runs the specs as several lists, each against its own server (scripts/test.mjs): E2E_SPECS
// names the spec files of this run's list, comma-separated. The projects keep their order inside it.
const listed = process.env.E2E_SPECS?.split(',').filter(Boolean);
const inList = listed
  ? new RegExp(`(^|/)(${listed.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`)
  : undefined;
const travels = !listed || listed.some((f) => TIME_TRAVEL.test(f));

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-dev-shm-usage',
    ],
  },
  headless: true,
};

export default defineConfig({
  testDir: 'e2e',
  // One results folder per port: a run cleans its own folder, never another run's.
  outputDir: `test-results/${E2E_PORT}`,
  fullyParallel: false,
  // One worker: specs share one demo server, and several of them count what others change.
  workers: 1,
  retries: 0,
  // A stray test.only must not silently skip the rest of the suite in CI.
  forbidOnly: !!process.env.CI || process.env.REQUIRE_E2E === '1',
  reporter: 'list',
  // Ceilings, not waits: a test ends as soon as its states are reached. Two lists side by side on a
  // busy two-core machine make an axe scan or a page load take several times its quiet duration.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // The screenshot gallery (screenshots.spec.ts, tagged @screens) runs on demand
  // (`SCREENSHOTS=1 npx playwright test screenshots`), not in the normal run. The other specs take
  // their screenshots only when SCREENS_DIR is set (support.ts `shot`).
  grepInvert: process.env.SCREENSHOTS === '1' ? undefined : /@screens/,
  use: {
    baseURL: BASE_URL,
    locale: 'fr-FR',
    timezoneId: 'America/New_York',
    // The app honours reduced motion (theme `respectReducedMotion`): a dialog is in its final state as
    // soon as it is visible, so an axe scan never reads colours half-way through a fade.
    reducedMotion: 'reduce',
    // No trace unless asked (E2E_TRACE=retain-on-failure, or another Playwright trace mode): recording
    // one for every test costs a third of the specs' CPU, and a failure already leaves its screenshot,
    // the page's accessibility tree (error-context.md) and the server's log.
    trace: (process.env.E2E_TRACE as 'off' | 'on' | 'retain-on-failure' | undefined) ?? 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      ...(inList ? { testMatch: inList } : {}),
      // Specs that let months pass on the server's clock run after every other (project below).
      testIgnore: TIME_TRAVEL,
      use: browser,
    },
    ...(travels
      ? [
          {
            name: 'time-travel',
            testMatch: TIME_TRAVEL,
            dependencies: ['chromium'],
            use: browser,
          },
        ]
      : []),
  ],
  webServer: {
    command: `sh -c "${serve.replace(/"/g, '\\"')}"`,
    url: `${BASE_URL}/api/health`,
    cwd: ROOT,
    reuseExistingServer: false,
    // A busy two-core machine builds the web app and seeds the demo slowly: wait for the state
    // (the health route answering), with room to spare.
    timeout: 300_000,
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: E2E_DATA_DIR,
      // Always a fresh embedded database: a DATABASE_URL inherited from the shell (CI sets one for the
      // server suite) would point the specs at a shared database that keeps earlier runs' changes.
      DATABASE_URL: '',
      WEB_DIST: webDist,
      PUBLIC_URL: BASE_URL,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      SMTP_URL: '',
      SMTP_HOST: '',
      TEST_CLOCK_FILE: E2E_CLOCK_FILE,
    },
  },
});
