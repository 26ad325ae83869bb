import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { E2E_LOG } from './env.ts';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  linkFromMail,
  logMark,
  organisationIdByName,
  programmeIdByName,
  shot,
  signInAs,
} from './support.ts';

// A peer tutor (interne35) and the four first-year residents of the demo's first group: one on
// night shifts, one with DES course days, one with an uploaded calendar, one on usual internship
// hours. Screenshots of the slot finder and the poll, when asked: SCREENS_DIR/meetings.
const RESIDENTS = ['interne1', 'interne2', 'interne3', 'interne4'].map((n) => `${n}@dmg.demo`);
const ZONE = 'Europe/Paris';

const paris = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(iso))
    .replace(', ', 'T');

test('a group finds a date, answers the poll, gets invitations; the report follows the programme rule', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'interne35@dmg.demo');
  const programmeId = await programmeIdByName(page, /Tutorat par les pairs/);

  // 1. The slot finder: the best slot is one where all five are free.
  await page.goto(`/programmes/${programmeId}/rencontres/nouvelle`);
  for (const name of ['Chercher les meilleurs créneaux'])
    await expect(page.getByRole('button', { name })).toBeVisible();
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(4);
  await page.getByRole('button', { name: 'Chercher les meilleurs créneaux' }).click();
  const best = page.getByTestId('slot').first();
  await expect(best).toContainText('Tout le monde est libre');
  await expect(best).toContainText('Libres (5)');
  await expect(best).not.toContainText('Pris');
  await expectAccessible(page, 'slot finder');
  await shot(page, 'meetings', '1280-slot-finder');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'slot finder at 360 px');
  await shot(page, 'meetings', '360-slot-finder');
  await page.setViewportSize({ width: 1280, height: 900 });

  const mark = logMark();
  await page.getByRole('button', { name: /Proposer ces 3 créneaux/ }).click();
  await expect(page).toHaveURL(/\/rencontres\/[0-9a-f-]+$/);
  const meetingId = page.url().split('/').at(-1) as string;
  const meeting = await api<{ options: { id: string; start: string }[] }>(
    page.request,
    `/api/meetings/${meetingId}`,
  );
  const chosen = meeting.options[0] as { id: string; start: string };

  // 2. Each resident answers from their own link, on a phone, without signing in: two taps.
  for (const [i, email] of RESIDENTS.entries()) {
    const link = await linkFromMail(email, '/sondage', mark);
    const context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      locale: 'fr-FR',
      timezoneId: 'America/New_York',
    });
    const phone = await context.newPage();
    await phone.goto(link);
    const first = phone.getByRole('listitem').first();
    await expect(first.getByRole('button', { name: 'Oui' })).toBeVisible();
    if (i === 0) {
      await expectAccessible(phone, 'poll');
      await expectNoHorizontalScroll(phone, 'poll at 360 px');
      await shot(phone, 'meetings', '360-poll');
    }
    await first.getByRole('button', { name: 'Oui' }).click();
    await expect(first.getByRole('button', { name: 'Oui' })).toHaveAttribute('aria-pressed', 'true');
    await expect(phone.getByRole('status')).toContainText('Réponse enregistrée');
    if (i === 3) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await phone.setViewportSize({ width: 1280, height: 860 });
      await shot(phone, 'meetings', '1280-poll');
    }
    // The page shows counts, never the other residents' names or addresses.
    const body = (await phone.locator('body').textContent()) ?? '';
    for (const other of RESIDENTS.filter((e) => e !== email)) expect(body).not.toContain(other);
    await context.close();
  }

  // 3. The organiser sees the answers arrive and confirms.
  await expect(page.getByTestId('option').first()).toContainText('4 oui', { timeout: 15_000 });
  const confirmMark = logMark();
  await page.getByTestId('option').first().getByRole('button', { name: 'Confirmer ce créneau' }).click();
  await page
    .getByRole('dialog', { name: 'Fixer la rencontre à cette date ?' })
    .getByRole('button', { name: 'Fixer et prévenir' })
    .click();
  await expect(page.getByText('Rencontre confirmée')).toBeVisible();

  // 4. Everyone receives the invitation; a calendar library reads the right local time.
  const expected = paris(chosen.start);
  for (const email of ['interne35@dmg.demo', ...RESIDENTS]) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signInAs(p, email);
    const res = await p.request.get(`/api/meetings/${meetingId}/invitation`);
    expect(res.status()).toBe(200);
    const comp = new ICAL.Component(ICAL.parse(await res.text()));
    expect(comp.getFirstPropertyValue('method')).toBe('REQUEST');
    const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent') as never);
    expect(ev.startDate.zone?.tzid).toBe(ZONE);
    expect(ev.startDate.toString().slice(0, 16)).toBe(expected);
    expect(ev.startDate.toJSDate().toISOString()).toBe(new Date(chosen.start).toISOString());
    await context.close();
  }
  // Invitations are jobs: they reach the log on the runner's next pass.
  for (const email of RESIDENTS) {
    await expect
      .poll(() => readFileSync(E2E_LOG, 'utf8').slice(confirmMark), { timeout: 30_000 })
      .toContain(`✉  To: ${email}\n   Subject: Confirmé`);
  }

  // 5. The report opens at the meeting's start: before it, no report form and no attendance shown
  // to anyone (filing and who reads it are covered by the server's report tests).
  await expect(page.getByText(/pourront être remplis à partir du début de la rencontre/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Déposer le compte rendu' })).toHaveCount(0);
  await expect(page.getByText('Présences', { exact: true })).toHaveCount(0);

  // 6. The coordinator sees no attendance for a meeting that has not taken place.
  const coord = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const cp = await coord.newPage();
  await signInAs(cp, 'coordination@dmg.demo');
  await cp.goto(`/rencontres/${meetingId}`);
  await expect(cp.getByText(/n’a pas encore eu lieu : aucune présence n’est notée/)).toBeVisible();
  await expect(cp.getByText('Présences', { exact: true })).toHaveCount(0);
  await expect(cp.getByText(/Présent·e/)).toHaveCount(0);
  await coord.close();
});

