import { mkdirSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { api, expectNoHorizontalScroll, programmeIdByName, signInAs } from './support.ts';

// Leave and replacement: a tutor of the demo team declares leave starting today, the teammate
// proposed accepts, the covered resident reads whom to contact, and the backup organises a meeting
// with them. tuteur5 (not tuteur2, away in the demo): the spec cancels the leave at the end — an
// absence may be cancelled on its first day — so the demo stays as it was for the other specs.

const SHOTS = process.env.SCREENS_DIR ? `${process.env.SCREENS_DIR}/absences` : '/tmp/shots-absences';
const TUTOR = 'tuteur5@dmg.demo';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function as(browser: Browser, email: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

interface Mine {
  today: string;
  absences: {
    id: string;
    status: string;
    covers: { tutee: { id: string; name: string }; backup: { id: string; name: string } | null }[];
  }[];
}

test('a tutor declares leave, a teammate stands in, the resident knows whom to contact, the backup meets them', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  await signInAs(page, TUTOR);
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${des}/absences`);
  await expect(page.getByRole('heading', { name: 'Déclarer une absence' })).toBeVisible({ timeout: 45_000 });
  const before = await api<Mine>(page.request, `/api/programmes/${des}/absences`);
  const lastDay = new Date(Date.parse(`${before.today}T12:00:00Z`) + 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await page.getByLabel('Dernier jour d’absence').fill(lastDay);
  await page.getByLabel('Motif (facultatif)').fill('Congrès de médecine générale');
  await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
  await expect(page.getByRole('button', { name: 'Envoyer les demandes' })).toBeVisible({ timeout: 45_000 });
  const declared = (await api<Mine>(page.request, `/api/programmes/${des}/absences`)).absences.find(
    (a) => a.status === 'current',
  );
  const cover = declared?.covers.find((c) => c.backup);
  if (!declared || !cover?.backup) throw new Error('a backup should be proposed from the team');
  await shot(page, 'tutor-declared-1280');
  await page.getByRole('button', { name: 'Envoyer les demandes' }).click();
  await expect(page.getByRole('button', { name: 'Envoyer les demandes' })).toBeHidden({ timeout: 45_000 });

  // The coordination reads everyone's e-mail: whom to sign in as.
  const coordination = await as(browser, 'coordination@dmg.demo');
  const people = await api<{ userId: string; email?: string | null }[]>(
    coordination.request,
    `/api/programmes/${des}/people`,
  );
  const emailOf = (id: string) => people.find((p) => p.userId === id)?.email ?? '';
  await coordination.goto(`/programmes/${des}/absences`);
  await expect(coordination.getByRole('heading', { name: 'Continuité du suivi' })).toBeVisible({
    timeout: 45_000,
  });
  await shot(coordination, 'coordination-1280');
  await coordination.context().close();

  // The teammate proposed accepts, on a phone.
  const backup = await as(browser, emailOf(cover.backup.id), 360);
  await backup.goto(`/programmes/${des}/absences`);
  await backup.getByRole('button', { name: `Accepter de remplacer auprès de ${cover.tutee.name}` }).click();
  await expect(backup.getByText(/Vous remplacez en ce moment/).first()).toBeVisible({ timeout: 45_000 });
  await expectNoHorizontalScroll(backup, 'absences, backup');
  await shot(backup, 'backup-accepted-360');

  // The resident reads whom to contact and until when, on their programme's page.
  const tutee = await as(browser, emailOf(cover.tutee.id), 360);
  await tutee.goto(`/programmes/${des}`);
  const line = tutee.getByText(new RegExp(`jusqu’au .*, contactez ${cover.backup.name}`));
  await expect(line).toBeVisible({ timeout: 45_000 });
  await expectNoHorizontalScroll(tutee, 'people, covered resident');
  await shot(tutee, 'tutee-contact-360');
  await tutee.context().close();

  // The backup organises a meeting with the resident they cover.
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCHours(13, 0, 0, 0);
  const made = await backup.request.post(`/api/programmes/${des}/meetings`, {
    data: {
      title: 'Point pendant le congé',
      mode: 'phone',
      durationMinutes: 30,
      participantIds: [cover.tutee.id],
      options: [{ start: start.toISOString() }],
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  await backup.goto(`/programmes/${des}/rencontres`);
  await expect(backup.getByText('Point pendant le congé').first()).toBeVisible({ timeout: 45_000 });
  await backup.context().close();

  // Back to the demo as it was: the leave is cancelled on its first day.
  await page.goto(`/programmes/${des}/absences`);
  await page.getByRole('button', { name: 'Annuler l’absence' }).click();
  await expect(page.getByRole('button', { name: 'Annuler l’absence' })).toBeHidden({ timeout: 45_000 });
});
