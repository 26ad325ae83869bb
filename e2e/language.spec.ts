/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { programmeIdByName, signInAs } from './support.ts';

test('the interface switches to English and stays so for this account', async ({ page }) => {
  await signInAs(page, 'tuteur2@dmg.demo');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour/);

  await page
    .getByRole('radiogroup', { name: 'Langue de l’interface' })
    .getByText('EN', { exact: true })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hello/);
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My profile' }),
  ).toBeVisible();

  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${des}`);
  await expect(page.getByRole('heading', { name: 'Your residents' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rules' })).toBeVisible();

  // Another device, same account: English too.
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signInAs(page, 'tuteur2@dmg.demo');
  await page.goto('/profil');
  await expect(page.getByRole('heading', { name: 'My profile' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('radiogroup', { name: 'Interface language' }).getByText('FR', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Mon profil' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
