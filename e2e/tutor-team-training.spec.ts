import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  programmeIdByName,
  serverNow,
  signInAs,
} from './support.ts';

const SHOTS = process.env.SCREENS_DIR ? `${process.env.SCREENS_DIR}/training` : '/tmp/shots-training';
// Two tutors of the DES programme whom the demo registers for no session.
const FIRST = 'tuteur10@dmg.demo';
const SECOND = 'tuteur11@dmg.demo';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A local date-time a month ahead, as a datetime-local field takes it. */
const ahead = (days: number, hour: number) => {
  const d = new Date(serverNow().getTime() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

test('the coordinator publishes a session of one place; a tutor registers, a second waits first in line', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const title = `Atelier portfolio ${Date.now().toString(36)}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'coordination@dmg.demo');
  const programmeId = await programmeIdByName(page, /Tutorat DES/);
  await page.goto(`/programmes/${programmeId}/formations`);
  await expect(page.getByRole('heading', { name: /sans formation initiale/ })).toBeVisible({
    timeout: 30_000,
  });
  await shot(page, 'training-coordinator-1280');
  await page.getByRole('button', { name: 'Nouvelle session' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvelle session de formation' });
  await form.getByLabel('Intitulé').fill(title);
  await form.getByLabel('Début').fill(ahead(30, 14));
  await form.getByLabel('Fin').fill(ahead(30, 17));
  await form.getByLabel('Lieu').fill('Faculté de médecine d’Amiens, salle 4');
  await form.getByLabel('Nombre de places').fill('1');
  await form.getByRole('button', { name: 'Publier la session' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // The first tutor, on a phone: registers.
  const first = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await first.setViewportSize({ width: 360, height: 780 });
  await signInAs(first, FIRST);
  await first.goto(`/programmes/${programmeId}/formations`);
  const card = first.getByRole('article', { name: title });
  await card.getByRole('button', { name: 'S’inscrire', exact: true }).click();
  await expect(card.getByText('Vous êtes inscrit·e')).toBeVisible();
  await expectNoHorizontalScroll(first, 'training sessions at 360 px');
  await expectAccessible(first, 'training sessions');
  await shot(first, 'training-tutor-360');

  // The second tutor: the session is full, they join the waiting list and see their position.
  const second = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await second.setViewportSize({ width: 360, height: 780 });
  await signInAs(second, SECOND);
  await second.goto(`/programmes/${programmeId}/formations`);
  const full = second.getByRole('article', { name: title });
  await full.getByRole('button', { name: 'S’inscrire sur la liste d’attente' }).click();
  await expect(full.getByText('Liste d’attente : position 1')).toBeVisible();
  await full.getByRole('link', { name: title }).click();
  await expect(second.getByRole('heading', { name: title })).toBeVisible();
  await expectNoHorizontalScroll(second, 'training session at 360 px');
  await shot(second, 'session-tutor-360');

  // The coordinator sees who comes and who waits.
  await page.reload();
  await expect(page.getByRole('region', { name: '1 inscrit·e' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Liste d’attente \(1 personne\)/ })).toBeVisible();
  await expectAccessible(page, 'training session');
  await shot(page, 'session-coordinator-1280');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'training session of the coordinator at 360 px');
  await shot(page, 'session-coordinator-360');
  await page.goto(`/programmes/${programmeId}/formations`);
  await shot(page, 'training-coordinator-360');
  await second.setViewportSize({ width: 1280, height: 900 });
  await second.goto(`/programmes/${programmeId}/formations`);
  await shot(second, 'training-tutor-1280');
});
