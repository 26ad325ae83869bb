import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { E2E_LOG } from './env.ts';
import { ProgrammePage } from './pages/ProgrammePage.ts';
import { expectAccessible, logMark, programmeIdByName, signInAs } from './support.ts';

test('a coordinator adds an account of another organisation, who accepts the invitation', async ({
  page,
  browser,
}) => {
  test.slow(); // two people, each in their own browser
  await signInAs(page, 'coordination@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const programme = new ProgrammePage(page);
  // The programme's 57 people, on a busy machine: a longer wait for the first page than elsewhere.
  await page.goto(`/programmes/${des}`);
  await expect(page.getByRole('navigation', { name: 'Sections du programme' })).toBeVisible({
    timeout: 45_000,
  });

  // Marion Delattre coordinates the CPTS; the DMG's coordinator knows only her address.
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter une personne au programme' });
  await dialog.getByLabel('Prénom et nom').fill('Mme Delattre');
  await dialog.getByLabel('Adresse e-mail').fill('coordination@cpts.demo');
  await programme.choose('Rôle dans le programme', 'Expert·e', dialog);
  const mark = logMark();
  const added = page.waitForResponse(
    (r) => r.url().endsWith(`/api/programmes/${des}/members`) && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Ajouter et inviter' }).click();
  const answer = await added;
  expect(answer.status()).toBe(201);
  // The answer holds what was typed, nothing of her account.
  expect(await answer.json()).toEqual({
    email: 'coordination@cpts.demo',
    name: 'Mme Delattre',
    role: 'expert',
    status: 'invited',
  });
  await expect(dialog).toBeHidden();
  await expect(page.getByText('rejoint le programme seulement si elle l’accepte')).toBeVisible();
  await programme.search('Delattre');
  await expect(page.getByText('Personne ne correspond à cette recherche.')).toBeVisible();

  // Her e-mail leads to her invitations, and carries no link that would act in her name.
  await expect
    .poll(() => {
      const mails = readFileSync(E2E_LOG, 'utf8').slice(mark).split('✉  To: ');
      return mails.find((m) => m.startsWith('coordination@cpts.demo\n')) ?? '';
    })
    .toMatch(/\/invitations\b(?!\?token)/);

  // Marion, in her own browser, finds the invitation on her home page and accepts it.
  const marionContext = await browser.newContext();
  const marion = await marionContext.newPage();
  await signInAs(marion, 'coordination@cpts.demo');
  await marion.goto('/');
  const invitations = marion.getByRole('region', { name: 'Une invitation attend votre réponse' });
  await expect(invitations).toBeVisible();
  await expect(invitations.getByText('Tutorat DES de médecine générale')).toBeVisible();
  await expect(
    invitations.getByText(/Dr Hélène Vasseur vous invite à rejoindre ce programme de DMG Démo/),
  ).toBeVisible();
  await expect(marion.getByRole('region', { name: /DMG Démo/ })).toHaveCount(0);
  await expectAccessible(marion, 'home page with an invitation');
  await invitations.getByRole('button', { name: 'Accepter' }).click();
  await expect(marion.getByText('Vous avez rejoint « Tutorat DES de médecine générale ».')).toBeVisible();
  await expect(invitations).toBeHidden();
  const dmg = marion.getByRole('region', { name: /DMG Démo/ });
  await expect(dmg.getByRole('link', { name: /Tutorat DES de médecine générale/ })).toBeVisible();
  await marion.goto('/invitations');
  await expect(marion.getByText('Aucune invitation n’attend votre réponse.')).toBeVisible();

  // Now she is in the programme, under her own name; removing her ends her DMG enrolment too.
  await page.reload();
  await programme.search('Delattre');
  await expect(programme.row('Marion Delattre')).toBeVisible();
  await page.getByRole('button', { name: 'Actions pour Marion Delattre' }).click();
  await page.getByRole('menuitem', { name: 'Retirer du programme' }).click();
  await page
    .getByRole('dialog', { name: 'Retirer du programme' })
    .getByRole('button', { name: 'Retirer' })
    .click();
  await expect(page.getByText('Personne ne correspond à cette recherche.')).toBeVisible();
  await marion.goto('/');
  await expect(marion.getByRole('region', { name: /CPTS Démo/ })).toBeVisible();
  await expect(marion.getByRole('region', { name: /DMG Démo/ })).toHaveCount(0);
  await marionContext.close();
});
