import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { BASE_URL } from './env.ts';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  letTimePass,
  linkFromMail,
  logMark,
  pathFromMail,
  programmeIdByName,
  resetServerClock,
  serverNow,
  shot,
  signInAs,
} from './support.ts';

// The CPTS mentoring charter, lived through on a phone: a newly installed professional asks for a
// mentor from the programme's public page; the coordination accepts and matches; the mentor, the
// mentee and the coordination sign the charter; the mentor organises the first meeting; a year
// passes on the server's clock (four meetings held, the pair completed on its end day); both file
// their end review, one shared, one kept; the programme's yearly review carries figures, never
// what they wrote. Screenshots of the main screens at 360 px, when asked: SCREENS_DIR/mentoring.

const PHONE = { width: 360, height: 780 };
const COORDINATION = 'coordination@cpts.demo';
const PASSWORD = 'une phrase de passe solide';
const DAY = 86_400_000;
const MENTEE = 'Maëlle Quéré-Lannuzel';
const STAMP = Date.now();
const EMAIL = `maelle.quere.${STAMP}@exemple.fr`;
// What the mentee wrote in her request, and what each party writes in their end review: none of it
// may reach the programme's review.
const NEEDS = `Installation en libéral à Quimper, cabinet à reprendre (réf. ${STAMP}).`;
const review = (who: string) => ({
  achieved: `${who} : le cabinet tourne, la comptabilité est tenue (réf. ${STAMP}).`,
  relationship: `${who} : une relation franche et régulière, merci (réf. ${STAMP}).`,
  programme: `${who} : la charte nous a aidés à poser le cadre (réf. ${STAMP}).`,
  suggestions: `${who} : une soirée commune entre binômes (réf. ${STAMP}).`,
  otherTheme: `${who} — gestion des remplaçants ${STAMP}`,
  theme: who === 'Mentorée' ? 'Trouver un local' : 'Finances',
});
const MENTEE_REVIEW = review('Mentorée');
const MENTOR_REVIEW = review('Mentor');

test.use({ viewport: PHONE, actionTimeout: 30_000, navigationTimeout: 60_000 });
test.beforeAll(() => resetServerClock());
test.afterAll(() => resetServerClock());

/** A person's own phone: a browser of their own, signed in or not. */
async function phoneOf(browser: Browser, email?: string, password?: string) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: PHONE,
    locale: 'fr-FR',
    timezoneId: 'America/New_York',
  });
  const page = await context.newPage();
  if (email) await signInAs(page, email, password);
  return page;
}

/** A day as a date field wants it, `days` after the server's today. */
const dayAhead = (days: number) => new Date(serverNow().getTime() + days * DAY).toISOString().slice(0, 10);

/** Signs in again after a jump of the clock has made the session too old. */
async function again(page: Page, email: string, password?: string) {
  await page.context().clearCookies();
  await signInAs(page, email, password);
}

/** Types a full name and gives consent on a pair's page, then signs. */
async function signCharter(page: Page, name: string) {
  const form = page.getByTestId('sign-charter');
  await form.getByLabel('Votre nom complet').fill(name);
  await form.getByRole('checkbox', { name: /Je signe la version \d+ de cette charte/ }).check();
  await form.getByRole('button', { name: 'Signer la charte' }).click();
  await expect(page.getByText('Votre signature est enregistrée.')).toBeVisible();
  await expect(form).toHaveCount(0);
}

