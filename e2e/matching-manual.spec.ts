import { expect, test } from '@playwright/test';
import { expectAccessible, programmeIdByName, signInAs } from './support.ts';

test('by hand, then optimise the rest; end a pair early and read its history', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'coordination@dmg.demo');
  const id = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${id}/appariement`);
  await expect(page.getByRole('heading', { name: '4 personnes à apparier' })).toBeVisible();
  await page.getByLabel('Mode d’appariement').selectOption('manual');

  // One late resident assigned by hand, with the same explanations and warnings.
  const assign = page.getByLabel(/^Attribuer un·e tuteur·rice à /).first();
  const who = ((await assign.getAttribute('aria-label')) ?? '').replace('Attribuer un·e tuteur·rice à ', '');
  const option = (await assign.locator('option:not([disabled])').allTextContents()).find((o) =>
    /pl\.\)$/.test(o),
  ) as string;
  await assign.selectOption({ label: option });
  const byHand = page.getByTestId('proposal').filter({ hasText: who });
  await expect(byHand).toHaveCount(1);
  await expect(byHand.getByRole('button', { name: /Déverrouiller ce binôme/ })).toBeVisible();

  // Mixed: optimise the other three around the locked pair.
  await page.getByLabel('Mode d’appariement').selectOption('optimal');
  await page.getByRole('button', { name: /Recalculer/ }).click();
  await expect(page.getByTestId('proposal')).toHaveCount(4);
  await expect(
    page.getByTestId('proposal').filter({ hasText: `${who} → ${option.replace(/ \(.*$/, '')}` }),
  ).toHaveCount(1);
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByRole('button', { name: 'Publier et prévenir' }).click();
  await expect(page.getByText('4 binômes sont actifs')).toBeVisible();

  // End one pair early, with a reason kept in its history.
  await page.getByRole('button', { name: `Actions pour le binôme de ${who}` }).click();
  await page.getByRole('menuitem', { name: 'Mettre fin plus tôt…' }).click();
  await page
    .getByLabel('Raison (gardée dans l’historique)')
    .fill('Re-appariement demandé après la première rencontre');
  await page.getByRole('button', { name: 'Mettre fin', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: who }).filter({ hasText: 'Arrêté' });
  await expect(row).toContainText('Re-appariement demandé');
  await row.getByRole('button', { name: `Actions pour le binôme de ${who}` }).click();
  await page.getByRole('menuitem', { name: 'Historique' }).click();
  const dialog = page.getByRole('dialog', { name: 'Historique du binôme' });
  await expect(dialog).toContainText('Binôme publié');
  await expect(dialog).toContainText('Arrêté');
  await expectAccessible(page, 'pair history');
  await page.keyboard.press('Escape');
  // The resident is back among those to pair.
  await expect(page.getByRole('heading', { name: /1 personne à apparier/ })).toBeVisible();
});
