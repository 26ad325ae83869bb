import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { E2E_DATA_DIR, ROOT } from './env.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expectAccessible } from './support.ts';

// What someone meets the first time they open Compagnon: the sign-in page in their browser's
// language, quiet (no failed request in the console), a way into the demo, and an administrator's
// temporary password replaced before anything else.

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

/** `compagnon admin create` against the spec server's database: the temporary password it prints. */
function createAdmin(email: string): string {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'apps/server/src/cli.ts',
      'admin',
      'create',
      '--org',
      'DMG Essai',
      '--email',
      email,
      '--name',
      'Dr Essai',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: '', NODE_ENV: 'test', LOG_LEVEL: 'warn' },
    },
  );
  const temporary = out.match(/Temporary password: (\S+)/)?.[1];
  if (!temporary) throw new Error(`no temporary password in:\n${out}`);
  return temporary;
}

test('an administrator’s temporary password is replaced at first sign-in, then the page asked for opens', async ({
  page,
}) => {
  // Five password hashes (creation, sign-ins, two changes) on a busy machine.
  test.setTimeout(120_000);
  const email = `admin-${Date.now()}@essai.test`;
  const temporary = createAdmin(email);

  await page.goto('/profil');
  await expect(page).toHaveURL(/\/connexion\?suite=%2Fprofil$/);
  await new SignInPage(page).withPassword(email, temporary);
  await expect(page.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
  await expect(page).toHaveURL(/\/choisir-mot-de-passe\?suite=%2Fprofil$/);
  await expect(
    page.getByText(/Un administrateur a ouvert votre compte avec un mot de passe provisoire/),
  ).toBeVisible();
  await expectAccessible(page, 'the password choice');

  // Nothing else answers meanwhile, and no other page opens.
  const refused = await page.request.patch('/api/me', { data: { locale: 'fr' } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('password_change_required');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
  await expect(page).toHaveURL(/\/choisir-mot-de-passe$/);
  await page.goto('/choisir-mot-de-passe?suite=%2Fprofil');

  const current = page.getByLabel('Mot de passe provisoire');
  const chosen = page.getByLabel('Nouveau mot de passe');
  const confirm = page.getByLabel('Confirmez le mot de passe');
  const submit = page.getByRole('button', { name: 'Enregistrer et continuer' });
  await current.fill('pas le bon mot de passe');
  await chosen.fill('ma phrase bien à moi');
  await confirm.fill('ma phrase bien à moi');
  await submit.click();
  await expect(page.getByText('Ce mot de passe n’est pas le bon.')).toBeVisible();

  await current.fill(temporary);
  await submit.click();
  await expect(page.getByRole('heading', { name: 'Mon profil' })).toBeVisible();

  // From the profile, the password changes again (the current one asked first).
  const section = page.getByRole('region', { name: 'Changer mon mot de passe' });
  await section.getByLabel('Mot de passe actuel').fill('ma phrase bien à moi');
  await section.getByLabel('Nouveau mot de passe').fill('une autre phrase à moi');
  await section.getByLabel('Confirmez le mot de passe').fill('une autre phrase à moi');
  await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Mot de passe changé.')).toBeVisible();
  await expect(section.getByLabel('Mot de passe actuel')).toHaveValue('');

  // Signing in again goes straight in.
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await new SignInPage(page).withPassword(email, 'une autre phrase à moi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);
});
