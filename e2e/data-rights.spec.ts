/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { E2E_LOG } from './env.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { api, expectAccessible, logMark, signInAs } from './support.ts';

// A person's data rights from their profile: the export in French and in English, and an erasure
// asked by a resident, confirmed by the department's admin, after which the resident cannot sign in.

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

test('a resident downloads their data in French: the JSON and the PDF document', async ({ page }) => {
  // Two downloads and an accessibility audit of the whole profile on a shared two-core machine.
  test.slow();
  await signInAs(page, 'interne26@dmg.demo');
  await page.goto('/profil');
  // The first page of the run loads the profile's code: wait for the page itself a little longer.
  await expect(page.getByRole('heading', { name: 'Mon profil' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Mes données', exact: true })).toBeVisible();
  const json = await download(page, 'Télécharger les données (JSON)');
  expect(json.name).toMatch(/^compagnon-mes-donnees-\d{4}-\d\d-\d\d\.json$/);
  const data = JSON.parse(json.body.toString('utf8'));
  expect(data.account.email).toBe('interne26@dmg.demo');
  expect(data.memberships.length).toBeGreaterThan(0);
  expect(json.body.toString('utf8')).not.toContain('argon2');
  const pdf = await download(page, 'Télécharger le document (PDF)');
  expect(pdf.name).toMatch(/^compagnon-mes-donnees-.*\.pdf$/);
  expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  console.log(`export of a demo resident: JSON ${json.body.length} bytes, PDF ${pdf.body.length} bytes`);
  await expectAccessible(page, 'the profile with “Mes données”');
});

test('the same export in English', async ({ page }) => {
  await signInAs(page, 'interne26@dmg.demo');
  await page.goto('/profil');
  await page
    .getByRole('radiogroup', { name: 'Langue de l’interface' })
    .getByText('EN', { exact: true })
    .click();
  await expect(page.getByRole('region', { name: 'My data', exact: true })).toBeVisible();
  const pdf = await download(page, 'Download the document (PDF)');
  expect(pdf.name).toMatch(/^compagnon-my-data-.*\.pdf$/);
  expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  const json = await download(page, 'Download the data (JSON)');
  expect(JSON.parse(json.body.toString('utf8')).account.language).toBe('en');
  // Back to French for the specs that follow.
  await page.getByRole('radiogroup', { name: 'Interface language' }).getByText('FR', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Mes données', exact: true })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('a resident asks for erasure, the admin confirms, the resident can no longer sign in', async ({
    page,
  }) => {
    // Two people's sessions and a job that runs on the server's own schedule.
    test.slow();
    const email = 'interne27@dmg.demo';
    await signInAs(page, email);
    const me = await api<{ name: string }>(page.request, '/api/me');
    await page.goto('/profil');
    await page.getByRole('button', { name: 'Demander l’effacement de mes données' }).click();
    const dialog = page.getByRole('dialog', { name: 'Effacer mes données ?' });
    await expect(dialog.getByText('Vous ne pourrez plus vous connecter.')).toBeVisible();
    await dialog.getByLabel('Votre mot de passe, pour confirmer').fill('pas le bon mot de passe');
    await dialog.getByRole('button', { name: 'Demander l’effacement' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Ce mot de passe n’est pas le bon.');
    await dialog.getByLabel('Votre mot de passe, pour confirmer').fill('demo-compagnon');
    await dialog.getByRole('button', { name: 'Demander l’effacement' }).click();
    await expect(page.getByTestId('erasure-state')).toContainText('en attente de confirmation', {
      timeout: 30_000,
    });

    // The department's admin sees the request on their profile and confirms it.
    await page.context().clearCookies();
    const mark = logMark();
    await signInAs(page, 'admin@dmg.demo');
    await page.goto('/profil');
    const requests = page.getByRole('region', { name: 'Demandes d’effacement' });
    const row = requests.getByTestId('erasure-request').filter({ hasText: me.name });
    // The list is read after the page: on a busy machine it may take a while to arrive.
    await expect(row).toContainText(email, { timeout: 30_000 });
    await row.getByRole('button', { name: 'Confirmer l’effacement' }).click();
    await expect(page.getByText(`Effacement de ${me.name} confirmé.`)).toBeVisible();
    await expect(row).toHaveCount(0);

    // The erasure runs as a job; it ends with the e-mail that says it is done.
    await expect
      .poll(
        () => readFileSync(E2E_LOG, 'utf8').slice(mark).includes('Vos données ont été effacées de Compagnon'),
        {
          message: 'the e-mail telling the resident their data is erased',
          timeout: 30_000,
        },
      )
      .toBe(true);

    await page.context().clearCookies();
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.withPassword(email);
    await expect(page.getByText('E-mail ou mot de passe incorrect.')).toBeVisible();
  });
});
