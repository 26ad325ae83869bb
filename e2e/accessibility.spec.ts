import { expect, test } from '@playwright/test';
import { expectAccessible, organisationIdByName, programmeIdByName, signInAs } from './support.ts';

// axe with the WCAG 2.1 A and AA rules: zero violations on every main page.
test('the check itself fails on a page with unreadable text and an image without a text', async ({
  page,
}) => {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.evaluate(() => {
    const pale = document.createElement('p');
    pale.textContent = 'Texte pâle';
    pale.style.cssText = 'color: #dddddd; background: #ffffff';
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    document.body.prepend(pale, image);
  });
  const failure = await expectAccessible(page, 'a broken page').then(
    () => '',
    (error: Error) => error.message,
  );
  expect(failure).toContain('color-contrast (serious)');
  expect(failure).toContain('image-alt (critical)');
});

test('sign-in pages', async ({ page }) => {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await page.getByRole('tab', { name: 'Lien par e-mail' }).click();
  await expectAccessible(page, 'sign-in with a link');
  await page.goto('/connexion/mot-de-passe-oublie');
  await expectAccessible(page, 'forgotten password');
  await page.goto('/invitation?token=inconnu-0000000000');
  await expect(page.getByRole('heading', { name: 'Invitation introuvable' })).toBeVisible();
  await expectAccessible(page, 'invitation not found');
});

test.describe('coordinator pages', () => {
  let org = '';
  let des = '';
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'coordination@dmg.demo');
    org ||= await organisationIdByName(page, /DMG/);
    des ||= await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  });

  test('home, organisation and a new programme', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, 'home');

    await page.goto(`/organisations/${org}`);
    await expect(page.getByRole('heading', { name: 'Programmes' })).toBeVisible();
    await expectAccessible(page, 'organisation');
    await page.getByRole('button', { name: 'Créer un programme' }).click();
    await expect(page.getByRole('dialog', { name: 'Nouveau programme' })).toBeVisible();
    await expectAccessible(page, 'create a programme');
  });

  test('programme people, a person’s details, adding a person', async ({ page }) => {
    test.slow(); // three scans of a 50-row table
    await page.goto(`/programmes/${des}`);
    await expect(page.getByTestId('person-row').first()).toBeVisible();
    await expectAccessible(page, 'programme people');
    await page.getByRole('button', { name: 'Mehdi Lambert', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Fiche' })).toBeVisible();
    await expectAccessible(page, 'person details');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    await expect(page.getByRole('dialog', { name: 'Ajouter une personne au programme' })).toBeVisible();
    await expectAccessible(page, 'add a person');
  });

  test('programme rules', async ({ page }) => {
    await page.goto(`/programmes/${des}/regles`);
    await expect(page.getByRole('heading', { name: 'Qui accompagne qui' })).toBeVisible();
    await expectAccessible(page, 'programme rules');
  });

  test('cohorts and import', async ({ page }) => {
    await page.goto(`/programmes/${des}/cohortes`);
    await expect(page.getByRole('heading', { name: 'Cohortes', exact: true })).toBeVisible();
    await expectAccessible(page, 'cohorts');
    await page.goto(`/programmes/${des}/import`);
    await expect(page.getByRole('heading', { name: 'Importer une liste de personnes' })).toBeVisible();
    await expectAccessible(page, 'import');
  });

  test('follow-up dashboard, on a computer and on a phone', async ({ page }) => {
    await page.goto(`/programmes/${des}/suivi`);
    await expect(page.getByRole('region', { name: 'Charge des tuteur·rices' })).toBeVisible();
    await expectAccessible(page, 'follow-up dashboard');
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(page.getByRole('region', { name: 'Charge des tuteur·rices' })).toBeVisible();
    await expectAccessible(page, 'follow-up dashboard (phone)');
  });

  test('profile', async ({ page }) => {
    await page.goto('/profil');
    await expect(page.getByRole('textbox', { name: 'Nom affiché' })).toBeVisible();
    await expectAccessible(page, 'profile');
  });
});

test('resident pages, and the phone layout', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, 'interne1@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await page.goto(`/programmes/${des}`);
  await expect(page.getByRole('heading', { name: 'Dr Camille Martin' })).toBeVisible();
  await expectAccessible(page, 'resident programme (phone)');
  await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await expectAccessible(page, 'menu open (phone)');
  await page.goto('/profil');
  await expect(page.getByRole('textbox', { name: 'Nom affiché' })).toBeVisible();
  await expectAccessible(page, 'profile (phone)');
});
