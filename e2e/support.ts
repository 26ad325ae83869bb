/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_CLOCK_FILE, E2E_LOG } from './env.ts';

/** Signs in through the API: the session cookie lands in the page's browser context. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const res = await page.request.post('/api/auth/sign-in', { data: { email, password } });
  expect(res.status(), `sign-in as ${email}`).toBe(200);
}

export async function api<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.ok(), `GET ${path}`).toBeTruthy();
  return (await res.json()) as T;
}

interface Me {
  memberships: {
    role: string;
    programme: { id: string; name: string; template: string };
    organisation: { id: string; name: string };
  }[];
  organisations: { id: string; name: string; isDemo: boolean }[];
}

export async function programmeIdByName(page: Page, name: RegExp): Promise<string> {
  const me = await api<Me>(page.request, '/api/me');
  const m = me.memberships.find((x) => name.test(x.programme.name));
  if (!m) throw new Error(`No programme matching ${name}`);
  return m.programme.id;
}

export async function organisationIdByName(page: Page, name: RegExp): Promise<string> {
  const me = await api<Me>(page.request, '/api/me');
  const o = me.organisations.find((x) => name.test(x.name));
  if (!o) throw new Error(`No organisation matching ${name}`);
  return o.id;
}

/**
 * The last link of the given kind e-mailed to an address. Without SMTP the server writes each
 * e-mail to its log; the spec server's log is a file (see playwright.config.ts).
 */
export async function linkFromMail(to: string, path: string, notBefore = 0): Promise<string> {
  const pattern = new RegExp(
    `https?://[^\\s]+${path.replace(/[?/]/g, (c) => `\\${c}`)}\\?token=[A-Za-z0-9_-]+(?:&[^\\s]*)?`,
    'g',
  );
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const log = readFileSync(E2E_LOG, 'utf8').slice(notBefore);
        const mails = log.split('✉  To: ').filter((m) => m.startsWith(`${to}\n`));
        found = mails.at(-1)?.match(pattern)?.at(-1);
        return found;
      },
      { message: `an e-mail to ${to} with a ${path} link`, timeout: 10_000 },
    )
    .toBeTruthy();
  return new URL(found as string).pathname + new URL(found as string).search;
}

/**
 * The last link whose path matches `path` (a link carrying its secret in the path, such as
 * /relecture/<token>) e-mailed to an address after `notBefore`. Mails sent by a job arrive a little
 * later: the log is read until one comes.
 */
export async function pathFromMail(to: string, path: RegExp, notBefore = 0, timeout = 30_000) {
  const pattern = new RegExp(`https?://[^\\s/]+(${path.source})`, 'g');
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const log = readFileSync(E2E_LOG, 'utf8').slice(notBefore);
        const mails = log.split('✉  To: ').filter((m) => m.startsWith(`${to}\n`));
        const links = [...(mails.at(-1)?.matchAll(pattern) ?? [])];
        found = links.at(-1)?.[1];
        return found;
      },
      { message: `an e-mail to ${to} with a link like ${path}`, timeout },
    )
    .toBeTruthy();
  return found as string;
}

/** Where the log ends now: mails written after this point are the ones a step caused. */
export const logMark = () => readFileSync(E2E_LOG, 'utf8').length;

/**
 * WCAG 2.1 A and AA rules from axe; any violation fails with a readable list. axe runs in the page
 * itself (the app has no frames from other origins, which only the default mode reaches: it injects
 * axe into every frame and again into a blank page opened to merge the results), and it describes
 * the elements of its violations only, not of the rules that pass: a scan costs half as much.
 */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    .setLegacyMode()
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** The page is not wider than the window: nothing makes a phone scroll sideways. A resize lets the
 * app re-render for the new width first (layouts that follow media queries in script), so the
 * measure is retried for a few seconds before it fails. */
export async function expectNoHorizontalScroll(page: Page, label: string) {
  const measure = () =>
    page.evaluate(() => {
      const doc = document.documentElement;
      const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.right <= doc.clientWidth + 1) return false;
          // Content inside a container that scrolls on its own (tables) is allowed to be wider.
          for (let p = el.parentElement; p; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (
              /(auto|scroll|hidden)/.test(s.overflowX) &&
              p.getBoundingClientRect().right <= doc.clientWidth + 1
            )
              return false;
          }
          return true;
        })
        .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} "${(el.textContent ?? '').slice(0, 40)}" → ${Math.round(el.getBoundingClientRect().right)}px`,
        );
      return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide };
    });
  let last = await measure();
  await expect
    .poll(
      async () => {
        last = await measure();
        return last.scrollWidth <= last.clientWidth;
      },
      { timeout: 5_000, message: `${label} is wider than the screen` },
    )
    .toBe(true)
    .catch(() => {
      throw new Error(
        `${label} is wider than the screen: ${last.scrollWidth}px > ${last.clientWidth}px; widest: ${last.wide.join(', ')}`,
      );
    });
}

/**
 * A screenshot for people to look at, taken only when SCREENS_DIR is set
 * (`SCREENS_DIR=/tmp/screens npx playwright test …`): SCREENS_DIR/<group>/<name>.png, once the
 * page's requests are over. Without it, nothing is written and nothing is waited for.
 */
export async function shot(
  page: Page,
  group: string,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<void> {
  const root = process.env.SCREENS_DIR;
  if (!root) return;
  mkdirSync(join(root, group), { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(root, group, `${name}.png`), fullPage: opts.fullPage ?? true });
}

/** The milliseconds the specs' server now adds to the system time (0 until a spec moves it). */
function clockOffset(): number {
  return existsSync(E2E_CLOCK_FILE) ? Number(readFileSync(E2E_CLOCK_FILE, 'utf8')) || 0 : 0;
}

/**
 * Lets `ms` go by on the server's clock (its due jobs and hourly sweeps run at its next poll, sessions
 * made before may have expired). Written whole then renamed, so the server never reads half a number.
 * Only in specs of the `time-travel` project (playwright.config.ts), which run after every other.
 */
export function letTimePass(ms: number): void {
  const next = `${E2E_CLOCK_FILE}.next`;
  writeFileSync(next, String(clockOffset() + ms));
  renameSync(next, E2E_CLOCK_FILE);
}

/** The server's clock back to the system time. */
export function resetServerClock(): void {
  rmSync(E2E_CLOCK_FILE, { force: true });
}

/** The server's "now": the system time plus the offset the specs gave it. */
export const serverNow = () => new Date(Date.now() + clockOffset());