/** Fills and sends an end review from the home page's card. */
async function fileEndReview(
  page: Page,
  other: string,
  answers: typeof MENTEE_REVIEW,
  share: boolean,
  screens = false,
) {
  await page.goto('/');
  const card = page.getByRole('region', { name: 'Votre bilan de fin de binôme' });
  await expect(card).toBeVisible();
  // A mentor may have more than one pair ending: the review of this one, named by the other person.
  await card
    .getByText(`Votre accompagnement avec ${other}`)
    .locator('xpath=ancestor::div[contains(@class, "mantine-Group-root")][1]')
    .getByRole('link', { name: 'Faire mon bilan' })
    .click();
  await expect(page).toHaveURL(/\/bilans\/[0-9a-f-]+$/);
  await expect(page.getByText(/Votre bilan est confidentiel/)).toBeVisible();
  await page
    .getByRole('textbox', { name: /Qu’avez-vous accompli par rapport aux objectifs/ })
    .fill(answers.achieved);
  await page
    .getByRole('textbox', { name: 'Comment s’est passée la relation de mentorat ?' })
    .fill(answers.relationship);
  await page.getByRole('textbox', { name: /Qu’avez-vous pensé du programme/ }).fill(answers.programme);
  await page.getByRole('textbox', { name: 'Vos suggestions' }).fill(answers.suggestions);
  for (const label of [
    'Satisfaction quant à la relation',
    'Satisfaction quant au programme',
    'Objectifs atteints',
    'Aide apportée à l’installation',
  ])
    await page.getByRole('radiogroup', { name: label }).getByText('4', { exact: true }).click();
  await page.getByText(answers.theme, { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: answers.theme })).toBeChecked();
  await page.getByRole('textbox', { name: 'Un autre thème' }).fill(answers.otherTheme);
  const sharing = page.getByRole('switch', { name: 'Partager mon bilan avec la coordination' });
  if (share) await sharing.check();
  await expect(sharing).toBeChecked({ checked: share });
  await expect(page.getByText(/Il reste \d+ notes? à donner/)).toHaveCount(0);
  if (screens) {
    await expectAccessible(page, 'end review');
    await expectNoHorizontalScroll(page, 'end review at 360 px');
    await shot(page, 'mentoring', '360-end-review');
  }
  await page.getByRole('button', { name: 'Envoyer mon bilan' }).click();
  await expect(page.getByText('Bilan envoyé. Merci !')).toBeVisible();
  await expect(page.getByText(/^Envoyé le /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Envoyer mon bilan' })).toHaveCount(0);
}

interface Agreement {
  pairing: { state: string };
  term: { endOn: string; meetings: { held: number; minimum: number } } | null;
}

test('a newly installed professional asks for a mentor, signs the charter, meets for a year and files a confidential end review', async ({
  page: coord,
  browser,
}) => {
  test.setTimeout(20 * 60_000);

  // —— 1. The public page, opened by the coordination if it is closed. ——
  await signInAs(coord, COORDINATION);
  const programmeId = await programmeIdByName(coord, /^Mentorat des nouveaux installés$/);
  const me = await api<{ name: string }>(coord.request, '/api/me');
  await coord.goto(`/programmes/${programmeId}/demandes`);
  await expect(coord.getByRole('heading', { name: 'Page publique du programme' })).toBeVisible({
    timeout: 30_000,
  });
  const pageSwitch = coord.getByRole('switch');
  if (!(await pageSwitch.isChecked())) {
    await pageSwitch.click();
    await expect(coord.getByText('Demandes ouvertes')).toBeVisible();
  }
  await expect(pageSwitch).toBeChecked();
  await expect(coord.getByRole('textbox', { name: 'Lien à transmettre' })).toHaveValue(
    new RegExp(`/rejoindre/${programmeId}$`),
  );

  const mentee = await phoneOf(browser);
  await mentee.goto(`/rejoindre/${programmeId}`);
  await expect(
    mentee.getByRole('heading', { name: 'Rejoindre « Mentorat des nouveaux installés »' }),
  ).toBeVisible();
  await expect(mentee.getByText('Qui le programme accueille')).toBeVisible();
  await mentee.getByRole('textbox', { name: 'Nom et prénom' }).fill(MENTEE);
  await mentee.getByRole('textbox', { name: 'E-mail' }).fill(EMAIL);
  await mentee.getByRole('radio', { name: /être accompagné·e/ }).check();
  await mentee.getByRole('combobox', { name: 'Profession' }).fill('Masseur-kinésithérapeute');
  await mentee.keyboard.press('Escape');
  await mentee.getByRole('textbox', { name: 'Ville d’installation' }).fill('Quimper');
  // Installed three months ago: within the programme's year.
  await mentee.getByLabel('Date d’installation').fill(dayAhead(-90));
  await mentee.getByRole('textbox', { name: 'Besoins et objectifs' }).fill(NEEDS);
  await mentee.getByRole('textbox', { name: 'Disponibilités' }).fill('Le jeudi soir, une fois par mois.');
  await expectAccessible(mentee, 'request form');
  await expectNoHorizontalScroll(mentee, 'request form at 360 px');
  await shot(mentee, 'mentoring', '360-request-form');
  const sent = logMark();
  await mentee.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(mentee.getByText('Plus qu’une étape : confirmez votre adresse')).toBeVisible();
  await expect(mentee.getByText('Votre demande correspond aux règles du programme.')).toBeVisible();
  await shot(mentee, 'mentoring', '360-request-sent');

  // The e-mailed link confirms the address: only then does the request reach the coordination.
  await mentee.goto(await pathFromMail(EMAIL, /\/rejoindre\/demande\/[A-Za-z0-9_-]+/, sent));
  await expect(mentee.getByText('À confirmer')).toBeVisible();
  await mentee.getByRole('button', { name: 'Confirmer ma demande' }).click();
  await expect(mentee.getByText('En attente', { exact: true })).toBeVisible();
  await expect(mentee.getByText(/entre les mains de la coordination/)).toBeVisible();

  // —— 2. The coordination accepts; the invitation e-mail lets her choose a password. ——
  await coord.reload();
  const request = coord.locator('.mantine-Paper-root').filter({ hasText: EMAIL });
  await expect(request).toBeVisible();
  await expect(request.getByText('Conforme aux règles')).toBeVisible();
  await expect(request.getByText(NEEDS)).toBeVisible();
  await request.getByRole('button', { name: 'Accepter', exact: true }).click();
  const accepted = logMark();
  await request.getByRole('button', { name: /^Accepter comme / }).click();
  await expect(coord.locator('.mantine-Paper-root').filter({ hasText: EMAIL })).toHaveCount(0);

  await mentee.goto(await linkFromMail(EMAIL, '/invitation', accepted));
  await expect(mentee.getByRole('heading', { name: 'Bienvenue sur Compagnon' })).toBeVisible();
  await mentee.getByLabel('Choisissez un mot de passe').fill(PASSWORD);
  await mentee.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
  await mentee.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(mentee.getByRole('heading', { level: 1 })).toContainText('Bonjour');

  // —— 3. The coordination pairs her by hand with a mentor who has room, and publishes. ——
  await coord.goto(`/programmes/${programmeId}/appariement`);
  await expect(coord.getByRole('heading', { name: 'Qui apparier, et comment' })).toBeVisible();
  await coord.getByLabel('Mode d’appariement').selectOption('manual');
  const assign = coord.getByLabel(new RegExp(`^Attribuer un·e .+ à ${MENTEE}$`));
  await expect(assign).toBeVisible();
  const free = (await assign.locator('option:not([disabled])').allTextContents()).filter((o) =>
    /\([1-9]\d* pl\.\)$/.test(o),
  );
  expect(free.length, 'a mentor with a free place').toBeGreaterThan(0);
  const option = free[0] as string;
  const mentorName = option.replace(/ \(\d+ pl\.\)$/, '');
  await assign.selectOption({ label: option });
  await expect(coord.getByTestId('proposal').filter({ hasText: `${MENTEE} → ${mentorName}` })).toHaveCount(1);
  await coord.getByRole('button', { name: 'Publier', exact: true }).click();
  await coord.getByRole('button', { name: 'Publier et prévenir' }).click();
  await expect(coord.getByText(/binômes? (est|sont) actifs?/)).toBeVisible();
  const people = await api<{ name: string; email?: string }[]>(
    coord.request,
    `/api/programmes/${programmeId}/people`,
  );
  const mentorEmail = people.find((x) => x.name === mentorName)?.email as string;
  expect(mentorEmail, `${mentorName}'s address`).toBeTruthy();

  // —— 4. The charter: the pair waits on its three signatures. ——
  await coord.goto(`/programmes/${programmeId}/charte`);
  const waiting = coord.getByTestId('waiting-pair').filter({ hasText: MENTEE });
  await expect(waiting).toBeVisible();
  for (const party of ['Mentor', 'Mentoré·e', 'Organisation'])
    await expect(waiting.getByText(party, { exact: true })).toBeVisible();
  await waiting.getByRole('link').click();
  await expect(coord).toHaveURL(/\/binomes\/[0-9a-f-]+\/charte$/);
  const pairingId = coord.url().split('/').at(-2) as string;
  const pairPage = `/binomes/${pairingId}/charte`;

  // Before the charter is signed, the mentor cannot organise a meeting of the pair.
  const mentor = await phoneOf(browser, mentorEmail);
  const newMeeting = async (from: number, to: number) => {
    await mentor.goto(`/programmes/${programmeId}/rencontres/nouvelle`);
    const who = mentor.getByRole('group', { name: 'Qui inviter' });
    await expect(who.getByRole('checkbox', { name: MENTEE })).toBeVisible();
    // A mentor with another mentee: this meeting is for the new pair alone.
    const ticked = who.getByRole('checkbox', { checked: true });
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    await who.getByRole('checkbox', { name: MENTEE }).check();
    await expect(who.getByRole('checkbox', { checked: true })).toHaveCount(1);
    await mentor.getByLabel('Du', { exact: true }).fill(dayAhead(from));
    await mentor.getByLabel('Au', { exact: true }).fill(dayAhead(to));
    await mentor.getByRole('button', { name: 'Chercher les meilleurs créneaux' }).click();
    await expect(mentor.getByTestId('slot').first()).toBeVisible();
    await mentor.getByRole('button', { name: /^Proposer ce(s \d+)? créneaux?$/ }).click();
  };
  await newMeeting(7, 9);
  await expect(mentor.getByText(/n’est pas encore signée/)).toBeVisible();
  await expect(mentor).toHaveURL(/\/rencontres\/nouvelle$/);

  // The mentor signs first.
  await mentor.goto(pairPage);
  await expect(mentor.getByTestId('charter-waiting')).toHaveText(
    `En attente de : ${mentorName}, ${MENTEE}, la coordination`,
  );
  await expect(mentor.getByText(/Les rencontres s’organisent une fois la charte signée/)).toBeVisible();
  await signCharter(mentor, mentorName);
  await expect(mentor.getByTestId('charter-signatures')).toContainText(`Mentor : signé par ${mentorName}`);

  // The mentee finds the charter on her pair's card, and signs with her name typed her own way.
  await mentee.goto(`/programmes/${programmeId}/appariement`);
  const myPair = mentee.getByTestId('my-pairing');
  await expect(myPair).toContainText(mentorName);
  await myPair.getByRole('link', { name: 'Une charte à signer ensemble avant de commencer' }).click();
  await expect(mentee).toHaveURL(new RegExp(`${pairPage}$`));
  await expect(mentee.getByTestId('charter-waiting')).toHaveText(
    `En attente de : ${MENTEE}, la coordination`,
  );
  await mentee.getByTestId('sign-charter').getByLabel('Votre nom complet').fill('maelle quere lannuzel');
  await mentee.getByRole('checkbox', { name: /Je signe la version/ }).check();
  await expectAccessible(mentee, 'charter signing');
  await expectNoHorizontalScroll(mentee, 'charter signing at 360 px');
  await shot(mentee, 'mentoring', '360-charter-signing');
  await mentee.getByRole('button', { name: 'Signer la charte' }).click();
  await expect(mentee.getByText('Votre signature est enregistrée.')).toBeVisible();

  // What is waiting, on whom: the coordination alone, for the three of them.
  await expect(mentee.getByTestId('charter-waiting')).toHaveText('En attente de : la coordination');
  await mentor.reload();
  await expect(mentor.getByTestId('charter-waiting')).toHaveText('En attente de : la coordination');
  await coord.goto(`/programmes/${programmeId}/charte`);
  await expect(waiting.getByText('Organisation', { exact: true })).toBeVisible();
  await expect(waiting.getByText('Mentor', { exact: true })).toHaveCount(0);
  await expect(waiting.getByText('Mentoré·e', { exact: true })).toHaveCount(0);

  // The coordination signs last, from its Charte tab.
  await waiting.getByRole('link').click();
  await expect(coord.getByTestId('charter-waiting')).toHaveText('En attente de : la coordination');
  await signCharter(coord, me.name);
  await expect(coord.getByTestId('charter-waiting')).toHaveText('Charte signée par les trois parties.');
  await expect(coord.getByText('Charte signée', { exact: true })).toBeVisible();
  await expect(coord.getByRole('link', { name: 'Télécharger la charte signée (PDF)' })).toBeVisible();
  await mentee.reload();
  await expect(mentee.getByTestId('charter-waiting')).toHaveText('Charte signée par les trois parties.');
  await shot(mentee, 'mentoring', '360-charter-signed');

  // —— 5. The mentor organises the first meeting, about a week ahead. ——
  await newMeeting(7, 9);
  await expect(mentor).toHaveURL(/\/rencontres\/[0-9a-f-]+$/);
  const firstId = mentor.url().split('/').at(-1) as string;
  await mentor.getByTestId('option').first().getByRole('button', { name: 'Confirmer ce créneau' }).click();
  await mentor
    .getByRole('dialog', { name: 'Fixer la rencontre à cette date ?' })
    .getByRole('button', { name: 'Fixer et prévenir' })
    .click();
  await expect(mentor.getByText('Rencontre confirmée')).toBeVisible();
  await shot(mentor, 'mentoring', '360-first-meeting');
  const first = await api<{
    status: string;
    start: string | null;
    participants: { id: string; name: string }[];
  }>(mentor.request, `/api/meetings/${firstId}`);
  expect(first.status).toBe('confirmed');
  const menteeId = first.participants.find((x) => x.name === MENTEE)?.id as string;
  expect(menteeId, "the mentee among the meeting's people").toBeTruthy();
  const firstStart = Date.parse(first.start as string);
  expect(firstStart - serverNow().getTime()).toBeGreaterThan(5 * DAY);

  // —— 6. Time passes. The first meeting is held… ——
  letTimePass(firstStart + 3 * 3_600_000 - serverNow().getTime());
  await again(mentor, mentorEmail);
  await mentor.goto(pairPage);
  const term = mentor.getByTestId('pair-term');
  await expect(term).toContainText('1 rencontre sur 4 au minimum');

  // …and the mentor plans the next three, about a month apart (as the new-meeting screen does).
  let last = firstStart;
  for (const month of [1, 2, 3]) {
    last = firstStart + month * 30 * DAY;
    const made = await mentor.request.post(`/api/programmes/${programmeId}/meetings`, {
      data: {
        title: `Rencontre de mentorat n° ${month + 1}`,
        mode: month === 2 ? 'video' : 'in-person',
        videoUrl: month === 2 ? 'https://visio.exemple.fr/mentorat' : null,
        place: month === 2 ? null : 'Cabinet de Quimper',
        durationMinutes: 60,
        participantIds: [menteeId],
        options: [{ start: new Date(last).toISOString() }],
      },
    });
    expect(made.status(), `meeting ${month + 1}`).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const { options } = await api<{ options: { id: string }[] }>(mentor.request, `/api/meetings/${id}`);
    const confirmed = await mentor.request.post(`/api/meetings/${id}/confirm`, {
      data: { optionId: options[0]?.id },
    });
    expect(confirmed.status(), `meeting ${month + 1} confirmed`).toBe(200);
  }

  // Four months on, both see four meetings held against the charter's minimum of four.
  letTimePass(last + 3 * 3_600_000 - serverNow().getTime());
  await again(mentee, EMAIL, PASSWORD);
  await mentee.goto(pairPage);
  await expect(mentee.getByTestId('pair-term')).toContainText('4 rencontres sur 4 au minimum');
  await shot(mentee, 'mentoring', '360-pair-four-meetings');
  await again(mentor, mentorEmail);
  await mentor.goto(pairPage);
  await expect(mentor.getByTestId('pair-term')).toContainText('4 rencontres sur 4 au minimum');

  // The end day: the agreements' sweep completes the pair.
  const { term: t } = await api<Agreement>(mentor.request, `/api/pairings/${pairingId}/agreement`);
  expect(t).toBeTruthy();
  const endOn = (t as NonNullable<Agreement['term']>).endOn;
  letTimePass(Date.parse(`${endOn}T12:00:00Z`) - serverNow().getTime());
  await again(coord, COORDINATION);
  await coord.goto(pairPage);
  await expect(async () => {
    await coord.reload();
    await expect(coord.getByTestId('pair-term')).toContainText('Arrivé à son terme', { timeout: 2_000 });
  }).toPass({ timeout: 120_000 });
  await expect(coord.getByTestId('pair-term')).toContainText('4 rencontres sur 4 au minimum');

  // An hour later, the undo window passed, each party is asked for their end review.
  letTimePass(3_600_000);
  await again(mentee, EMAIL, PASSWORD);
  await again(mentor, mentorEmail);
  for (const who of [mentee, mentor])
    await expect(async () => {
      await who.goto('/');
      await expect(who.getByRole('region', { name: 'Votre bilan de fin de binôme' })).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 120_000 });

  // —— 7. The end reviews: the mentee shares hers with the coordination, the mentor keeps his. ——
  await fileEndReview(mentee, mentorName, MENTEE_REVIEW, true, true);
  await expect(mentee.getByText('Vous avez partagé ce bilan avec la coordination.')).toBeVisible();
  await fileEndReview(mentor, MENTEE, MENTOR_REVIEW, false);
  await expect(mentor.getByText(/Vous avez gardé ce bilan pour vous/)).toBeVisible();
  await mentee.goto('/');
  await expect(mentee.getByRole('region', { name: 'Votre bilan de fin de binôme' })).toHaveCount(0);

  // —— 8. The coordination downloads the yearly review: figures, nothing confidential. ——
  await again(coord, COORDINATION);
  await coord.goto(`/programmes/${programmeId}/suivi`);
  await expect(coord.getByRole('heading', { name: 'Bilan annuel' })).toBeVisible({ timeout: 30_000 });
  const period = coord.getByRole('combobox', { name: 'Période du bilan' });
  await expect(period).not.toHaveValue('', { timeout: 30_000 });
  const year = Number((await period.inputValue()).slice(0, 4));
  const figures = await api<{
    mentoring: { completed: number; pairsAtMinimum: number; meetingsMinimum: number };
    qualitative: { endReviews: { submitted: number; shared: number } };
  }>(coord.request, `/api/programmes/${programmeId}/followup/review?year=${year}`);
  // Our pair completed this review year, having met the minimum of four during its twelve months.
  expect(figures.mentoring.meetingsMinimum).toBe(4);
  expect(figures.mentoring.completed).toBeGreaterThanOrEqual(1);
  expect(figures.mentoring.pairsAtMinimum).toBeGreaterThanOrEqual(1);
  expect(figures.qualitative.endReviews.submitted).toBeGreaterThanOrEqual(2);
  expect(figures.qualitative.endReviews.shared).toBeGreaterThanOrEqual(1);
  // The coordination reads the review shared with it, by name; the one kept is not listed.
  const shared = coord
    .locator('.mantine-Card-root')
    .filter({ has: coord.getByRole('heading', { name: 'Bilans de fin d’accompagnement' }) });
  // Other pairs' shared reviews may be listed too (the demo's last year): ours is the mentee's alone.
  await expect(shared.getByRole('link', { name: MENTEE })).toBeVisible();
  await expect(shared.getByRole('link', { name: mentorName })).toHaveCount(0);
  await shared.getByRole('link', { name: MENTEE }).click();
  await expect(coord).toHaveURL(/\/bilans\/[0-9a-f-]+$/);
  await expect(coord.getByText(MENTEE_REVIEW.achieved)).toBeVisible();
  await coord.goBack();
  await expect(coord.getByRole('heading', { name: 'Bilan annuel' })).toBeVisible({ timeout: 30_000 });
  await coord.getByRole('heading', { name: 'Bilan annuel' }).scrollIntoViewIfNeeded();
  await expectNoHorizontalScroll(coord, 'yearly review at 360 px');
  await shot(coord, 'mentoring', '360-yearly-review');

  const dir = mkdtempSync(join(tmpdir(), 'bilan-mentorat-'));
  try {
    const files: Record<string, string> = {};
    for (const kind of ['PDF', 'CSV']) {
      const downloading = coord.waitForEvent('download');
      await coord.getByRole('link', { name: `Télécharger le ${kind}` }).click();
      files[kind] = join(dir, `bilan.${kind.toLowerCase()}`);
      await (await downloading).saveAs(files[kind]);
    }
    const text = execFileSync('pdftotext', ['-layout', files.PDF as string, '-']).toString();
    const csv = readFileSync(files.CSV as string, 'utf8');
    const flat = `${text.replace(/\s+/g, ' ')}\n${csv}`;
    expect(flat).toContain('Bilan annuel du programme');
    expect(flat).toContain('Mentorat des nouveaux installés');
    // The mentoring figures, in the PDF as in the CSV, as the review computed them.
    const m = figures.mentoring;
    for (const [label, value] of [
      ['Minimum de rencontres fixé par le programme', m.meetingsMinimum],
      ['Binômes ayant atteint le minimum', m.pairsAtMinimum],
      ['Binômes arrivés à terme', m.completed],
      ['Bilans remplis', figures.qualitative.endReviews.submitted],
      ['Bilans partagés avec la coordination', figures.qualitative.endReviews.shared],
    ] as const) {
      expect(text, label).toMatch(new RegExp(`${label} : ${value}\\b`));
      expect(csv, label).toMatch(new RegExp(`"${label}";"${value}"`));
    }
    // The themes of the shared review are counted; never the one its author named in her own words.
    expect(Number(text.match(/Trouver un local : (\d+)/)?.[1])).toBeGreaterThanOrEqual(1);
    // No one's words, no one's name, no charter.
    const secrets = [
      ...Object.values(MENTEE_REVIEW).filter((x) => x !== MENTEE_REVIEW.theme),
      ...Object.values(MENTOR_REVIEW).filter((x) => x !== MENTOR_REVIEW.theme),
      NEEDS,
      String(STAMP),
      MENTEE,
      'Quéré',
      mentorName.replace(/^Dr /, ''),
      me.name,
      EMAIL,
      mentorEmail,
      'Quimper',
      'signé par',
      'Empreinte',
      // The charter's own text.
      'Ce qu’est le mentorat',
    ];
    for (const secret of secrets) expect(flat, `the review holds "${secret}"`).not.toContain(secret);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
