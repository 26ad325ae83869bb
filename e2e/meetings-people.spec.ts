import { expect, type Page, test } from '@playwright/test';
import { expectNoHorizontalScroll, programmeIdByName, shot, signInAs } from './support.ts';

// A GP tutor with four residents in pairs: a new meeting starts one-to-one, and the meeting list
// names the people, upcoming apart from past. Screenshots at 360 and 1280 px when asked.

/** The page at 1280 then 360 px, where nothing may be wider than the phone; screenshots when asked. */
async function atBothWidths(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    if (width === 360) {
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(page, `${name} at 360 px`);
    }
    await shot(page, 'meetings', `${width}-${name}`);
  }
}

test('a GP tutor starts a one-to-one meeting; the list names the people, upcoming apart from past', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, 'tuteur1@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);

  await page.goto(`/programmes/${des}/rencontres/nouvelle`);
  const who = page.locator('[aria-labelledby="who-label"]');
  await expect(who.getByRole('checkbox')).toHaveCount(4);
  await expect(who.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(page.getByLabel('Intitulé')).toHaveValue('Entretien individuel');
  await atBothWidths(page, 'new-meeting');

  await page.goto(`/programmes/${des}/rencontres`);
  await expect(page.getByRole('heading', { name: 'Rencontres à venir' })).toBeVisible();
  const upcoming = page.getByRole('region', { name: 'Rencontres à venir' });
  // No meeting is described by a bare count of people: each names them.
  await expect(page.getByText(/\d participant·e/)).toHaveCount(0);
  // The only one to come is the demo team's meeting (demo/teams.ts), named like any other.
  await expect(upcoming.getByRole('link', { name: 'Rencontre de l’équipe Amiens Nord' })).toBeVisible();
  const past = page.getByRole('region', { name: 'Rencontres passées ou annulées' });
  await expect(
    past.getByText(/^Avec (Mehdi Lambert|Théo Sanchez|Baptiste Boyer|Thomas Dupont)$/).first(),
  ).toBeVisible();
  await atBothWidths(page, 'meeting-list');
});
