import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { api, expectAccessible, expectNoHorizontalScroll, signInAs } from './support.ts';

// Tutor teams of the DMG demo: « Équipe Amiens Nord » holds tuteur1 to tuteur7 (demo/teams.ts).
const SHOTS = process.env.SCREENS_DIR ? `${process.env.SCREENS_DIR}/teams` : '/tmp/shots-teams';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

interface MyTeams {
  teams: { id: string; name: string; programme: { id: string } }[];
}

/** The signed-in person's team in the DMG demo. */
async function myTeam(page: Page) {
  const mine = await api<MyTeams>(page.request, '/api/me/teams');
  const team = mine.teams.find((t) => t.name === 'Équipe Amiens Nord');
  if (!team) throw new Error('this demo tutor should be in « Équipe Amiens Nord »');
  return team;
}

test('a member who is not the first schedules a team meeting from the team page; a teammate sees it', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, 'tuteur3@dmg.demo');
  const team = await myTeam(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/equipes/${team.id}`);
  await expect(page.getByRole('heading', { name: 'Équipe Amiens Nord', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  // Teammates' contact details are on the page.
  await expect(page.getByRole('link', { name: 'tuteur5@dmg.demo' })).toBeVisible();
  await page.getByRole('link', { name: 'Organiser une rencontre d’équipe' }).click();
  const title = `Point d’équipe ${Date.now().toString(36)}`;
  await page.getByLabel('Intitulé').fill(title);
  await page.getByRole('button', { name: 'Chercher les meilleurs créneaux' }).click();
  const propose = page.getByRole('button', { name: /^Proposer ce/ });
  await expect(propose).toBeEnabled({ timeout: 30_000 });
  await propose.click();
  await expect(page).toHaveURL(/\/rencontres\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // tuteur5, a teammate, finds it on the team page and opens it.
  const mate = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAs(mate, 'tuteur5@dmg.demo');
  await mate.goto(`/equipes/${team.id}`);
  const meetings = mate.getByRole('region', { name: 'Rencontres de l’équipe' });
  await meetings.getByRole('link', { name: title }).click();
  await expect(mate.getByRole('heading', { name: title })).toBeVisible();
});

test('tuteur4 says they are overloaded; the coordination sees it on the teams tab and the team page', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 780 });
  await signInAs(page, 'tuteur4@dmg.demo');
  const team = await myTeam(page);
  await page.goto(`/equipes/${team.id}`);
  await page.getByRole('button', { name: 'Je suis surchargé·e' }).click();
  const words = `Deux nouvelles internes ce mois-ci ${Date.now().toString(36)}`;
  await page.getByLabel('Votre message (facultatif)').fill(words);
  await page.getByRole('button', { name: 'Envoyer à l’équipe et à la coordination' }).click();
  await expect(page.getByText(words)).toBeVisible();
  await expectNoHorizontalScroll(page, 'team page at 360 px');
  await expectAccessible(page, 'team page');
  await shot(page, 'team-360');

  const coordination = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await coordination.setViewportSize({ width: 1280, height: 900 });
  await signInAs(coordination, 'coordination@dmg.demo');
  await coordination.goto(`/programmes/${team.programme.id}/equipes`);
  const card = coordination.getByRole('article', { name: 'Équipe Amiens Nord' });
  await expect(card.getByText(/surcharges? signalées?/)).toBeVisible({ timeout: 30_000 });
  await card.getByRole('link', { name: 'Équipe Amiens Nord' }).click();
  await expect(coordination.getByText(words)).toBeVisible();
  await expect(coordination.getByText(/se dit surchargé·e/).first()).toBeVisible();
  // The coordination sees the caseload, never the team's thread.
  await expect(coordination.getByRole('heading', { name: 'Charge partagée' })).toBeVisible();
  await expect(coordination.getByText('Fil de l’équipe')).toHaveCount(0);
  await expectAccessible(coordination, 'team page, coordination');
  await shot(coordination, 'team-coordination-1280');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/equipes/${team.id}`);
  await expect(page.getByText('Fil de l’équipe')).toBeVisible();
  await shot(page, 'team-1280');
});
