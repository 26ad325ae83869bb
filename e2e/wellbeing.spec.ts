import { expect, test } from '@playwright/test';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  linkFromMail,
  logMark,
  organisationIdByName,
  programmeIdByName,
  signInAs,
} from './support.ts';

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
  // The tutee may also write to their tutor, now or at any time: the pair's thread, once signed in.
  await expect(phone.getByRole('link', { name: /^Écrire à / })).toHaveAttribute('href', /^\/echanges\//);

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

// A resident raises a difficulty anonymously from their phone and follows it to its closure: the
// coordination acknowledges it, answers and closes it with a note, never learning who raised it.

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
