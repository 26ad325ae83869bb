// Ad-hoc screenshot of one page: node e2e/shot.mjs <path> <email|-> <width> <out.png> [full] [click-text]
import { chromium } from '@playwright/test';
const [path, email, width, out, full, click] = process.argv.slice(2);
const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 860 }, baseURL: base, locale: 'fr-FR' });
const page = await ctx.newPage();
if (email && email !== '-') {
  const r = await page.request.post('/api/auth/sign-in', { data: { email, password: 'demo-compagnon' } });
  if (!r.ok()) throw new Error(`sign-in ${r.status()}`);
}
const me = email && email !== '-' ? await (await page.request.get('/api/me')).json() : null;
let target = path;
if (me) {
  const des = me.memberships.find((m) => /Tutorat DES/.test(m.programme.name))?.programme.id ?? me.memberships[0]?.programme.id;
  target = target.replace('DES', des ?? '').replace('ORG', me.organisations[0]?.id ?? '');
}
await page.goto(target);
await page.waitForLoadState('networkidle');
if (click) { await page.getByText(click, { exact: false }).first().click(); await page.waitForTimeout(400); }
if (process.env.SCROLL) await page.evaluate((y) => window.scrollTo(0, y), Number(process.env.SCROLL));
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close();
