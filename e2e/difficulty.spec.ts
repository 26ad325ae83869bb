import { expect, test } from '@playwright/test';
import { expectAccessible, organisationIdByName, signInAs } from './support.ts';

// A resident raises a difficulty anonymously from their phone and follows it to its closure: the
// coordination acknowledges it, answers and closes it with a note, never learning who raised it.

test.use({ viewport: { width: 360, height: 780 } });

test('a member raises an anonymised difficulty and follows it to closure', async ({ page, browser }) => {
  // Two people's sessions on a shared two-core machine.
  test.slow();
  await signInAs(page, 'interne30@dmg.demo');
  const me = await (await page.request.get('/api/me')).json();
  await page.goto('/');
  await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Signaler une difficulté' })
    .click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Signaler une difficulté', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  await main.getByRole('link', { name: 'Signaler une difficulté' }).click();

  await expect(main.getByRole('heading', { name: 'Nouveau signalement' })).toBeVisible();
  await expect(
    main.getByText('Envoyé à la coordination de « Tutorat DES de médecine générale ».'),
  ).toBeVisible();
  await main.getByRole('radio', { name: 'Gardes' }).check();
  await main.getByRole('radio', { name: 'Problème collectif' }).check();
  const description = 'Aux urgences de nuit, le senior de garde n’est pas joignable après minuit.';
  await main.getByLabel('Décrivez la difficulté').fill(description);
  await main.getByRole('checkbox', { name: 'Rester anonyme' }).check();
  await expectAccessible(page, 'the form to raise a difficulty');
  await main.getByRole('button', { name: 'Envoyer à la coordination' }).click();

  // Its page: anonymous, new, the member told what the coordination sees.
  await expect(main.getByRole('heading', { name: 'Gardes', level: 1 })).toBeVisible();
  await expect(main.getByText('Nouvelle', { exact: true })).toBeVisible();
  await expect(main.getByText(/Vous avez signalé cette difficulté anonymement/)).toBeVisible();
  const url = page.url();

  // The coordination, on its phone: the newest difficulty of its inbox, without a name.
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'fr-FR' });
  const coordinator = await context.newPage();
  await signInAs(coordinator, 'coordination@dmg.demo');
  const orgId = await organisationIdByName(coordinator, /DMG Démo/);
  await coordinator.goto(`/organisations/${orgId}/difficultes/recues`);
  const inbox = coordinator.getByRole('main');
  await expect(inbox.getByRole('heading', { name: 'Difficultés reçues', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  // The chips are radio buttons drawn as labels.
  await inbox.getByText('Nouvelles', { exact: true }).click();
  await expect(inbox.getByRole('radio', { name: 'Nouvelles' })).toBeChecked();
  await inbox.getByRole('listitem').first().getByRole('link').click();
  await expect(coordinator).toHaveURL(url);
  const view = coordinator.getByRole('main');
  await expect(view.getByText(description)).toBeVisible();
  await expect(view.getByText(/Signalée par un membre anonyme le/)).toBeVisible();
  await expect(coordinator.getByText(me.name)).toHaveCount(0);
  await expectAccessible(coordinator, 'an anonymous difficulty, as the coordination reads it');

  await view.getByRole('button', { name: 'Marquer prise en compte' }).click();
  await expect(view.getByText('Prise en compte', { exact: true }).first()).toBeVisible();
  await view.getByLabel('Votre message').fill('Merci : nous contactons le chef de service cette semaine.');
  await view.getByRole('button', { name: 'Envoyer' }).click();
  await expect(view.getByText('Merci : nous contactons le chef de service cette semaine.')).toBeVisible();
  await view.getByRole('button', { name: 'Clore…' }).click();
  const dialog = coordinator.getByRole('dialog', { name: 'Clore la difficulté' });
  const note = 'Un senior d’astreinte est désormais joignable toute la nuit.';
  await dialog.getByLabel('Note de clôture').fill(note);
  await dialog.getByRole('button', { name: 'Clore' }).click();
  await expect(view.getByText('Close', { exact: true })).toBeVisible();
  await context.close();

  // The member reads the answer and the closing note.
  await page.goto(url);
  await expect(main.getByText('Close', { exact: true })).toBeVisible();
  await expect(main.getByText('Note de clôture')).toBeVisible();
  await expect(main.getByText(note)).toBeVisible();
  await expect(main.getByText('Merci : nous contactons le chef de service cette semaine.')).toBeVisible();
  await expect(main.getByLabel('Votre message')).toHaveCount(0);
  await page.goto(`/organisations/${orgId}/difficultes`);
  const mine = main.getByRole('region', { name: 'Mes signalements' });
  await expect(mine.getByRole('listitem').first()).toContainText('Close');
});
