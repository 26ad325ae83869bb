import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { organisationIdByName, programmeIdByName, signInAs } from './support.ts';

// Not part of the normal run: `SCREENSHOTS=1 npx playwright test screenshots` writes PNGs to /tmp/screens.
const OUT = process.env.SCREENS_DIR ?? '/tmp/screens';

const widths = [
  { name: '360', width: 360, height: 780 },
  { name: '1280', width: 1280, height: 860 },
];

/** Shoots the page once it has settled: no request under way, its fonts loaded, no loader left. */
async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  // Transitions (a drawer sliding in) are taken at their end.
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true, animations: 'disabled' });
}

for (const w of widths) {
  test(`main pages at ${w.name} px @screens`, async ({ page }) => {
    test.setTimeout(120_000);
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: w.width, height: w.height });
    await page.goto('/connexion');
    await shoot(page, `${w.name}-01-connexion`);

    await signInAs(page, 'coordination@dmg.demo');
    await page.goto('/');
    await shoot(page, `${w.name}-02-accueil`);
    const orgId = await organisationIdByName(page, /DMG/);
    await page.goto(`/organisations/${orgId}`);
    await shoot(page, `${w.name}-03-organisation`);
    await page.getByRole('button', { name: 'Créer un programme' }).click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, `${w.name}-04-creer-programme`);
    await page.keyboard.press('Escape');
    const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
    await page.goto(`/programmes/${des}`);
    await shoot(page, `${w.name}-05-personnes`);
    await page.getByRole('button', { name: 'Mehdi Lambert', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, `${w.name}-06-fiche`);
    await page.keyboard.press('Escape');
    await page.goto(`/programmes/${des}/regles`);
    await shoot(page, `${w.name}-07-regles`);
    await page.goto(`/programmes/${des}/cohortes`);
    await shoot(page, `${w.name}-08-cohortes`);
    await page.goto(`/programmes/${des}/import`);
    await shoot(page, `${w.name}-09-import`);
    await page.goto('/profil');
    await shoot(page, `${w.name}-10-profil`);
    if (w.width < 400) {
      await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
      await shoot(page, `${w.name}-11-menu`);
    }

    await page.context().clearCookies();
    await signInAs(page, 'interne1@dmg.demo');
    await page.goto(`/programmes/${des}`);
    await shoot(page, `${w.name}-12-interne-programme`);
    await page.context().clearCookies();
    await signInAs(page, 'tuteur1@dmg.demo');
    await page.goto(`/programmes/${des}`);
    await shoot(page, `${w.name}-13-tuteur-programme`);
  });
}
