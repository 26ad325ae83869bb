import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { api, organisationIdByName, programmeIdByName, shot, signInAs } from './support.ts';

// What hurt on a phone (360 px): a page wider than the screen once a calendar address exists, a
// call logged with only a toast, a date fixed in one tap, a tutor-load table out of keyboard reach.
// Screenshots at 360 and 1280 px, when asked: SCREENS_DIR/phone-friction.

/** The page at 1280 then back at 360 px, with a screenshot at each width when asked. */
async function atBothWidths(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    await shot(page, 'phone-friction', `${width}-${name}`);
  }
}

const widths = (page: Page) =>
  page.evaluate(() => {
    const s = document.scrollingElement as Element;
    return { scroll: s.scrollWidth, client: s.clientWidth };
  });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
});

test('the availability page fits a phone once a calendar and a calendar address exist', async ({ page }) => {
  await signInAs(page, 'interne3@dmg.demo');
  const org = await organisationIdByName(page, /DMG/);
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:garde-1@example.org',
    'DTSTART:20300107T180000Z',
    'DTEND:20300107T220000Z',
    'SUMMARY:Garde',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const added = await page.request.post(`/api/orgs/${org}/availability/calendars`, {
    data: {
      kind: 'upload',
      label: 'planning_des_gardes_du_semestre_hiver_CHU_Amiens_Picardie.ics',
      text: ics,
    },
  });
  expect(added.ok(), await added.text()).toBeTruthy();
  expect((await page.request.post('/api/me/calendar-feed')).ok()).toBeTruthy();

  await page.goto(`/organisations/${org}/disponibilites`);
  await expect(page.getByText('planning_des_gardes_du_semestre_hiver_CHU_Amiens_Picardie.ics')).toBeVisible();
  await expect(page.getByRole('button', { name: /Générer une nouvelle adresse/ })).toBeVisible();
  let w = await widths(page);
  expect(w.scroll, 'no sideways scroll with a calendar address').toBeLessThanOrEqual(w.client);
  // The new address itself, shown with its copy button.
  await page.getByRole('button', { name: /Générer une nouvelle adresse/ }).click();
  await expect(page.getByRole('textbox', { name: /adresse/i }).last()).toHaveValue(/^https?:\/\//);
  w = await widths(page);
  expect(w.scroll, 'no sideways scroll with the address shown').toBeLessThanOrEqual(w.client);
  await atBothWidths(page, 'availability');
});

test('a call without an answer shows the attempt count where it was noted', async ({ page }) => {
  await signInAs(page, 'tuteur1@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${des}/rencontres`);
  const row = page.getByTestId('contact-row').first();
  await expect(row).toBeVisible();
  const name = (await row.locator('p').first().textContent()) ?? '';
  const attempts = row.getByTestId('attempts');
  const before = (await attempts.count()) ? Number.parseInt((await attempts.textContent()) ?? '0', 10) : 0;

  const noAnswer = async () => {
    await row.getByRole('button', { name: `Noter un contact avec ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Appel sans réponse' }).click();
  };
  await noAnswer();
  await expect(row.getByRole('status')).toHaveText(`Tentative sans réponse notée pour ${name}.`);
  await expect(attempts).toHaveText(
    before === 0 ? '1ʳᵉ tentative sans réponse' : `${before + 1}ᵉ tentative sans réponse`,
  );
  await noAnswer();
  await expect(attempts).toHaveText(`${before + 2}ᵉ tentative sans réponse`);
  // The name and its action stay side by side: nothing scrolls sideways.
  const w = await widths(page);
  expect(w.scroll).toBeLessThanOrEqual(w.client);
  await atBothWidths(page, 'contacts');
});

test('fixing a date asks first, saying who will be told', async ({ page }) => {
  await signInAs(page, 'tuteur1@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const { candidates } = await api<{ candidates: { id: string; name: string }[] }>(
    page.request,
    `/api/programmes/${des}/meetings`,
  );
  const invited = candidates.slice(0, 1);
  const day = 86_400_000;
  const created = await page.request.post(`/api/programmes/${des}/meetings`, {
    data: {
      title: 'Entretien de tutorat',
      mode: 'in-person',
      durationMinutes: 60,
      participantIds: invited.map((c) => c.id),
      options: [
        { start: `${new Date(Date.now() + 8 * day).toISOString().slice(0, 13)}:00:00Z` },
        { start: `${new Date(Date.now() + 9 * day).toISOString().slice(0, 13)}:00:00Z` },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/rencontres/${id}`);
  await page.getByTestId('option').first().getByRole('button', { name: 'Confirmer ce créneau' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fixer la rencontre à cette date ?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${invited[0]?.name} sera prévenu·e aussitôt`);
  await atBothWidths(page, 'confirm-date');
  await page.setViewportSize({ width: 360, height: 780 });
  // Going back changes nothing.
  await dialog.getByRole('button', { name: 'Revenir aux dates' }).click();
  await expect(dialog).toBeHidden();
  const still = await api<{ status: string }>(page.request, `/api/meetings/${id}`);
  expect(still.status).toBe('polling');
  await page.getByTestId('option').first().getByRole('button', { name: 'Confirmer ce créneau' }).click();
  await dialog.getByRole('button', { name: 'Fixer et prévenir' }).click();
  await expect(page.getByText('Rencontre confirmée')).toBeVisible();
});

test('the tutor-load table is a named region reached by keyboard', async ({ page }) => {
  await signInAs(page, 'coordination@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${des}/suivi`);
  const region = page.getByRole('region', { name: 'Charge des tuteur·rices' });
  await expect(region).toBeVisible();
  await expect(region).toHaveAttribute('tabindex', '0');
  await region.focus();
  await expect(region).toBeFocused();
  await atBothWidths(page, 'dashboard');
});

test('an import’s errors fit a phone: each line with its problem, nothing sideways', async ({ page }) => {
  await signInAs(page, 'coordination@dmg.demo');
  const peer = await programmeIdByName(page, /^Tutorat par les pairs — DES1$/);
  await page.goto(`/programmes/${peer}/import`);
  await page
    .locator('input[type=file]')
    .setInputFiles(join(import.meta.dirname, 'fixtures', 'internes-erreurs.csv'));
  const errors = page.getByTestId('row-error');
  await expect(errors).toHaveCount(4);
  await expect(errors.first()).toContainText(/^Ligne 2/);
  const w = await widths(page);
  expect(w.scroll).toBeLessThanOrEqual(w.client);
  await atBothWidths(page, 'import-errors');
});
