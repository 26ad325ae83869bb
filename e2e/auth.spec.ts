import { expect, test } from '@playwright/test';
import { SignInPage } from './pages/SignInPage.ts';
import { linkFromMail, logMark, signInAs } from './support.ts';

test('signing in with a link received by e-mail', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  const mark = logMark();
  await signIn.askForLink('mentor6@cpts.demo');
  const link = await linkFromMail('mentor6@cpts.demo', '/connexion/lien', mark);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);
  await expect(page.getByRole('link', { name: /Mentorat des nouveaux installés/ }).first()).toBeVisible();

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Ce lien ne permet pas de se connecter' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('déjà été utilisé');
});

test('a forgotten password is replaced through the e-mailed link', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { name: 'Mot de passe oublié' })).toBeVisible();
  const mark = logMark();
  await page.getByLabel('Adresse e-mail').fill('mentore5@cpts.demo');
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await expect(page.getByText('Lien envoyé')).toBeVisible();

  await page.goto(await linkFromMail('mentore5@cpts.demo', '/connexion/nouveau-mot-de-passe', mark));
  await page.getByLabel('Nouveau mot de passe').fill('court');
  await page.getByLabel('Confirmez le mot de passe').fill('court');
  await page.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
  await expect(page.getByText('Au moins 10 caractères', { exact: true })).toBeVisible();
  await page.getByLabel('Nouveau mot de passe').fill('un nouveau mot de passe');
  await page.getByLabel('Confirmez le mot de passe').fill('un nouveau mot de passe');
  await page.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);

  // Signing out, then in again with the new password.
  await page.goto('/profil');
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await signIn.withPassword('mentore5@cpts.demo', 'un nouveau mot de passe');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);
});

test('a page that needs signing in comes back after sign-in', async ({ page }) => {
  await page.goto('/profil');
  await expect(page).toHaveURL(/\/connexion\?suite=%2Fprofil/);
  await new SignInPage(page).withPassword('mentor5@cpts.demo');
  await expect(page.getByRole('heading', { name: 'Mon profil' })).toBeVisible();
});

test('the e-mailed link lands on the page that asked for sign-in', async ({ page }) => {
  await page.goto('/profil');
  await expect(page).toHaveURL(/\/connexion\?suite=%2Fprofil/);
  const mark = logMark();
  await new SignInPage(page).askForLink('mentor3@cpts.demo');
  const link = await linkFromMail('mentor3@cpts.demo', '/connexion/lien', mark);
  expect(new URL(link, 'http://app.invalid').searchParams.get('suite')).toBe('/profil');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Mon profil' })).toBeVisible();
  await expect(page).toHaveURL(/\/profil$/);
});

test('a return path to another site is ignored by the sign-in pages', async ({ page }) => {
  await page.goto('/connexion?suite=%2F%5Cexample.com');
  await new SignInPage(page).withPassword('mentor3@cpts.demo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);
  expect(new URL(page.url()).pathname).toBe('/');
});

test('signing out of all devices ends the other sessions too', async ({ page, browser }) => {
  const phone = await browser.newPage();
  await signInAs(phone, 'mentor4@cpts.demo');
  await phone.goto('/');
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);

  await signInAs(page, 'mentor4@cpts.demo');
  await page.goto('/profil');
  await page.getByRole('button', { name: 'Se déconnecter de tous les appareils' }).click();
  await page
    .getByRole('dialog', { name: 'Se déconnecter partout ?' })
    .getByRole('button', { name: 'Se déconnecter partout' })
    .click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

  // The other device finds out at its next request and is asked to sign in again.
  await phone.getByRole('link', { name: 'Mon profil' }).first().click();
  await expect(phone.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await phone.close();
});