test('a resident types a constraint as they would say it; the coordinator keeps the programme dates', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // interne5 is not in the group above: their rota changes nothing there.
  await signInAs(page, 'interne5@dmg.demo');
  const orgId = await organisationIdByName(page, /DMG/);
  await page.goto(`/organisations/${orgId}/disponibilites`);
  const phrase = page.getByLabel('Écrivez votre contrainte comme vous la diriez');

  // What is not understood is pointed out, and cannot be saved.
  await phrase.fill('garde tous les mardis avec les copains');
  await expect(page.getByText('Je n’ai pas compris « avec les copains »')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();

  // What is understood is shown in full before saving.
  await phrase.fill('garde tous les mardis');
  const understood = page.getByText(
    'Garde — chaque mardi, 18h30 → 8h30 le lendemain, compte comme indisponible ; le lendemain : si besoin',
  );
  await expect(understood).toBeVisible();
  await expectAccessible(page, 'constraint entry');
  await shot(page, 'meetings', '1280-constraint-entry');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'constraint entry at 360 px');
  await shot(page, 'meetings', '360-constraint-entry');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  // It is in the list of the person's constraints, which can remove it.
  const saved = page.getByRole('button', {
    name: 'Supprimer : Garde — chaque mardi, 18:30–08:30 · lendemain en repos (si besoin)',
  });
  await expect(saved).toBeVisible();
  await expect(phrase).toHaveValue('');
  await saved.click();
  await expect(saved).toHaveCount(0);

  // The coordinator adds a course day to the programme, then changes it.
  const coord = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'America/New_York',
  });
  const cp = await coord.newPage();
  await signInAs(cp, 'coordination@dmg.demo');
  const programmeId = await programmeIdByName(cp, /Tutorat par les pairs/);
  await cp.goto(`/programmes/${programmeId}/rencontres`);
  await cp.getByRole('button', { name: 'Ajouter une date' }).click();
  const dialog = cp.getByRole('dialog');
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('Intitulé').fill('Journée de cours DES');
  await dialog.getByLabel('Date de début').fill(day);
  await dialog.getByLabel('Heure de début').fill('09:00');
  await dialog.getByLabel('Heure de fin').fill('17:00');
  await expect(dialog.getByLabel('Date de fin')).toHaveValue(day);
  await expectAccessible(cp, 'programme date form');
  await shot(cp, 'meetings', '1280-events-form', { fullPage: false });
  await cp.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(cp, 'programme date form at 360 px');
  await shot(cp, 'meetings', '360-events-form', { fullPage: false });
  await cp.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  const event = cp.getByTestId('programme-event').filter({ hasText: 'Journée de cours DES' });
  await expect(event).toContainText('09:00 → 17:00');
  await expect(event).toContainText('Bloque les rencontres');
  await event.getByRole('button', { name: 'Modifier : Journée de cours DES' }).click();
  await dialog.getByLabel('Intitulé').fill('Journée de cours DES — santé publique');
  await dialog.getByLabel('Heure de fin').fill('12:30');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  const changed = cp.getByTestId('programme-event').filter({ hasText: 'santé publique' });
  await expect(changed).toContainText('09:00 → 12:30');
  await shot(cp, 'meetings', '1280-events-list');

  // A member of the programme sees it, without the means to change it.
  await page.goto(`/programmes/${programmeId}/rencontres`);
  const seen = page.getByTestId('programme-event').filter({ hasText: 'santé publique' });
  await expect(seen).toContainText('09:00 → 12:30');
  await expect(seen.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ajouter une date' })).toHaveCount(0);
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'programme dates at 360 px');
  await shot(page, 'meetings', '360-events-member');

  // The coordinator removes it; it is gone for everyone.
  await changed.getByRole('button', { name: /^Supprimer : / }).click();
  await cp.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(changed).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('santé publique')).toHaveCount(0);
  await coord.close();
});
