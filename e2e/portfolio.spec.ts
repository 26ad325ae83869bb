import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  logMark,
  pathFromMail,
  programmeIdByName,
  shot,
  signInAs,
} from './support.ts';

// The portfolio's acceptance walk: a DES1 resident writes and sends an RSCA from a phone; their
// tutor reads it from the e-mailed link without signing in and asks for a revision; the resident
// revises and sends again; the tutor validates from the new link with two competencies; the
// competency map shows them; the coordination sees counts, never the trace.
// A DES1 resident without demo portfolio data, whose tutor has none either (so the tutor's weekly
// review cap leaves room this week) and whom no other spec uses.
const RESIDENT = 'interne6@dmg.demo';
const TUTOR = 'tuteur6@dmg.demo';
const COORDINATOR = 'coordination@dmg.demo';
const DES = 'Tutorat DES de médecine générale';
const RSCA = 'RSCA (récit de situation complexe authentique)';
const PHONE = { width: 360, height: 780 };
const REVIEW_LINK = /\/relecture\/[A-Za-z0-9_-]{20,}/;

const TITLE = 'RSCA — Mme D., chute à domicile et refus d’aide';
const FIRST = [
  '## Situation',
  'Mme D., 81 ans, vue en visite pour une chute. Elle vit seule et refuse toute aide à domicile.',
  '',
  '## Ce qui a fait problème',
  'Respecter son autonomie sans la laisser en danger.',
].join('\n');
const ADDED =
  '## Ce que j’ai appris\nLe rôle du dispositif d’appui à la coordination et de l’infirmière du secteur.';
const ASK = 'Développez ce que vous avez appris et ce que vous feriez autrement.';
const COMPETENCIES = [
  { label: 'Relation, communication, approche centrée patient', short: 'Relation', level: 'Intermédiaire' },
  { label: 'Continuité, suivi, coordination des soins', short: 'Continuité', level: 'Novice' },
];

async function phone(browser: Browser) {
  return (await browser.newContext({ viewport: PHONE, locale: 'fr-FR' })).newPage();
}

interface Overview {
  phases: { phaseId: string; submitted: number; validated: number }[];
}

