import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, linkFromMail, logMark, programmeIdByName, signInAs } from './support.ts';

// A resident answers a check-in from the e-mailed link on a phone, signals distress, sees the help
// lines at once and chooses to tell their tutor; the tutor opens the alert and the guide; the
// coordinator sees only aggregates (withheld below five people).
const RESIDENT = 'interne3@dmg.demo';
const TUTOR = 'tuteur3@dmg.demo';
const COORDINATOR = 'coordination@dmg.demo';
const DES = 'Tutorat DES de médecine générale';

test.use({ viewport: { width: 360, height: 780 }, locale: 'fr-FR' });

test('a check-in from the e-mail to the tutor’s guide, and only aggregates for the coordinator', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, RESIDENT);
  await page.goto('/');
  const consent = page.getByText(`Points sur le moral dans « ${DES} »`).locator('xpath=..');
  const mark = logMark();
  await consent.getByRole('button', { name: 'J’accepte' }).click();
  await expect(page.getByText(`Un point sur le moral vous attend (${DES})`)).toBeVisible();

  // The e-mailed link opens without signing in.
  const link = await linkFromMail(RESIDENT, '/point', mark);
  const phone = await (
    await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'fr-FR' })
  ).newPage();
  await phone.goto(link);
  await expect(phone.getByRole('heading', { name: 'Comment allez-vous ?' })).toBeVisible();
  for (let i = 1; i <= 5; i++) {
    await phone
      .getByRole('group', { name: new RegExp(`^${i}\\. `) })
      .getByRole('button', { name: 'Jamais' })
      .click();
  }
  await phone.getByLabel(/^Quelque chose que vous voulez/).fill('Je n’en peux plus des gardes');
  await phone
    .getByRole('checkbox', { name: /Ne pas montrer/ })
    .last()
    .check();
  await phone.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(phone.getByText('Vous n’avez pas à traverser cela seul·e')).toBeVisible();
  await expect(phone.getByRole('link', { name: 'Appeler le 3114' })).toHaveAttribute('href', 'tel:3114');
  await expectNoHorizontalScroll(phone, 'check-in result');
  const tell = phone.getByRole('checkbox', { name: /^Prévenir / });
  await expect(tell).toBeChecked();
  await phone.getByRole('button', { name: 'Confirmer mon choix' }).click();
  await expect(phone.getByRole('status')).toContainText('prévenu');

  // The tutor opens the alert from the home page: the guide, never the answers.
  const tutor = await (
    await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'fr-FR' })
  ).newPage();
  await signInAs(tutor, TUTOR);
  await tutor.goto('/');
  await tutor.getByRole('link', { name: /souhaite que vous preniez de ses nouvelles/ }).click();
  await expect(tutor.getByRole('heading', { name: /Prendre des nouvelles de/ })).toBeVisible();
  await expect(tutor.getByRole('heading', { name: /Prendre contact, vite et simplement/ })).toBeVisible();
  await expect(tutor.getByText('Je n’en peux plus des gardes')).toHaveCount(0);
  await tutor.getByRole('button', { name: 'J’ai pris connaissance de l’alerte' }).click();
  await expect(tutor.getByText(/^Vu le /)).toBeVisible();
  await expectNoHorizontalScroll(tutor, 'tutor alert');

  // The coordinator: figures of people only, withheld while fewer than five were asked.
  const coordinator = await (
    await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'fr-FR' })
  ).newPage();
  await signInAs(coordinator, COORDINATOR);
  const programmeId = await programmeIdByName(coordinator, new RegExp(`^${DES}$`));
  const summary = await coordinator.request.get(`/api/programmes/${programmeId}/wellbeing/summary`);
  const body = await summary.json();
  expect(body.shown).toBe(false);
  expect(JSON.stringify(body)).not.toContain('interne3');
  // The dashboard reads a year of the programme's activity: on a busy machine it takes a while.
  await coordinator.goto(`/programmes/${programmeId}/suivi`);
  await expect(
    coordinator.getByRole('heading', { name: 'Points sur le moral (12 derniers mois)' }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(coordinator.getByText(/les chiffres ne sont pas montrés/)).toBeVisible();
});
