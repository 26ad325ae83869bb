import { expect, test } from '@playwright/test';
import { ProgrammePage } from './pages/ProgrammePage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { linkFromMail, logMark, programmeIdByName, signInAs } from './support.ts';

test('a coordinator signs in, sees the demo organisation and finds tutors and residents', async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.withPassword('coordination@dmg.demo', 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('E-mail ou mot de passe incorrect');
  await signIn.withPassword('coordination@dmg.demo');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Dr Vasseur');
  const org = page.getByRole('region', { name: /DMG Démo/ });
  await expect(org.getByText('Démo', { exact: true })).toBeVisible();
  await org.getByRole('link', { name: /Tutorat DES de médecine générale/ }).click();

  const programme = new ProgrammePage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tutorat DES de médecine générale');
  await expect(page.getByText('Organisation de démonstration')).toBeVisible();
  await expect(programme.rows).toHaveCount(50);
  await expect(page.getByText('57 personnes')).toBeVisible();
  await expect(programme.row('Dr Camille Martin')).toContainText('Tuteur·rice');
  await expect(programme.row('Dr Camille Martin')).toContainText('tuteur1@dmg.demo');
  await expect(programme.row('Mehdi Lambert')).toContainText('Interne');
  await expect(programme.row('Mehdi Lambert')).toContainText('Dr Camille Martin');

  await programme.filterRole(/^Tuteur·rices \(12\)/);
  await expect(page.getByText('12 personnes')).toBeVisible();
  await expect(programme.rows).toHaveCount(12);
  for (const row of await programme.rows.all()) await expect(row).toContainText('Tuteur·rice');

  await programme.filterRole(/^Internes \(44\)/);
  await programme.search('abbeville');
  // Residents whose internship or home is in Abbeville: matching looks at sites and communes too.
  await expect(programme.row('Mehdi Lambert')).toBeVisible();
  await programme.search('zzz');
  await expect(page.getByText('Personne ne correspond à cette recherche.')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer la recherche et les filtres' }).click();
  await expect(page.getByText('57 personnes')).toBeVisible();

  // Late arrivals without a tutor are one filter away.
  await programme.choose('Statut', /^Sans tuteur·rice/);
  await expect(page.getByText('4 personnes')).toBeVisible();
});

test('a coordinator adds a person, who accepts the e-mailed invitation', async ({ page, browser }) => {
  await signInAs(page, 'coordination@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const programme = new ProgrammePage(page);
  await programme.open(des);

  const email = `claire.nouvelle.${Date.now()}@exemple.fr`;
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter une personne au programme' });
  await dialog.getByRole('button', { name: 'Ajouter et inviter' }).click();
  await expect(dialog.getByText('Ce champ est obligatoire').first()).toBeVisible();
  await dialog.getByLabel('Prénom et nom').fill('Dr Claire Nouvelle');
  await dialog.getByLabel('Adresse e-mail').fill('pas-une-adresse');
  await dialog.getByRole('button', { name: 'Ajouter et inviter' }).click();
  await expect(dialog.getByText('Adresse e-mail non valide')).toBeVisible();
  await dialog.getByLabel('Adresse e-mail').fill(email);
  await programme.choose('Rôle dans le programme', 'Tuteur·rice', dialog);
  await dialog.getByLabel('Nombre maximal de personnes suivies').fill('5');
  const mark = logMark();
  await dialog.getByRole('button', { name: 'Ajouter et inviter' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Une invitation a été envoyée à ${email}`)).toBeVisible();

  await programme.search('Claire Nouvelle');
  await expect(programme.rows).toHaveCount(1);
  await expect(programme.row('Dr Claire Nouvelle')).toContainText('Invité·e');
  await expect(programme.row('Dr Claire Nouvelle')).toContainText('0 / 5 suivi·e');

  // The invitation e-mail, opened by Claire in her own browser.
  const link = await linkFromMail(email, '/invitation', mark);
  const claire = await browser.newPage();
  await claire.goto(link);
  await expect(claire.getByRole('heading', { name: 'Bienvenue sur Compagnon' })).toBeVisible();
  await expect(claire.getByText('Tutorat DES de médecine générale')).toBeVisible();
  await claire.getByLabel('Choisissez un mot de passe').fill('une phrase de passe');
  await claire.getByLabel('Confirmez le mot de passe').fill('une phrase de passe');
  await claire.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(claire.getByRole('heading', { level: 1 })).toHaveText('Bonjour Dr Nouvelle');
  await expect(claire.getByRole('link', { name: /Tutorat DES de médecine générale/ }).first()).toBeVisible();
  await claire.close();

  // Back with the coordinator: Claire is now active; her role and capacity can change.
  await page.reload();
  await programme.search('Claire Nouvelle');
  await expect(programme.row('Dr Claire Nouvelle')).toContainText('Actif·ve');
  await page.getByRole('button', { name: 'Actions pour Dr Claire Nouvelle' }).click();
  await page.getByRole('menuitem', { name: 'Modifier le rôle ou la capacité' }).click();
  const edit = page.getByRole('dialog', { name: 'Rôle de Dr Claire Nouvelle' });
  await edit.getByLabel('Nombre maximal de personnes suivies').fill('8');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(programme.row('Dr Claire Nouvelle')).toContainText('0 / 8 suivi·e');

  await page.getByRole('button', { name: 'Actions pour Dr Claire Nouvelle' }).click();
  await page.getByRole('menuitem', { name: 'Retirer du programme' }).click();
  await page
    .getByRole('dialog', { name: 'Retirer du programme' })
    .getByRole('button', { name: 'Retirer' })
    .click();
  await expect(page.getByText('Personne ne correspond à cette recherche.')).toBeVisible();
});

test('a coordinator changes a rule; it is still there after a reload', async ({ page }) => {
  await signInAs(page, 'coordination@dmg.demo');
  const peer = await programmeIdByName(page, /^Tutorat par les pairs — DES1$/);
  const programme = new ProgrammePage(page);
  await programme.open(peer, 'regles');

  const target = page.getByRole('textbox', { name: 'Objectif' });
  await expect(target).toHaveValue('3');
  // A mistake is shown next to its field and nothing is saved.
  await page.getByRole('textbox', { name: 'Au moins', exact: true }).fill('9');
  await page.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(page.getByText('Le minimum ne peut pas dépasser le maximum')).toBeVisible();
  await page.getByRole('textbox', { name: 'Au moins', exact: true }).fill('2');

  await target.fill('4');
  await page.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(page.getByText('Règles enregistrées')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Objectif' })).toHaveValue('4');
  await expect(page.getByRole('textbox', { name: 'Au moins', exact: true })).toHaveValue('2');
});

test('a tutor reads the rules but cannot change them', async ({ page }) => {
  await signInAs(page, 'tuteur3@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  await new ProgrammePage(page).open(des, 'regles');
  await expect(page.getByText('Seule la coordination du programme peut modifier ces règles.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Objectif' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Enregistrer les règles' })).toHaveCount(0);
});
