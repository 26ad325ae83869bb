import { expect, type Page, test } from '@playwright/test';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  programmeIdByName,
  shot,
  signInAs,
} from './support.ts';

const TUTOR = 'interne35@dmg.demo';
const RESIDENT = 'interne1@dmg.demo';

async function post(page: Page, path: string, data: object) {
  const res = await page.request.post(path, { data });
  expect(res.ok(), `POST ${path}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

test('a resident and their tutor see on their home page what is next, on a phone', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, TUTOR);
  const programmeId = await programmeIdByName(page, /Tutorat par les pairs/);
  const resident = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAs(resident, RESIDENT);
  const residentId = (await api<{ id: string }>(resident.request, '/api/me')).id;

  // The tutor asks the resident for a date: the poll is the resident's to answer.
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCHours(16, 0, 0, 0);
  const { id } = await post(page, `/api/programmes/${programmeId}/meetings`, {
    title: 'Point d’étape du mois',
    mode: 'video',
    durationMinutes: 45,
    participantIds: [residentId],
    options: [{ start: start.toISOString() }],
  });

  await resident.setViewportSize({ width: 360, height: 780 });
  await resident.goto('/');
  const next = resident.getByRole('region', { name: 'À faire et prochainement' });
  const poll = next.getByRole('link', { name: 'Répondre au sondage « Point d’étape du mois »' });
  await expect(poll).toBeVisible();
  await expect(next).toContainText('Proposé par');
  // The poll is also a notification: the menu shows one unread.
  await resident.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await expect(resident.getByRole('link', { name: 'Notifications 1 non lue' })).toBeVisible();
  await resident.getByRole('button', { name: 'Fermer le menu' }).click();
  await expectAccessible(resident, 'home with a poll');
  await expectNoHorizontalScroll(resident, 'home at 360 px');
  await shot(resident, 'home', '360-resident-poll');
  await poll.click();
  await expect(resident).toHaveURL(new RegExp(`/rencontres/${id}$`));

  // Answered and confirmed: the poll leaves, the meeting is coming up, in the organisation's time.
  const meeting = await api<{ options: { id: string }[] }>(resident.request, `/api/meetings/${id}`);
  const optionId = meeting.options[0]?.id as string;
  await post(resident, `/api/meetings/${id}/answers`, { answers: [{ optionId, answer: 'yes' }] });
  await post(page, `/api/meetings/${id}/confirm`, { optionId });
  const paris = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(start);
  await resident.goto('/');
  await expect(next.getByRole('heading', { name: 'Prochainement', exact: true })).toBeVisible();
  await expect(next.getByRole('link', { name: 'Point d’étape du mois', exact: true })).toBeVisible();
  await expect(next).toContainText(paris);
  await expect(next.getByRole('link', { name: /Répondre au sondage/ })).toHaveCount(0);
  await expect(next.getByRole('link', { name: '2 notifications non lues' })).toBeVisible();
  await expectNoHorizontalScroll(resident, 'home with a meeting at 360 px');
  await shot(resident, 'home', '360-resident-meeting');
  await resident.setViewportSize({ width: 1280, height: 900 });
  await shot(resident, 'home', '1280-resident-meeting');

  // Read in Notifications: the count goes.
  await resident.goto('/notifications');
  await expect(resident.getByRole('link', { name: 'Rencontre fixée : Point d’étape du mois' })).toBeVisible();
  await resident.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await resident.goto('/');
  await expect(next.getByRole('link', { name: 'Point d’étape du mois', exact: true })).toBeVisible();
  await expect(next.getByRole('link', { name: /non lue/ })).toHaveCount(0);

  // The tutor: the same meeting is coming up for them, on a phone and on a desktop.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/');
  const mine = page.getByRole('region', { name: 'À faire et prochainement' });
  await expect(mine.getByRole('link', { name: 'Point d’étape du mois', exact: true })).toBeVisible();
  await expectAccessible(page, 'tutor home');
  await expectNoHorizontalScroll(page, 'tutor home at 360 px');
  await shot(page, 'home', '360-tutor');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'home', '1280-tutor');

  // A coordinator: a line per programme with its open alerts.
  const coordination = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAs(coordination, 'coordination@dmg.demo');
  await coordination.setViewportSize({ width: 1280, height: 900 });
  await coordination.goto('/');
  await expect(coordination.getByRole('link', { name: /alertes? de suivi ouvertes?/ }).first()).toBeVisible();
  // The home page's other cards load on their own: all of them are there before the width is measured.
  await coordination.waitForLoadState('networkidle');
  await shot(coordination, 'home', '1280-coordinator');
  await coordination.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(coordination, 'coordinator home at 360 px');
  await shot(coordination, 'home', '360-coordinator');
});
