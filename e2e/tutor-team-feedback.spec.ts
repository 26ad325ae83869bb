import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  organisationIdByName,
  programmeIdByName,
  signInAs,
} from './support.ts';

const SHOTS = process.env.SCREENS_DIR
  ? `${process.env.SCREENS_DIR}/tutor-team-feedback`
  : '/tmp/shots-feedback';

async function shots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalScroll(page, `${name} at ${width}px`);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

const skills = [
  'Écoute',
  'Disponibilité et rythme des rencontres',
  'Retours sur les traces',
  'Accompagnement du portfolio',
  'Repérer un·e interne en difficulté',
  'Orienter sans soigner',
  'Respect de la confidentialité',
  'Aide au projet professionnel',
];

test('a tutor fills in their self-evaluation, which stays theirs', async ({ page }) => {
  test.setTimeout(300_000);
  await signInAs(page, 'tuteur6@dmg.demo');
  const orgId = await organisationIdByName(page, /DMG/);
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`/organisations/${orgId}/retours`);
  await page.getByRole('link', { name: 'Remplir mon auto-évaluation' }).click();
  await expect(page.getByRole('heading', { name: 'Mon auto-évaluation', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('n’est lue que par vous')).toBeVisible();
  // Saving before every skill is rated is refused, with the reason.
  await page.getByRole('button', { name: 'Enregistrer l’auto-évaluation' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Choisissez un niveau pour chaque compétence' }),
  ).toBeVisible();
  for (const [i, skill] of skills.entries())
    await page
      .getByRole('group', { name: skill })
      .getByLabel(i % 2 ? 'Acquis' : 'En progrès')
      .check();
  await page.getByLabel('Mes points forts').fill('Je prends le temps d’écouter.');
  await page.getByLabel('Ce que je veux travailler').fill('Des retours plus rapides sur les traces.');
  await page.getByRole('button', { name: 'Enregistrer l’auto-évaluation' }).click();
  await expect(page.getByText(/^Enregistrée le/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Mes points forts' })).toHaveValue(
    'Je prends le temps d’écouter.',
  );
  await expect(page.getByRole('group', { name: 'Écoute' }).getByLabel('En progrès')).toBeChecked();
  await expectAccessible(page, 'self-evaluation');
  await shots(page, 'self-evaluation');
  await page.goto(`/organisations/${orgId}/retours`);
  await expect(page.getByRole('heading', { name: 'L’avis de vos internes' })).toBeVisible();
  await shots(page, 'feedback');

  // tuteur1 has six answers from past years: means, not answers.
  await signInAs(page, 'tuteur1@dmg.demo');
  await page.goto(`/organisations/${orgId}/retours`);
  await expect(page.getByText('6 réponses')).toBeVisible();
  await expectAccessible(page, 'feedback with aggregates');
  await shots(page, 'feedback-aggregates');
  await page.goto(`/organisations/${orgId}/auto-evaluation`);
  await expect(page.getByRole('heading', { name: /L’an dernier/ })).toBeVisible();
  await shots(page, 'self-evaluation-last-year');
});

test('a tutor brings a case to the team; a teammate answers and records the decision', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const title = `Un interne isolé ${Date.now().toString(36)}`;
  await signInAs(page, 'tuteur3@dmg.demo');
  const orgId = await organisationIdByName(page, /DMG/);
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`/organisations/${orgId}/cas-equipe`);
  // The first page of a loaded machine may take a while to load its chunk and its data.
  await expect(page.getByRole('heading', { name: 'Cas de l’équipe', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Apporter un cas' }).click();
  await expect(page.getByText('N’écrivez aucun nom')).toBeVisible();
  await page.getByLabel('Titre').fill(title);
  await page
    .getByLabel('La situation')
    .fill('Il ne vient plus aux cours et répond à peine à mes messages depuis son changement de stage.');
  await expectAccessible(page, 'case form');
  await shots(page, 'cases-form');
  await page.getByRole('button', { name: 'Apporter à l’équipe' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText('Anonyme', { exact: true })).toBeVisible();
  const caseUrl = page.url();

  const mate = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAs(mate, 'tuteur4@dmg.demo');
  await mate.goto(`/organisations/${orgId}/cas-equipe`);
  await mate.getByRole('link', { name: new RegExp(title) }).click();
  await expect(mate.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await mate
    .getByLabel('Votre message à l’équipe')
    .fill('Je l’ai eu en stage : proposons-lui un café avec toi.');
  await mate.getByRole('button', { name: /Envoyer/ }).click();
  await expect(mate.getByText('proposons-lui un café')).toBeVisible();
  await mate
    .getByLabel('La décision de l’équipe')
    .fill('Tuteur 3 l’appelle cette semaine ; point en réunion.');
  await mate.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(mate.getByText('Clos', { exact: true })).toBeVisible();
  await expect(mate.getByText(/^Enregistrée par/)).toBeVisible();

  await page.goto(caseUrl);
  await expect(page.getByText('Tuteur 3 l’appelle cette semaine')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rouvrir le cas' })).toBeVisible();
  await expectAccessible(page, 'case page');
  await shots(page, 'case');
  await page.goto(`/organisations/${orgId}/cas-equipe`);
  await shots(page, 'cases');
});

test('a tutee answers the anonymous question about their tutor from its notice', async ({ page }) => {
  test.setTimeout(300_000);
  // The demo asked one tutee of tuteur3: found through the tutor's people list and the notices.
  await signInAs(page, 'tuteur3@dmg.demo');
  const programmeId = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const people = await api<{ userId: string; memberships: { role: string }[]; email?: string | null }[]>(
    page.request,
    `/api/programmes/${programmeId}/people`,
  );
  let link: string | undefined;
  for (const p of people.filter((x) => x.memberships.some((m) => m.role === 'tutee') && x.email)) {
    await signInAs(page, p.email as string);
    const inbox = await api<{ items: { link: string | null }[] }>(page.request, '/api/notifications');
    link = inbox.items.find((n) => n.link?.startsWith('/retour-tuteur/'))?.link ?? undefined;
    if (link) break;
  }
  if (!link) throw new Error('no tutee of tuteur3 was asked in the demo');
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Votre avis sur votre tutorat', level: 1 })).toBeVisible();
  await expect(page.getByText('Votre réponse est anonyme')).toBeVisible();
  await expectAccessible(page, 'tutee feedback');
  await shots(page, 'tutee-feedback');
  for (const q of [
    'Mon tuteur ou ma tutrice est joignable',
    'Il ou elle m’écoute',
    'Il ou elle m’aide à progresser',
    'Les rencontres me sont utiles',
    'Dans l’ensemble, mon tutorat',
  ])
    await page.getByRole('group', { name: q }).getByLabel('4 — Plutôt oui').check();
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(page.getByText('Merci, votre avis est enregistré.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Merci, votre avis est enregistré.')).toBeVisible();
});
