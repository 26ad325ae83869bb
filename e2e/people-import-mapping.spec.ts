import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ProgrammePage } from './pages/ProgrammePage.ts';
import { expectAccessible, expectNoHorizontalScroll, programmeIdByName, signInAs } from './support.ts';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

test.use({ viewport: { width: 360, height: 740 } });

test('on a phone, a coordinator says what an ambiguous column is; the choice is kept for the next file', async ({
  page,
}) => {
  await signInAs(page, 'coordination@dmg.demo');
  const peer = await programmeIdByName(page, /^Tutorat par les pairs — DES1$/);
  const programme = new ProgrammePage(page);
  // The first page of a run can be slow to load on a busy machine: wait for the state, not a duration.
  await page.goto(`/programmes/${peer}/import`);
  await expect(page.getByRole('heading', { name: 'Importer une liste de personnes' })).toBeVisible({
    timeout: 60_000,
  });
  await page.locator('input[type=file]').setInputFiles(fixture('internes-hopital.csv'));
  await expect(page.getByRole('heading', { name: 'Vérification de « internes-hopital.csv »' })).toBeVisible();

  // Realistic French titles are read; "Ville" could be the hospital's town or the home town: asked.
  const column = (header: string) => page.locator(`[data-testid="file-column"][data-header="${header}"]`);
  await expect(column('Site/Hôpital')).toContainText('Reconnue');
  await expect(column('Site/Hôpital').getByRole('combobox')).toHaveValue('Lieu de stage');
  await expect(column('Promotion/Année DES').getByRole('combobox')).toHaveValue('Année de DES');
  await expect(column('Ville')).toContainText('À choisir');
  await expect(column('Ville')).toContainText('Exemples : Beauvais · Amiens');
  await expect(page.getByText('1 colonne à préciser')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer 2 personnes' })).toBeDisabled();
  await expectNoHorizontalScroll(page, 'the column mapping at 360 px');
  await expectAccessible(page, 'the column mapping');

  // Choosing recomputes the preview.
  await programme.choose('Ce que contient « Ville »', 'Ville du site');
  await expect(column('Ville')).toContainText('Votre choix');
  await expect(column('Ville').getByRole('combobox')).toHaveValue('Ville du site');
  await expect(page.getByText('1 colonne à préciser')).toHaveCount(0);
  const rows = page.getByTestId('preview-row');
  await expect(rows).toHaveCount(2);

  // Imported without the invitations, sent afterwards from the import.
  await page.getByRole('checkbox', { name: /Envoyer maintenant les invitations/ }).uncheck();
  await page.getByRole('button', { name: 'Importer 2 personnes' }).click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
  await expect(page.getByText('2 personnes n’ont pas encore reçu d’invitation.')).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer les 2 invitations' }).click();
  await expect(page.getByText('2 invitations envoyées.')).toBeVisible();

  // The next file of the organisation reads "Ville" the same way.
  await page.getByRole('button', { name: 'Importer un autre fichier' }).click();
  await page.locator('input[type=file]').setInputFiles(fixture('internes-hopital.csv'));
  await expect(column('Ville')).toContainText('Choix retenu');
  await expect(column('Ville').getByRole('combobox')).toHaveValue('Ville du site');
  await expect(page.getByRole('button', { name: /Importer|Tout le monde/ }).first()).toBeVisible();
});
