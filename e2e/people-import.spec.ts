import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ProgrammePage } from './pages/ProgrammePage.ts';
import { linkFromMail, logMark, programmeIdByName, signInAs } from './support.ts';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

test('a coordinator imports residents from a spreadsheet, after fixing the file', async ({ page }) => {
  await signInAs(page, 'coordination@dmg.demo');
  const peer = await programmeIdByName(page, /^Tutorat par les pairs — DES1$/);
  const programme = new ProgrammePage(page);
  await programme.open(peer, 'import');
  await expect(page.getByRole('heading', { name: 'Importer une liste de personnes' })).toBeVisible();

  // A file with mistakes: every problem is listed with its line, and nobody is imported.
  await page.locator('input[type=file]').setInputFiles(fixture('internes-erreurs.csv'));
  await expect(
    page.getByRole('heading', { name: '« internes-erreurs.csv » n’a pas été importé' }),
  ).toBeVisible();
  const errors = page.getByTestId('row-error');
  await expect(errors).toHaveCount(4);
  await expect(errors.nth(0)).toContainText('2');
  await expect(errors.nth(0)).toContainText(/« pas-une-adresse » n['’]est pas valide/);
  await expect(errors.filter({ hasText: 'astronaute' })).toContainText('4');
  await expect(page.getByText('Personne n’a été importé.')).toBeVisible();

  // The corrected file: a preview of what will happen, person by person.
  await page.locator('input[type=file]').setInputFiles(fixture('internes.csv'));
  await expect(page.getByRole('heading', { name: 'Vérification de « internes.csv »' })).toBeVisible();
  await expect(page.getByTestId('count-total')).toContainText('3');
  await expect(page.getByTestId('count-new')).toContainText('2');
  await expect(page.getByTestId('count-unchanged')).toContainText('1');
  await expect(page.locator('[data-testid="file-column"][data-header="Couleur préférée"]')).toContainText(
    'Ignorée',
  );
  const rows = page.getByTestId('preview-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'alice.durand@exemple.fr' })).toContainText('Nouvelle');
  await expect(rows.filter({ hasText: 'interne1@dmg.demo' })).toContainText('Inchangée');
  // Nothing is written before confirming.
  await programme.tab('Personnes').click();
  await programme.search('Durand');
  await expect(page.getByText('Personne ne correspond à cette recherche.')).toBeVisible();

  await programme.tab('Importer').click();
  await page.locator('input[type=file]').setInputFiles(fixture('internes.csv'));
  const mark = logMark();
  await page.getByRole('button', { name: 'Importer 2 personnes' }).click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
  await expect(page.getByTestId('result-created')).toContainText('2');
  await expect(page.getByTestId('result-invited')).toContainText('2');
  await expect(page.getByText('2 personnes ont reçu une invitation par e-mail')).toBeVisible();
  await linkFromMail('alice.durand@exemple.fr', '/invitation', mark);

  await page.getByRole('link', { name: 'Voir les personnes du programme' }).click();
  await programme.search('Durand');
  await expect(programme.row('Alice Durand')).toContainText('Invité·e');
  await expect(programme.row('Alice Durand')).toContainText('CHU Amiens-Picardie');
});
