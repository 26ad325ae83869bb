import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, organisationIdByName, programmeIdByName, signInAs } from './support.ts';

test.use({ viewport: { width: 360, height: 740 } });

test('on a 360 px phone, no main page scrolls sideways', async ({ page }) => {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'sign-in');

  await signInAs(page, 'coordination@dmg.demo');
  const org = await organisationIdByName(page, /DMG/);
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const pages: [string, string, string][] = [
    ['home', '/', 'Bonjour Dr Vasseur'],
    ['organisation', `/organisations/${org}`, 'DMG Démo — Département de médecine générale'],
    ['people', `/programmes/${des}`, 'Tutorat DES de médecine générale'],
    ['rules', `/programmes/${des}/regles`, 'Tutorat DES de médecine générale'],
    ['cohorts', `/programmes/${des}/cohortes`, 'Tutorat DES de médecine générale'],
    ['import', `/programmes/${des}/import`, 'Tutorat DES de médecine générale'],
    ['profile', '/profil', 'Mon profil'],
  ];
  for (const [label, path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalScroll(page, label);
  }

  // The import preview, with its table, still fits: the table scrolls inside its own box.
  await page.goto(`/programmes/${des}/import`);
  await page.locator('input[type=file]').setInputFiles(join(import.meta.dirname, 'fixtures', 'internes.csv'));
  await expect(page.getByRole('heading', { name: 'Vérification de « internes.csv »' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'import preview');

  // People become cards on a phone, and the navigation sits behind the burger.
  await page.goto(`/programmes/${des}`);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByTestId('person-row').first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await expect(nav).toBeVisible();
  await nav.getByRole('link', { name: 'Mon profil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon profil');
  await expect(nav).toBeHidden();
});

test('on a 360 px phone, a resident’s programme page fits the screen', async ({ page }) => {
  await signInAs(page, 'interne1@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${des}`);
  await expect(page.getByRole('heading', { name: 'Dr Camille Martin' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'resident programme');
});
