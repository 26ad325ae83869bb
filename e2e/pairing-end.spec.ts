import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, programmeIdByName, shot, signInAs } from './support.ts';

test('ending a pair asks for confirmation, says what will happen, and can be undone', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'coordination@dmg.demo');
  const id = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${id}/appariement`);
  await page.getByRole('button', { name: 'Calculer les propositions' }).click();
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByRole('button', { name: 'Publier et prévenir' }).click();
  // The list is read once the publication is done: until then it still shows the pairs it replaces.
  await expect(
    page.getByText(/ (?:est|sont) actifs? ; les personnes concernées ont été prévenues\./),
  ).toBeVisible();
  // One live pair, known by both its names: the same resident may have an earlier, ended pair.
  const first = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Actions pour le binôme de / }) })
    .filter({ hasText: 'Actif' })
    .first();
  await expect(first).toBeVisible();
  const tutee = ((await first.getByRole('cell').nth(0).textContent()) ?? '').trim();
  const tutor = ((await first.getByRole('cell').nth(1).textContent()) ?? '').trim();
  const who = tutee;
  const pairRow = () => page.getByRole('row').filter({ hasText: tutee }).filter({ hasText: tutor });

  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 860 });
    // Completing is no longer one click: it asks first.
    await pairRow()
      .getByRole('button', { name: `Actions pour le binôme de ${who}` })
      .click();
    await page.getByRole('menuitem', { name: 'Terminer (arrivé à son terme)' }).click();
    const complete = page.getByRole('dialog', { name: 'Clore ce binôme ?' });
    await expect(complete).toContainText('Les deux personnes seront prévenues');
    await page.keyboard.press('Escape');
    await pairRow()
      .getByRole('button', { name: `Actions pour le binôme de ${who}` })
      .click();
    await page.getByRole('menuitem', { name: 'Mettre fin plus tôt…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mettre fin au binôme' });
    await expect(dialog).toContainText('pendant 15 minutes');
    await expect(dialog.getByRole('button', { name: 'Mettre fin', exact: true })).toBeDisabled();
    await dialog.getByLabel('Raison (gardée dans l’historique)').fill('Projets professionnels trop éloignés');
    await shot(page, 'pairs', `end-dialog-${width}`, { fullPage: false });
    await dialog.getByRole('button', { name: 'Mettre fin', exact: true }).click();
    const row = pairRow().filter({ hasText: 'Arrêté' });
    const undo = row.getByRole('button', { name: /^Annuler la fin \(jusqu’à / });
    await expect(undo).toBeVisible();
    await expectNoHorizontalScroll(page, `pairings at ${width} px`);
    await undo.scrollIntoViewIfNeeded();
    await shot(page, 'pairs', `undo-${width}`, { fullPage: false });
    await undo.click();
    await expect(undo).toHaveCount(0);
    await expect(pairRow().filter({ hasText: 'Actif' })).toHaveCount(1);
  }
});
