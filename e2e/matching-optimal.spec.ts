import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { E2E_LOG } from './env.ts';
import { expectAccessible, expectNoHorizontalScroll, programmeIdByName, shot, signInAs } from './support.ts';

/** "19,8 km" → 19.8 */
const km = (s: string | null) => Number((s ?? '').replace(/[^\d,]/g, '').replace(',', '.'));

async function summaryRow(page: Page, label: string) {
  const row = page.getByTestId('summary').getByRole('row', { name: new RegExp(`^${label}`) });
  const cells = row.getByRole('cell');
  return { proposal: await cells.nth(0).textContent(), baseline: await cells.nth(1).textContent() };
}

test('a coordinator optimises a whole promotion, adjusts it, publishes it, and a resident learns who their tutor is', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, 'coordination@dmg.demo');
  const id = await programmeIdByName(page, /promotion 2027/);
  await page.goto(`/programmes/${id}/appariement`);
  await expect(page.getByRole('heading', { name: 'Qui apparier, et comment' })).toBeVisible();
  await expect(page.getByText(/^32 personnes à apparier · /)).toBeVisible();
  await expect(page.getByLabel('Mode d’appariement')).toHaveValue('optimal');

  // The coordinator weighs proximity more, then computes.
  const distance = page.getByRole('slider', { name: 'Proximité entre domicile, stage et cabinet' });
  await distance.focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Calculer les propositions' }).click();
  await expect(page.getByTestId('proposal')).toHaveCount(32);

  // Every proposal says why; the summary beats first come, first served on distance.
  await expect(page.getByTestId('proposal').first()).toContainText(/\d+ km/);
  const mean = await summaryRow(page, 'Distance moyenne');
  expect(km(mean.proposal)).toBeLessThan(km(mean.baseline));
  await expect(page.getByText(/vient de Lille : sa place passait en priorité\./).first()).toBeVisible();
  // Each proposal says what moving its resident would cost them, and the others.
  const effects = page.getByTestId('effect');
  await expect(effects.first()).toContainText(/km pour /);
  await expect(effects.filter({ hasText: /passerait de .+ à .+ \([+−]?\d/ }).first()).toBeAttached();
  await expectAccessible(page, 'matching review');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'matching', 'review-1280', { fullPage: false });
  await page.getByTestId('summary').scrollIntoViewIfNeeded();
  await shot(page, 'matching', 'review-summary-1280', { fullPage: false });
  await page.getByTestId('proposal').first().scrollIntoViewIfNeeded();
  await shot(page, 'matching', 'review-proposals-1280', { fullPage: false });

  // Move the first resident by hand: the pair is locked and survives a re-run.
  const first = page.getByTestId('proposal').first();
  const name = ((await first.locator('p').first().textContent()) ?? '').split(' → ')[0] as string;
  const move = first.getByLabel(`Déplacer ${name} vers un·e autre tuteur·rice`);
  const options = await move.locator('option').allTextContents();
  const target = options.find((o) => /\(\d+ pl\.\)/.test(o) && !o.includes('(0 pl.)')) as string;
  await move.selectOption({ label: target });
  const moved = page.getByTestId('proposal').filter({ hasText: `${name} → ${target.replace(/ \(.*$/, '')}` });
  await expect(
    moved.getByRole('button', { name: new RegExp(`Déverrouiller ce binôme — ${name}`) }),
  ).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /Recalculer/ }).click();
  await expect(
    page.getByTestId('proposal').filter({ hasText: `${name} → ${target.replace(/ \(.*$/, '')}` }),
  ).toHaveCount(1);

  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByTestId('proposal')).toHaveCount(32);
  await expectNoHorizontalScroll(page, 'matching review at 360 px');
  await page.getByTestId('proposal').first().scrollIntoViewIfNeeded();
  await shot(page, 'matching', 'review-proposals-360', { fullPage: false });
  await page.getByTestId('summary').scrollIntoViewIfNeeded();
  await shot(page, 'matching', 'review-summary-360', { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();

  // Publish: once, and everyone is told.
  const logStart = readFileSync(E2E_LOG, 'utf8').length;
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByRole('button', { name: 'Publier et prévenir' }).click();
  await expect(page.getByText('32 binômes sont actifs')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Binômes en cours (32)' })).toBeVisible();
  const mailsTo45 = () =>
    readFileSync(E2E_LOG, 'utf8').slice(logStart).split('✉  To: interne45@dmg.demo\n').length - 1;

  // The resident sees their tutor, how to reach them and why.
  const context = await browser.newContext({
    baseURL: page.url().replace(/\/programmes.*$/, ''),
    locale: 'fr-FR',
  });
  const resident = await context.newPage();
  await signInAs(resident, 'interne45@dmg.demo');
  // Told once, by the job runner: in the app at once; by e-mail unless it is their quiet hours.
  const notices = async () =>
    (
      (await (await resident.request.get('/api/notifications')).json()) as { items: { title: string }[] }
    ).items.filter((n) => /Votre tuteur·rice dans « Tutorat DES — promotion 2027 »/.test(n.title)).length;
  await expect.poll(notices, { timeout: 20_000 }).toBe(1);
  expect(mailsTo45()).toBeLessThanOrEqual(1);
  await resident.goto(`/programmes/${id}/appariement`);
  const card = resident.getByTestId('my-pairing');
  await expect(card).toContainText('Votre tuteur·rice');
  await expect(card.getByRole('link', { name: /@dmg\.demo/ })).toBeVisible();
  await expect(card).toContainText('Pourquoi ce choix');
  await expectAccessible(resident, 'my pairing');
  await resident.setViewportSize({ width: 360, height: 780 });
  await resident.reload();
  await expect(resident.getByTestId('my-pairing')).toBeVisible();
  await shot(resident, 'matching', 'tutee-pairing-360');
  await context.close();
});
