/// <reference lib="dom" />
import { expect as baseExpect, type Page, test } from '@playwright/test';
import { api, organisationIdByName, programmeIdByName, signInAs } from './support.ts';

// Waits on states with room for a busy machine; nothing here depends on a duration.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

interface Meetings {
  meetings: { id: string; reportStatus: string; organiser: { name: string } }[];
}

/** The DMG coordinator reads the filed reports of the peer-tutoring programme (its rule lets them). */
async function coordinatorReadsReports(page: Page) {
  await signInAs(page, 'coordination@dmg.demo');
  const peer = await programmeIdByName(page, /pairs/i);
  const list = await api<Meetings>(page.request, `/api/programmes/${peer}/meetings`);
  const filed = list.meetings.filter((m) => m.reportStatus === 'filed');
  expect(filed.length, 'filed reports in the demo').toBeGreaterThan(0);
  for (const m of filed) {
    const report = await api<{ contentVisible: boolean }>(page.request, `/api/meetings/${m.id}/report`);
    expect(report.contentVisible).toBe(true);
  }
  await page.context().clearCookies();
}

async function setLanguage(page: Page, locale: 'fr' | 'en') {
  const res = await page.request.patch('/api/me', { data: { locale } });
  expect(res.ok()).toBeTruthy();
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the admin finds a coordinator’s read of a report, a person sees who read their records, the admin shortens a retention period', async ({
  page,
}) => {
  await coordinatorReadsReports(page);

  // The organisation admin, on a phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, 'admin@dmg.demo');
  const dmg = await organisationIdByName(page, /DMG|médecine générale/i);
  await page.goto(`/organisations/${dmg}`);
  await page.getByRole('link', { name: 'Journal d’accès' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal d’accès' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Type d’événement' }).click();
  await page.getByRole('option', { name: 'A lu un compte rendu' }).click();
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toContainText('A lu un compte rendu');
  await expect(entries.first()).toContainText('Dr Hélène Vasseur');
  await expect(entries.first()).toContainText('coordination');
  await noSidewaysScroll(page);

  // Only the reads of one person's records: one of the people who met.
  const person = entries
    .first()
    .getByRole('button', { name: /Voir seulement les consultations des données de/ });
  const name = (await person.first().textContent()) ?? '';
  await person.first().click();
  await expect(page.getByText(`Données de : ${name}`)).toBeVisible();
  await expect(entries.first()).toContainText(name);

  // Retention: the import files are kept 3 days instead of 7; out of bounds is refused.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/organisations/${dmg}`);
  const retention = page.getByRole('region', { name: 'Durées de conservation' });
  const imports = retention.getByRole('textbox', { name: 'Fichiers d’import' });
  await expect(imports).toHaveValue('7');
  await imports.fill('400');
  await retention.getByRole('button', { name: 'Enregistrer les durées' }).click();
  await expect(retention.getByText('Au plus 90')).toBeVisible();
  await imports.fill('3');
  await retention.getByRole('button', { name: 'Enregistrer les durées' }).click();
  await expect(page.getByText('Durées de conservation enregistrées.')).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Durées de conservation' })
      .getByRole('textbox', { name: 'Fichiers d’import' }),
  ).toHaveValue('3');
  await page.context().clearCookies();

  // A resident who was at the meeting sees that the coordinator read its report.
  await signInAs(page, 'interne2@dmg.demo');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/profil');
  const mine = page.getByRole('region', { name: 'Qui a consulté mes données' });
  const read = mine.getByTestId('record-read').filter({ hasText: 'Dr Hélène Vasseur' }).first();
  await expect(read).toContainText('coordination');
  await expect(read).toContainText('a lu le compte rendu d’une de vos rencontres');
  await noSidewaysScroll(page);
});

test('in English: the access log, who read my records and the retention periods', async ({ page }) => {
  await coordinatorReadsReports(page);
  await signInAs(page, 'admin@dmg.demo');
  await setLanguage(page, 'en');
  try {
    const dmg = await organisationIdByName(page, /DMG|médecine générale/i);
    await page.goto(`/organisations/${dmg}`);
    await expect(page.getByRole('heading', { level: 1, name: /DMG Démo/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Retention periods' })).toBeVisible();
    await expect(page.getByText('From 1 to 90 days (default 7).')).toBeVisible();
    await page.getByRole('link', { name: 'Access log' }).click();
    await page.getByRole('combobox', { name: 'Kind of event' }).click();
    await page.getByRole('option', { name: 'Read a meeting report' }).click();
    const entries = page.getByTestId('audit-entry');
    await expect(entries.first()).toContainText('Read a meeting report');
    await expect(entries.first()).toContainText('coordinator');
    // Filter by the reader: only what the coordinator did.
    await entries.first().getByRole('button', { name: 'Show only what Dr Hélène Vasseur did' }).click();
    await expect(page.getByText('By: Dr Hélène Vasseur')).toBeVisible();
  } finally {
    await setLanguage(page, 'fr');
  }
  await page.context().clearCookies();

  await signInAs(page, 'interne3@dmg.demo');
  await setLanguage(page, 'en');
  try {
    await page.goto('/profil');
    const mine = page.getByRole('region', { name: 'Who read my records' });
    await expect(
      mine.getByTestId('record-read').filter({ hasText: 'read the report of one of your meetings' }).first(),
    ).toContainText('Dr Hélène Vasseur');
  } finally {
    await setLanguage(page, 'fr');
  }
});
