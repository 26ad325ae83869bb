import { expect, test } from '@playwright/test';
import { programmeIdByName, signInAs } from './support.ts';

test('a resident sees their tutor and how to reach them, and no other resident’s details', async ({
  page,
}) => {
  await signInAs(page, 'interne1@dmg.demo');
  await page.goto('/');
  await page
    .getByRole('link', { name: /Tutorat DES de médecine générale/ })
    .first()
    .click();

  const tutor = page.getByRole('region', { name: 'Votre tuteur·rice' });
  await expect(tutor.getByRole('heading', { name: 'Dr Camille Martin' })).toBeVisible();
  await expect(tutor.getByRole('link', { name: 'tuteur1@dmg.demo' })).toHaveAttribute(
    'href',
    'mailto:tuteur1@dmg.demo',
  );
  await expect(tutor.getByRole('link', { name: /^0\d( \d\d){4}$/ })).toHaveAttribute('href', /^tel:\+33/);

  // Other participants by name and role only.
  const others = page.getByRole('region', { name: 'Participant·es du programme' });
  await expect(others.getByRole('cell', { name: 'Agathe Henry' })).toBeVisible();
  await expect(page.locator('a[href^="mailto:"]')).toHaveCount(1);
  await expect(page.locator('a[href^="tel:"]')).toHaveCount(1);
  await expect(page.getByText(/interne\d+@dmg\.demo/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ajouter une personne' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Importer' })).toHaveCount(0);
});

test('a tutor sees their residents with their contact details', async ({ page }) => {
  await signInAs(page, 'tuteur1@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${des}`);
  const mine = page.getByRole('region', { name: 'Vos internes' });
  await expect(mine.getByRole('article')).toHaveCount(4);
  await expect(
    mine.getByRole('article', { name: 'Mehdi Lambert' }).getByRole('link', { name: 'interne1@dmg.demo' }),
  ).toBeVisible();
  // Residents of other tutors: names only.
  await expect(page.getByText('interne2@dmg.demo')).toHaveCount(0);
});

test('a programme of another organisation is simply not found', async ({ page, browser }) => {
  // The DMG programme's address, as a DMG coordinator would share it.
  const dmg = await browser.newPage();
  await signInAs(dmg, 'coordination@dmg.demo');
  const des = await programmeIdByName(dmg, /^Tutorat DES de médecine générale$/);
  await dmg.close();

  await signInAs(page, 'coordination@cpts.demo');
  await page.goto(`/programmes/${des}`);
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await expect(page.getByText('Tutorat DES de médecine générale')).toHaveCount(0);
  await page.goto(`/programmes/${des}/regles`);
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await page.getByRole('link', { name: 'Retour à l’accueil', exact: true }).click();
  await expect(page.getByRole('region', { name: /CPTS Démo/ })).toBeVisible();
});
