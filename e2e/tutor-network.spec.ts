import { type Browser, expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, serverNow, shot, signInAs } from './support.ts';

// Networks walked as their people use them: the DMG's coordination creates a network with
// « Équipe Amiens Nord » and reads its code; the CPTS's coordination joins « Mentors Somme Ouest »
// with it (demo/networks.ts made that team); a tutor of each team reads the other's message; the
// CPTS publishes a session of one place, a DMG tutor registers and a CPTS mentor waits first in line.

async function personPage(browser: Browser, email: string, width = 1280) {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await page.setViewportSize({ width, height: width < 500 ? 780 : 900 });
  await signInAs(page, email);
  return page;
}

const ahead = (days: number, hour: number) => {
  const d = new Date(serverNow().getTime() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

test('two organisations’ teams in one network: created, joined with its code, a message each way, a session with its waiting list', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const name = `Réseau des tuteurs ${Date.now().toString(36)}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'coordination@dmg.demo');

  // The DMG's coordination creates the network with « Équipe Amiens Nord » and reads its code.
  await page.goto('/reseaux');
  await page.getByRole('button', { name: 'Créer un réseau' }).click();
  const create = page.getByRole('dialog', { name: 'Créer un réseau' });
  await create.getByLabel('Nom du réseau').fill(name);
  await create.getByText('Réseau national').click();
  await create.getByLabel('Présentation').fill('Les équipes de tuteurs de plusieurs facultés.');
  // The coordination's first team, « Équipe Amiens Nord », is chosen already.
  await create.getByRole('button', { name: 'Créer le réseau' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  // The coordination coordinates that team without belonging to it: the page says so.
  await expect(page.getByText('Équipe Amiens Nord · équipe que vous coordonnez')).toBeVisible();
  const code = (await page.getByTestId('network-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const networkUrl = new URL(page.url()).pathname;

  // The CPTS's coordination joins its team with the code.
  const cpts = await personPage(browser, 'coordination@cpts.demo');
  await cpts.goto('/reseaux');
  await cpts.getByRole('button', { name: 'Rejoindre avec un code' }).click();
  const join = cpts.getByRole('dialog', { name: 'Rejoindre un réseau' });
  await join.getByLabel('Code du réseau').fill(code.toLowerCase());
  await join.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(cpts.getByRole('heading', { name, level: 1 })).toBeVisible();
  const teams = cpts.getByRole('region', { name: '2 équipes membres' });
  await expect(teams.getByText('Équipe Amiens Nord')).toBeVisible();
  await expect(teams.getByText('Mentors Somme Ouest · équipe que vous coordonnez')).toBeVisible();

  // A tutor of each team reads the other's message.
  const tutor = await personPage(browser, 'tuteur1@dmg.demo', 360);
  await tutor.goto(networkUrl);
  await expect(tutor.getByText('Équipe Amiens Nord · votre équipe')).toBeVisible();
  const fromAmiens = `Bonjour la CPTS ! Une grille d’entretien à partager ? ${Date.now().toString(36)}`;
  await tutor.getByLabel('Votre message au réseau').fill(fromAmiens);
  await tutor.getByRole('button', { name: 'Envoyer' }).click();
  await expect(tutor.getByLabel('Votre message au réseau')).toHaveValue('');
  await expect(tutor.getByText(fromAmiens)).toBeVisible();

  const mentor = await personPage(browser, 'mentor2@cpts.demo');
  await mentor.goto('/reseaux');
  const card = mentor.getByRole('article', { name });
  await expect(card.getByText('1 message non lu')).toBeVisible();
  await card.getByRole('link', { name }).click();
  await expect(mentor.getByText(fromAmiens)).toBeVisible();
  await expect(mentor.getByText(/Équipe Amiens Nord, DMG/).first()).toBeVisible();
  const fromSomme = `Oui, la voici en pièce jointe de la prochaine session. ${Date.now().toString(36)}`;
  await mentor.getByLabel('Votre message au réseau').fill(fromSomme);
  await mentor.getByRole('button', { name: 'Envoyer' }).click();
  await expect(mentor.getByLabel('Votre message au réseau')).toHaveValue('');
  await expect(mentor.getByText(fromSomme)).toBeVisible();
  await tutor.reload();
  await expect(tutor.getByText(fromSomme)).toBeVisible();
  await expect(tutor.getByText(/Mentors Somme Ouest, CPTS Démo/).first()).toBeVisible();

  // The CPTS publishes a session of one place; the tutor registers, the mentor waits first in line.
  const title = `Soirée d’échanges ${Date.now().toString(36)}`;
  await cpts.reload();
  await cpts.getByRole('button', { name: 'Publier une session' }).click();
  const form = cpts.getByRole('dialog', { name: 'Nouvelle session du réseau' });
  await form.getByLabel('Intitulé').fill(title);
  await form.getByLabel('Début').fill(ahead(20, 18));
  await form.getByLabel('Fin').fill(ahead(20, 20));
  await form.getByText('En visio').click();
  await form.getByLabel('Lien de la visio').fill('https://visio.example.org/reseau-e2e');
  await form.getByLabel('Nombre de places').fill('1');
  await form.getByRole('button', { name: 'Publier la session' }).click();
  await expect(cpts.getByRole('article', { name: title })).toBeVisible();

  await tutor.reload();
  const session = tutor.getByRole('article', { name: title });
  await session.getByRole('button', { name: 'S’inscrire', exact: true }).click();
  await expect(session.getByText('Vous êtes inscrit·e')).toBeVisible();
  await expectNoHorizontalScroll(tutor, 'the network page at 360 px');
  await expectAccessible(tutor, 'the network page');
  await shot(tutor, 'networks', 'network-tutor-360');
  await tutor.goto('/reseaux');
  await expect(tutor.getByRole('article', { name })).toBeVisible();
  await expect(
    tutor.getByRole('article', { name: 'Réseau régional des tuteurs Hauts-de-France' }),
  ).toBeVisible();
  await expectNoHorizontalScroll(tutor, 'the networks at 360 px');
  await expectAccessible(tutor, 'the networks');
  await shot(tutor, 'networks', 'networks-tutor-360');

  await mentor.reload();
  const full = mentor.getByRole('article', { name: title });
  await full.getByRole('button', { name: 'S’inscrire sur la liste d’attente' }).click();
  await expect(full.getByText('Liste d’attente : position 1')).toBeVisible();
  await expect(full.getByText(/vous êtes en position 1 sur la liste d’attente/)).toBeVisible();
  await shot(mentor, 'networks', 'network-mentor-1280');
  await page.reload();
  await expect(page.getByRole('article', { name: title })).toBeVisible();
  await shot(page, 'networks', 'network-coordinator-1280');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'the network page of the coordination at 360 px');
  await shot(page, 'networks', 'network-coordinator-360');
});
