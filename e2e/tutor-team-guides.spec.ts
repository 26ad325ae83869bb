import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  organisationIdByName,
  programmeIdByName,
  signInAs,
} from './support.ts';

// Announcements and the guides library (issue 19, items 6 and 8). The coordination of the DMG
// writes to the DES programme's tutors; one tutor, on a phone, answers privately; the coordination
// reads the answer. A tutor reads the library's thesis-topic guide.

const SHOTS = process.env.SCREENS_DIR ? `${process.env.SCREENS_DIR}/guides` : '/tmp/shots-guides';
const COORDINATION = 'coordination@dmg.demo';
const TUTOR = 'tuteur9@dmg.demo';
const PROGRAMME = /^Tutorat DES de médecine générale$/;

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('the coordinator sends an announcement to the tutors; a tutor answers privately; the coordinator reads it', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Formation RSCA du ${Date.now()}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, COORDINATION);
  const programmeId = await programmeIdByName(page, PROGRAMME);
  await page.goto(`/programmes/${programmeId}/annonces`);
  await page.getByRole('button', { name: 'Nouvelle annonce' }).click();
  await expect(page.getByRole('radio', { name: 'Tous les tuteurs' })).toBeChecked();
  await page.getByLabel('Titre').fill(title);
  await page
    .getByLabel('Message')
    .fill('Une formation à la relecture des RSCA aura lieu le 4 février à 19 h.');
  await shot(page, 'compose-1280');
  await page.getByRole('button', { name: 'Envoyer l’annonce' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText(/destinataires · 0 l’ont lue · 0 réponse/)).toBeVisible();

  // The tutor, on a phone: the announcement in the programme's list, answered from its page.
  const tutor = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await tutor.setViewportSize({ width: 360, height: 780 });
  await signInAs(tutor, TUTOR);
  await tutor.goto(`/programmes/${programmeId}/annonces`);
  await tutor.getByRole('link', { name: title }).click();
  await expect(tutor.getByRole('heading', { name: title })).toBeVisible();
  await expect(tutor.getByText('jamais par les autres destinataires')).toBeVisible();
  await tutor.getByLabel('Répondre à la coordination').fill('Je m’inscris, avec deux RSCA à relire.');
  await tutor.getByRole('button', { name: 'Envoyer' }).click();
  await expect(tutor.getByText('Je m’inscris, avec deux RSCA à relire.')).toBeVisible();
  await expectNoHorizontalScroll(tutor, 'announcement at 360 px');
  await expectAccessible(tutor, 'announcement');
  await shot(tutor, 'announcement-360');
  await tutor.goto(`/programmes/${programmeId}/annonces`);
  await expect(tutor.getByRole('link', { name: 'Soirée d’échanges entre tuteurs' })).toBeVisible();
  await expectNoHorizontalScroll(tutor, 'announcements at 360 px');
  await shot(tutor, 'announcements-360');

  // The coordinator reads the answer, with who wrote it.
  await page.reload();
  await expect(page.getByText('Je m’inscris, avec deux RSCA à relire.')).toBeVisible();
  await expect(page.getByText(/1 l’ont lue · 1 réponse/)).toBeVisible();
  await expectAccessible(page, 'announcement, coordination');
  await shot(page, 'announcement-1280');
  await page.goto(`/programmes/${programmeId}/annonces`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await shot(page, 'announcements-1280');
});

test('a tutor opens the guides library and reads the thesis-topic guide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signInAs(page, TUTOR);
  const orgId = await organisationIdByName(page, /DMG/);
  await page.goto(`/organisations/${orgId}/guides`);
  await expect(page.getByRole('heading', { name: 'Guides de rencontre', level: 1 })).toBeVisible();
  await page
    .locator('label')
    .filter({ hasText: /^Sujet de thèse$/ })
    .click();
  await expect(page.getByRole('radio', { name: 'Sujet de thèse' })).toBeChecked();
  await expect(page.getByRole('link', { name: 'Écrire un RSCA' })).toBeHidden();
  await expectNoHorizontalScroll(page, 'guides at 360 px');
  await expectAccessible(page, 'guides library');
  await shot(page, 'guides-360');
  await page.getByRole('link', { name: 'Trouver un sujet de thèse' }).click();
  await expect(page.getByRole('heading', { name: 'Trouver un sujet de thèse' })).toBeVisible();
  await expect(page.getByText(/directeur ou une directrice/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Proposer une modification' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'guide at 360 px');
  await expectAccessible(page, 'guide');
  await shot(page, 'guide-360');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'guide-1280');
  await page.goto(`/organisations/${orgId}/guides`);
  await shot(page, 'guides-1280');
});

test('the organiser of a meeting reads its guide; the coordination sees the library with its suggestions', async ({
  page,
}) => {
  // A demo group's first meeting, made before the library with the former static guide id.
  await page.setViewportSize({ width: 360, height: 780 });
  await signInAs(page, 'interne35@dmg.demo');
  const peer = await programmeIdByName(page, /^Tutorat par les pairs/);
  const list = await page.request.get(`/api/programmes/${peer}/meetings`);
  const meetings = ((await list.json()) as { meetings: { id: string; title: string }[] }).meetings;
  const first = meetings.find((m) => m.title === 'Première rencontre du groupe');
  if (!first) throw new Error('the demo group’s first meeting');
  await page.goto(`/rencontres/${first.id}`);
  await expect(page.getByRole('heading', { name: /Guide : Première rencontre/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Questions à poser' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'meeting with its guide at 360 px');
  await shot(page, 'meeting-guide-360');

  const coordination = page;
  await coordination.context().clearCookies();
  await signInAs(coordination, COORDINATION);
  const orgId = await organisationIdByName(coordination, /DMG/);
  await coordination.goto(`/organisations/${orgId}/guides`);
  await expect(coordination.getByRole('button', { name: 'Nouveau guide' })).toBeVisible();
  await expect(coordination.getByRole('heading', { name: /Suggestions/ })).toBeVisible();
  await shot(coordination, 'guides-coordination-360');
  await coordination.setViewportSize({ width: 1280, height: 900 });
  await coordination.getByRole('button', { name: 'Nouveau guide' }).click();
  await expectAccessible(coordination, 'new guide form');
  await shot(coordination, 'guides-coordination-new-1280');
});
