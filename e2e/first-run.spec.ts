import { expect, type Page, test } from '@playwright/test';
import { SignInPage } from './pages/SignInPage.ts';
import { expectAccessible } from './support.ts';

// What someone meets the first time they open Compagnon: the sign-in page in their browser's
// language, quiet (no failed request in the console), and a way into the demo.

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });

  test('sees the sign-in page in English', async ({ page }) => {
    await page.goto('/connexion');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    // Following the browser is not a choice: nothing is remembered on this device.
    expect(await page.evaluate(() => localStorage.getItem('compagnon.lang'))).toBeNull();
  });
});

test('a French browser sees the sign-in page in French', async ({ page }) => {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
});

/** Console errors, uncaught exceptions and failed /api requests, from now on. */
function watchForFailures(page: Page) {
  const failures: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') failures.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => failures.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => failures.push(`failed: ${r.method()} ${r.url()}`));
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/') && r.status() >= 400)
      failures.push(`${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return failures;
}

test('an anonymous visit to the sign-in page asks nothing that fails', async ({ page }) => {
  const failures = watchForFailures(page);
  const session = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session');
  await page.goto('/');
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  expect((await session).status()).toBe(200);
  // The demo hint appears once the session is read: everything the page asks for has been answered.
  await expect(page.getByRole('complementary', { name: 'Comptes de démonstration' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(failures).toEqual([]);
});

test('the demo hint fills in a demo account in one click, which then signs in', async ({ page }) => {
  await page.goto('/connexion');
  const hint = page.getByRole('complementary', { name: 'Comptes de démonstration' });
  await expect(hint).toContainText('Des comptes fictifs');
  // Discreet: the accounts show when asked for.
  const toggle = hint.getByRole('button', { name: 'Voir les comptes' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(hint.getByRole('button', { name: 'Masquer les comptes' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(hint).toContainText('demo-compagnon');
  await expectAccessible(page, 'the sign-in page with the demo accounts');
  for (const email of ['coordination@dmg.demo', 'tuteur1@dmg.demo', 'interne1@dmg.demo', 'mentor1@cpts.demo'])
    await expect(hint.getByRole('button', { name: new RegExp(email.replace(/\./g, '\\.')) })).toBeVisible();

  // From the other tab too: picking an account brings the password form back, filled in.
  await page.getByRole('tab', { name: 'Lien par e-mail' }).click();
  await hint.getByRole('button', { name: /interne1@dmg\.demo/ }).click();
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue('interne1@dmg.demo');
  const password = page.getByRole('tabpanel', { name: 'Mot de passe' }).locator('input[type="password"]');
  await expect(password).toHaveValue('demo-compagnon');
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeFocused();
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);
});

test('the hint is not shown to someone already signed in', async ({ page }) => {
  await page.goto('/connexion');
  await new SignInPage(page).withPassword('tuteur1@dmg.demo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);
  await expect(page.getByRole('complementary', { name: 'Comptes de démonstration' })).toHaveCount(0);
});
