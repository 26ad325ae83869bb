import { expect, test } from '@playwright/test';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  organisationIdByName,
  shot,
  signInAs,
} from './support.ts';

// A resident whose rota alternates weeks: "un week-end sur deux", typed and from the form.
// Screenshots of the form and the list, phone and desktop, when asked: SCREENS_DIR/fortnightly.

test('a resident on call one weekend in two says so, then adds an every-other-week internship day', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // interne12 is in no meeting group of the demo: their rota changes no other spec's slots.
  await signInAs(page, 'interne12@dmg.demo');
  const orgId = await organisationIdByName(page, /DMG/);
  await page.goto(`/organisations/${orgId}/disponibilites`);
  const phrase = page.getByLabel('Écrivez votre contrainte comme vous la diriez');

  // Without a date, the first week is the next weekend, and the preview says how to change it.
  await phrase.fill('garde un week-end sur deux');
  await expect(
    page.getByText(/Garde — le samedi et dimanche, une semaine sur deux à partir du /),
  ).toBeVisible();
  await expect(page.getByText(/^Aucune date donnée : la première semaine est celle du /)).toBeVisible();
  await shot(page, 'fortnightly', '1280-phrase-guessed');
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, 'fortnightly', '360-phrase-guessed');
  await page.setViewportSize({ width: 1280, height: 900 });

  await phrase.fill('garde un week-end sur deux à partir du 5 décembre');
  await expect(
    page.getByText(
      /Garde — le samedi et dimanche, une semaine sur deux à partir du 5 décembre 20\d\d, 18h30 → 8h30 le lendemain, compte comme indisponible ; le lendemain : si besoin$/,
    ),
  ).toBeVisible();
  await expect(page.getByText(/^Aucune date donnée/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(phrase).toHaveValue('');
  const weekend = page.getByText(
    /^Garde — le samedi et dimanche, une semaine sur deux à partir du 5 déc\.( 20\d\d)?, 18:30–08:30 · lendemain en repos \(si besoin\)$/,
  );
  await expect(weekend).toBeVisible();

  // The same from the form: "Une semaine sur deux" asks for the first week.
  await page.getByRole('button', { name: 'Ou partir d’un modèle' }).click();
  await page.getByText('Stage 8h–18h30', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Répétition' }).click();
  await page.getByRole('option', { name: 'Une semaine sur deux' }).click();
  const days = page.getByRole('group', { name: 'Jours' });
  for (const d of ['Lun', 'Mar', 'Jeu', 'Ven']) await days.getByText(d, { exact: true }).click();
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(
    page.getByText('Indiquez la première date : les semaines sont comptées à partir d’elle.'),
  ).toBeVisible();
  await page.getByLabel(/Première semaine/).fill('2027-01-06');
  await expect(page.getByText('Indiquez la première date')).toHaveCount(0);
  await expect(
    page.getByText('Stage — le mercredi, une semaine sur deux à partir du 6 janv. 2027, 08:00–18:30'),
  ).toBeVisible();
  await expectAccessible(page, 'every-other-week form');
  await shot(page, 'fortnightly', '1280-form');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'every-other-week form at 360 px');
  await shot(page, 'fortnightly', '360-form');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(
    page.getByRole('button', {
      name: 'Supprimer : Stage — le mercredi, une semaine sur deux à partir du 6 janv. 2027, 08:00–18:30',
    }),
  ).toBeVisible();
  await expect(weekend).toBeVisible();

  // Both are listed; the list is readable on a phone.
  await page.getByRole('heading', { name: 'Mes contraintes' }).scrollIntoViewIfNeeded();
  await shot(page, 'fortnightly', '1280-list');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'constraints at 360 px');
  await shot(page, 'fortnightly', '360-list');

  // Removed again, so the demo stays as it was for the other specs.
  for (const name of [/^Supprimer : Garde — le samedi et dimanche/, /^Supprimer : Stage — le mercredi/]) {
    await page.getByRole('button', { name }).click();
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
});