/** The resident sends the draft from the trace page; the tutor must be asked to read it this week. */
async function send(page: Page) {
  await page.getByRole('button', { name: 'Envoyer à mon tuteur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Envoyer la trace ?' });
  const submitted = page.waitForResponse(
    (r) => /\/api\/portfolio\/traces\/[^/]+\/submit$/.test(r.url()) && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Envoyer', exact: true }).click();
  const res = await submitted;
  expect(res.status(), 'the trace is sent').toBe(200);
  const body = (await res.json()) as { reviewWeek: string | null; deferred: boolean };
  // The e-mail only comes now when the review is this week's: a full week would defer it.
  expect(body.reviewWeek, `${TUTOR} should be asked to review`).toBeTruthy();
  expect(body.deferred, `${TUTOR}'s week should have room under the weekly cap`).toBe(false);
  await expect(page.getByRole('status').filter({ hasText: 'Trace envoyée' })).toBeVisible();
}

test.use({ viewport: PHONE, locale: 'fr-FR' });

test('an RSCA from a phone, reviewed from the e-mail, revised, validated with two competencies; counts only for the coordination', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000); // five sessions on a shared two-core machine

  // The resident and their tutor are the pair the spec expects.
  await signInAs(page, RESIDENT);
  const me = await api<{ id: string; name: string }>(page.request, '/api/me');
  const programmeId = await programmeIdByName(page, new RegExp(`^${DES}$`));
  const portfolio = await api<{ phase: { id: string } | null; tutor: { id: string } | null }>(
    page.request,
    `/api/programmes/${programmeId}/portfolio/residents/${me.id}`,
  );
  expect(portfolio.phase?.id, `${RESIDENT} should be in DES1`).toBe('socle');
  const tutorPage = await phone(browser);
  await signInAs(tutorPage, TUTOR);
  const tutor = await api<{ id: string }>(tutorPage.request, '/api/me');
  expect(portfolio.tutor?.id, `${RESIDENT} should be paired with ${TUTOR}`).toBe(tutor.id);
  await tutorPage.context().close();

  const coordinator = await phone(browser);
  await signInAs(coordinator, COORDINATOR);
  const overviewPath = `/api/programmes/${programmeId}/portfolio/overview`;
  const socle = async () =>
    (await api<Overview>(coordinator.request, overviewPath)).phases.find((p) => p.phaseId === 'socle');
  const before = await socle();
  if (!before) throw new Error('the coordination should see a DES1 row');

  // On the phone: the semester's RSCA, written and sent.
  await page.goto(`/portfolio/${programmeId}`);
  await expect(page.getByRole('heading', { name: 'Mon portfolio', level: 1 })).toBeVisible();
  await expect(page.getByText('Phase socle (DES1)', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`^${RSCA.replace(/[()]/g, '\\$&')}`) }).click();
  await expect(page.getByRole('heading', { name: RSCA, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Partir du modèle' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Titre' }).fill(TITLE);
  await page.getByLabel('Texte de la trace').fill(FIRST);
  await expectNoHorizontalScroll(page, 'the resident’s trace at 360 px');
  await expectAccessible(page, 'the resident’s trace');
  await shot(page, 'portfolio', 'trace-draft-360');
  const tracePath = new URL(page.url()).pathname;
  let mark = logMark();
  await send(page);
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await shot(page, 'portfolio', 'trace-sent-360');

  // The tutor, from the e-mail, without signing in: asks for a revision.
  const review = await phone(browser);
  const firstLink = await pathFromMail(TUTOR, REVIEW_LINK, mark);
  await review.goto(firstLink);
  await expect(review.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(review.getByText('Respecter son autonomie sans la laisser en danger.')).toBeVisible();
  await expectNoHorizontalScroll(review, 'the review link at 360 px');
  await expectAccessible(review, 'the review link');
  await shot(review, 'portfolio', 'review-link-360');
  await review.getByRole('button', { name: 'Demander une reprise' }).click();
  const revision = review.getByRole('dialog', { name: 'Demander une reprise' });
  await revision.getByLabel('Ce qu’il faut reprendre').fill(ASK);
  await revision.getByRole('button', { name: 'Demander la reprise' }).click();
  await expect(revision).toHaveCount(0);
  await expect(review.getByText(ASK)).toBeVisible();
  await shot(review, 'portfolio', 'review-revision-360');
  await review.context().close();

  // The resident revises: the request above the text, version 1 kept, the new text sent.
  await page.goto(tracePath);
  await expect(page.getByRole('heading', { name: 'Votre reprise' })).toBeVisible();
  await expect(page.getByText(ASK).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Versions précédentes' })).toBeVisible();
  const text = page.getByLabel('Texte de la trace');
  await expect(text).toHaveValue(FIRST);
  await text.fill(`${FIRST}\n\n${ADDED}`);
  await expectNoHorizontalScroll(page, 'the trace in revision at 360 px');
  await expectAccessible(page, 'the trace in revision');
  await shot(page, 'portfolio', 'trace-revision-360');
  mark = logMark();
  await send(page);

  // The new version comes with a new link: the tutor validates with two competencies.
  const validate = await phone(browser);
  const secondLink = await pathFromMail(TUTOR, REVIEW_LINK, mark);
  expect(secondLink).not.toBe(firstLink);
  await validate.goto(firstLink);
  await expect(validate.getByText('Lien de relecture introuvable')).toBeVisible();
  await validate.goto(secondLink);
  await expect(validate.getByText('dispositif d’appui à la coordination')).toBeVisible();
  await validate.getByRole('button', { name: 'Valider', exact: true }).click();
  const dialog = validate.getByRole('dialog', { name: 'Valider la trace' });
  for (const c of COMPETENCIES) {
    await dialog.getByRole('checkbox', { name: c.label }).check();
    const level = dialog.getByRole('radiogroup', { name: `Niveau montré : ${c.label}` });
    await level.getByText(c.level, { exact: true }).click();
    await expect(level.getByRole('radio', { name: c.level })).toBeChecked();
  }
  await expectAccessible(validate, 'the validation form');
  await shot(validate, 'portfolio', 'review-validate-360');
  await dialog.getByRole('button', { name: 'Valider avec 2 compétences' }).click();
  await expect(dialog).toHaveCount(0);
  for (const c of COMPETENCIES)
    await expect(validate.getByRole('listitem').filter({ hasText: `${c.label} : ${c.level}` })).toBeVisible();
  await validate.context().close();

  // The competency map shows them, in the chart's words and in its table.
  await page.goto(`/portfolio/${programmeId}`);
  const map = page.getByRole('region', { name: 'Carte des compétences' });
  const chart = map.getByRole('img', { name: /^Graphique des niveaux par compétence/ });
  for (const c of COMPETENCIES)
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`${c.short} : ${c.level}`));
  await map.getByRole('button', { name: 'Voir les niveaux en tableau' }).click();
  const table = map.getByRole('table', { name: 'Niveau par compétence et par semestre' });
  for (const c of COMPETENCIES)
    await expect(table.getByRole('row', { name: new RegExp(`^${c.label} .*${c.level}`) })).toBeVisible();
  await expectNoHorizontalScroll(page, 'the competency map at 360 px');
  await shot(page, 'portfolio', 'portfolio-map-360');

  // The coordination: counts, one more validated, and nowhere the trace.
  await expect.poll(async () => (await socle())?.validated).toBe(before.validated + 1);
  const overview = JSON.stringify(await api<Overview>(coordinator.request, overviewPath));
  expect(overview).not.toContain(TITLE);
  expect(overview).not.toContain('Mme D.');
  await coordinator.goto(`/programmes/${programmeId}`);
  await coordinator
    .getByRole('navigation', { name: /onglets|sections/i })
    .getByRole('link', { name: 'Portfolio' })
    .click();
  await expect(coordinator.getByRole('heading', { name: 'Les traces par phase' })).toBeVisible();
  await expect(coordinator.getByRole('heading', { name: 'Phase socle (DES1)' })).toBeVisible();
  await expect(coordinator.getByText('Validées').first()).toBeVisible();
  await expect(coordinator.getByText(TITLE)).toHaveCount(0);
  await expect(coordinator.getByText(/Mme D\./)).toHaveCount(0);
  await expectNoHorizontalScroll(coordinator, 'the coordination’s portfolio at 360 px');
  await shot(coordinator, 'portfolio', 'coordination-portfolio-360');
  await coordinator.context().close();
});
