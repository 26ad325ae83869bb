import { type Browser, expect, type Page, test } from '@playwright/test';
import { api, expectNoHorizontalScroll, programmeIdByName, shot, signInAs } from './support.ts';

// Issue 15 walked on a phone (360 px, French): reports wait for the meeting, a GP tutor's meeting is
// one-to-one, ending a pair is confirmed and undone, the home says what is next, a choice round tells
// who must rank. People no other spec counts on: tuteur8 (with the demo's unreported meeting with
// interne20, and interne32), tuteur10 with interne22 and interne34, the CPTS newcomers mentore7 and 8.

const PHONE = { width: 360, height: 780 };
const DAY = 86_400_000;
const DES = /^Tutorat DES de médecine générale$/;

type Person = { userId: string; name: string; email?: string };

/** Someone else, on their own phone. */
async function phoneOf(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
  const page = await context.newPage();
  await signInAs(page, email);
  return { page, close: () => context.close() };
}

async function personByEmail(page: Page, programmeId: string, email: string): Promise<Person> {
  const people = await api<Person[]>(page.request, `/api/programmes/${programmeId}/people`);
  const person = people.find((p) => p.email === email);
  if (!person) throw new Error(`${email} is not in the programme`);
  return person;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A meeting with one tutee asked for a date (a poll) at 17:00 UTC some days ahead; confirmed if asked. */
async function meetingWith(
  page: Page,
  programmeId: string,
  tuteeId: string,
  m: { title: string; inDays: number; confirm: boolean },
) {
  const start = new Date(Date.now() + m.inDays * DAY);
  start.setUTCHours(17, 0, 0, 0);
  const res = await page.request.post(`/api/programmes/${programmeId}/meetings`, {
    data: {
      title: m.title,
      mode: 'in-person',
      durationMinutes: 90,
      participantIds: [tuteeId],
      options: [{ start: start.toISOString() }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  if (m.confirm) {
    const meeting = await api<{ options: { id: string }[] }>(page.request, `/api/meetings/${id}`);
    const confirmed = await page.request.post(`/api/meetings/${id}/confirm`, {
      data: { optionId: meeting.options[0]?.id },
    });
    expect(confirmed.ok(), await confirmed.text()).toBeTruthy();
  }
  return id;
}

test.describe('issue 15 walked on a phone', () => {
  test.use({ viewport: PHONE, locale: 'fr-FR' });

  test('1. a meeting to come has no report and no attendance; one that has started offers the report', async ({
    page,
    browser,
  }) => {
    await signInAs(page, 'tuteur8@dmg.demo');
    const des = await programmeIdByName(page, DES);
    const tutee = await personByEmail(page, des, 'interne32@dmg.demo');
    const id = await meetingWith(page, des, tutee.userId, {
      title: 'Entretien avant les choix de stage',
      inDays: 4,
      confirm: true,
    });

    // The tutor, before the meeting: the date it opens, no form, no attendance.
    await page.goto(`/rencontres/${id}`);
    await expect(page.getByRole('heading', { name: 'Entretien avant les choix de stage' })).toBeVisible();
    await expect(page.getByText(/pourront être remplis à partir du début de la rencontre/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Déposer le compte rendu' })).toHaveCount(0);
    await expect(page.getByText('Présences', { exact: true })).toHaveCount(0);
    await expect(page.getByText(/Présent·e/)).toHaveCount(0);
    await expectNoHorizontalScroll(page, 'future meeting (tutor)');
    await shot(page, 'walk', '1-future-tutor');
    // Nor can it be filed through the API before the start.
    const early = await page.request.put(`/api/meetings/${id}/report`, {
      data: {
        attendance: [{ userId: tutee.userId, status: 'present' }],
        durationMinutes: 90,
        content: {},
        file: true,
      },
    });
    expect(early.status()).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('report_before_start');

    // The resident opening it sees nobody marked present.
    const resident = await phoneOf(browser, 'interne32@dmg.demo');
    await resident.page.goto(`/rencontres/${id}`);
    await expect(
      resident.page.getByText('Cette rencontre n’a pas encore eu lieu : aucune présence n’est notée.'),
    ).toBeVisible();
    await expect(resident.page.getByText(/Présent·e/)).toHaveCount(0);
    await expectNoHorizontalScroll(resident.page, 'future meeting (resident)');
    await shot(resident.page, 'walk', '1-future-resident');
    await resident.close();

    // A meeting held ten days ago and not reported yet (the demo's, with interne20): the report is offered.
    const { meetings } = await api<{
      meetings: { id: string; start: string | null; status: string; reportStatus: string }[];
    }>(page.request, `/api/programmes/${des}/meetings`);
    const past = meetings.find(
      (m) => m.status === 'confirmed' && m.reportStatus === 'none' && Date.parse(m.start ?? '') < Date.now(),
    );
    expect(past, 'an unreported meeting that has taken place').toBeTruthy();
    await page.goto(`/rencontres/${past?.id}`);
    await expect(page.getByRole('button', { name: 'Déposer le compte rendu' })).toBeVisible();
    await expect(page.getByText('Présences', { exact: true })).toBeVisible();
    // Attendance to mark for the tutor and the resident.
    await expect(page.getByRole('radiogroup')).toHaveCount(2);
    await expect(page.getByText(/pourront être remplis à partir du début/)).toHaveCount(0);
    await expectNoHorizontalScroll(page, 'past meeting with its report form');
    await shot(page, 'walk', '1');
  });

  test('2. a GP tutor’s new meeting is one-to-one, with one tutee chosen', async ({ page }) => {
    await signInAs(page, 'tuteur8@dmg.demo');
    const des = await programmeIdByName(page, DES);
    const { candidates, defaults } = await api<{
      candidates: { id: string; name: string }[];
      defaults: { unit: string; participantIds: string[] };
    }>(page.request, `/api/programmes/${des}/meetings`);
    expect(defaults.unit).toBe('pair');
    const chosen = candidates.find((c) => c.id === defaults.participantIds[0]);
    expect(chosen, 'one tutee chosen by default').toBeTruthy();

    await page.goto(`/programmes/${des}/rencontres`);
    await page.getByRole('link', { name: 'Nouvelle rencontre' }).click();
    await expect(page).toHaveURL(/\/rencontres\/nouvelle$/);
    const who = page.getByRole('group', { name: 'Qui inviter' });
    await expect(who.getByRole('checkbox')).toHaveCount(3);
    await expect(who.getByRole('checkbox', { checked: true })).toHaveCount(1);
    await expect(who.getByRole('checkbox', { name: chosen?.name, checked: true })).toBeVisible();
    await expect(page.getByLabel('Intitulé')).toHaveValue('Entretien individuel');
    await expectNoHorizontalScroll(page, 'new meeting');
    await shot(page, 'walk', '2');

    // Sent as is, it asks that one resident only: the tutor and them.
    await page.getByRole('button', { name: 'Chercher les meilleurs créneaux' }).click();
    await expect(page.getByTestId('slot').first()).toContainText('Libres (2)');
    await expectNoHorizontalScroll(page, 'slots for two');
    await page.getByRole('button', { name: /^Proposer ce/ }).click();
    await expect(page).toHaveURL(/\/rencontres\/[0-9a-f-]+$/);
    const id = page.url().split('/').at(-1) as string;
    const meeting = await api<{ title: string; participants: { id: string }[] }>(
      page.request,
      `/api/meetings/${id}`,
    );
    expect(meeting.title).toBe('Entretien individuel');
    const others = candidates.filter((c) => c.id !== chosen?.id).map((c) => c.id);
    expect(meeting.participants.map((p) => p.id)).toContain(chosen?.id);
    expect(meeting.participants.filter((p) => others.includes(p.id))).toEqual([]);
    await expect(page.getByRole('heading', { name: 'Entretien individuel' })).toBeVisible();
    for (const other of candidates.filter((c) => c.id !== chosen?.id))
      await expect(page.getByText(other.name)).toHaveCount(0);
    await expectNoHorizontalScroll(page, 'one-to-one poll');
    await shot(page, 'walk', '2-poll');
  });

  test('9. ending a pair asks why, says both will be told and what happens to its meetings, and can be undone', async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    // The pair has a meeting to come: ending it would cancel it.
    const tutor = await phoneOf(browser, 'tuteur10@dmg.demo');
    const des = await programmeIdByName(tutor.page, DES);
    const tutee = await personByEmail(tutor.page, des, 'interne22@dmg.demo');
    const meetingId = await meetingWith(tutor.page, des, tutee.userId, {
      title: 'Bilan du semestre',
      inDays: 6,
      confirm: true,
    });

    await signInAs(page, 'coordination@dmg.demo');
    const tutorName = (await personByEmail(page, des, 'tuteur10@dmg.demo')).name;
    await page.goto(`/programmes/${des}/appariement`);
    const row = page.getByRole('row').filter({ hasText: tutee.name }).filter({ hasText: tutorName });
    const actions = row.getByRole('button', {
      name: new RegExp(`^Actions pour le binôme (de |d’)${literal(tutee.name)}$`),
    });
    await expect(row).toContainText('Actif');
    await actions.click();
    await page.getByRole('menuitem', { name: 'Mettre fin plus tôt…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mettre fin au binôme' });
    await expect(dialog).toContainText(`Binôme de ${tutee.name} avec ${tutorName}.`);
    await expect(dialog).toContainText('Les deux personnes seront prévenues');
    await expect(dialog).toContainText('1 rencontre à venir sera annulée');
    await expect(dialog).toContainText('Vous pourrez revenir en arrière pendant 15 minutes');
    const end = dialog.getByRole('button', { name: 'Mettre fin', exact: true });
    await expect(end).toBeDisabled();
    await dialog.getByLabel('Raison (gardée dans l’historique)').fill('Changement de terrain de stage');
    await expect(end).toBeEnabled();
    await expectNoHorizontalScroll(page, 'end-of-pair dialog');
    await shot(page, 'walk', '9-confirm', { fullPage: false });
    await end.click();

    const undo = row.getByRole('button', { name: /^Annuler la fin \(jusqu’à / });
    await expect(row).toContainText('Arrêté');
    await expect(undo).toBeVisible();
    await undo.scrollIntoViewIfNeeded();
    // On the phone's screen together: whose pair it is, and the button that takes the end back.
    const who = row.getByRole('cell').first();
    await expect(who).toContainText(`${tutee.name}avec ${tutorName}`);
    await expect(who).toBeInViewport({ ratio: 1 });
    await expect(undo).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalScroll(page, 'ended pair with its undo');
    await shot(page, 'walk', '9', { fullPage: false });
    await undo.click();
    await expect(undo).toHaveCount(0);
    await expect(row).toContainText('Actif');

    // Undone within the window: the meeting still stands, and the history keeps both steps.
    const meeting = await api<{ status: string }>(tutor.page.request, `/api/meetings/${meetingId}`);
    expect(meeting.status).toBe('confirmed');
    await tutor.close();
    await actions.click();
    await page.getByRole('menuitem', { name: 'Historique' }).click();
    const history = page.getByRole('dialog', { name: 'Historique du binôme' });
    await expect(history).toContainText('Arrêté');
    await expect(history).toContainText('Fin annulée');
    await expectNoHorizontalScroll(page, 'pair history');
    await shot(page, 'walk', '9-history', { fullPage: false });
  });

  test('11. the home page says what is next: a resident’s poll, meeting and unread notices; a tutor’s report to file', async ({
    page,
    browser,
  }) => {
    const tutor = await phoneOf(browser, 'tuteur10@dmg.demo');
    const des = await programmeIdByName(tutor.page, DES);
    const resident = await personByEmail(tutor.page, des, 'interne34@dmg.demo');
    const tutorName = (await api<{ name: string }>(tutor.page.request, '/api/me')).name;
    await signInAs(page, 'interne34@dmg.demo');
    const unreadBefore = (await api<{ unread: number }>(page.request, '/api/notifications')).unread;
    const pollId = await meetingWith(tutor.page, des, resident.userId, {
      title: 'Point sur la thèse',
      inDays: 3,
      confirm: false,
    });
    await meetingWith(tutor.page, des, resident.userId, {
      title: 'Entretien de mi-stage',
      inDays: 5,
      confirm: true,
    });
    await tutor.close();
    // Three notices: each poll, and the date fixed.
    const unread = unreadBefore + 3;
    await expect
      .poll(async () => (await api<{ unread: number }>(page.request, '/api/notifications')).unread)
      .toBe(unread);

    await page.goto('/');
    const next = page.getByRole('region', { name: 'À faire et prochainement' });
    const todo = next.getByRole('region', { name: 'À faire', exact: true });
    const soon = next.getByRole('region', { name: 'Prochainement', exact: true });
    await expect(
      todo.getByRole('link', { name: 'Répondre au sondage « Point sur la thèse »' }),
    ).toBeVisible();
    await expect(todo).toContainText(`Proposé par ${tutorName}`);
    await expect(todo.getByRole('link', { name: `${unread} notifications non lues` })).toBeVisible();
    await expect(soon.getByRole('link', { name: 'Entretien de mi-stage', exact: true })).toBeVisible();
    await expect(soon.getByRole('link', { name: 'Point sur la thèse', exact: true })).toHaveCount(0);
    await expectNoHorizontalScroll(page, 'resident home');
    await shot(page, 'walk', '11');
    // The menu carries the same count as a badge.
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await expect(page.getByRole('link', { name: `Notifications ${unread} non lues` })).toBeVisible();
    await expectNoHorizontalScroll(page, 'menu with the badge');
    await shot(page, 'walk', '11-menu', { fullPage: false });
    await page.getByRole('button', { name: 'Fermer le menu' }).click();
    await todo.getByRole('link', { name: 'Répondre au sondage « Point sur la thèse »' }).click();
    await expect(page).toHaveURL(new RegExp(`/rencontres/${pollId}$`));

    // The tutor with a meeting held ten days ago and not reported: it is on their home page.
    const gp = await phoneOf(browser, 'tuteur8@dmg.demo');
    await gp.page.goto('/');
    const gpTodo = gp.page
      .getByRole('region', { name: 'À faire et prochainement' })
      .getByRole('region', { name: 'À faire', exact: true });
    const report = gpTodo.getByRole('link', { name: 'Rédiger le compte rendu de « Entretien de tutorat »' });
    await expect(report).toHaveCount(1);
    await expect(gpTodo).toContainText('Tutorat DES de médecine générale');
    await expectNoHorizontalScroll(gp.page, 'tutor home');
    await shot(gp.page, 'walk', '11-tutor');
    await report.click();
    await expect(gp.page.getByRole('button', { name: 'Déposer le compte rendu' })).toBeVisible();
    await gp.close();
  });

  test('14. opening a choice round tells those who must rank, with the deadline; closing early asks first', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, 'coordination@cpts.demo');
    const id = await programmeIdByName(page, /^Mentorat des nouveaux installés$/);
    // Ten days ahead at 18:00 on the organisation's clock (Paris).
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
      new Date(Date.now() + 10 * DAY),
    );
    const long = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
    const spelled = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', ...long }).format(
      new Date(`${day}T12:00:00Z`),
    );
    const notice = `« Mentorat des nouveaux installés » : vos choix avant le ${spelled} à 18h00`;

    await page.goto(`/programmes/${id}/appariement`);
    await page.getByLabel('Mode d’appariement').selectOption('tutee-choice');
    await page.getByLabel('Date limite des choix').fill(`${day}T18:00`);
    await expectNoHorizontalScroll(page, 'opening a round');
    await shot(page, 'walk', '14-open');
    await page.getByRole('button', { name: 'Ouvrir le tour de choix' }).click();
    await expect(
      page.getByText(/^Tour de choix ouvert : 0 sur 2 ont classé\. Date limite : .* 18:00\.$/),
    ).toBeVisible();

    // The two newcomers without a mentor are told, with the deadline; a mentor is not.
    const newcomer = await phoneOf(browser, 'mentore7@cpts.demo');
    // The notice is a job: wait until the queue has delivered it, then open the page.
    const titles = async () =>
      (await api<{ items: { title: string }[] }>(newcomer.page.request, '/api/notifications')).items.map(
        (n) => n.title,
      );
    await expect.poll(titles, { timeout: 30_000 }).toContain(notice);
    await newcomer.page.goto('/notifications');
    const told = newcomer.page.getByRole('link', { name: notice });
    await expect(told).toBeVisible();
    await expectNoHorizontalScroll(newcomer.page, 'notifications with the round');
    await shot(newcomer.page, 'walk', '14-notice');
    for (const [email, count] of [
      ['mentore8@cpts.demo', 1],
      ['mentor1@cpts.demo', 0],
    ] as const) {
      const other = await phoneOf(browser, email);
      const told = async () =>
        (await api<{ items: { title: string }[] }>(other.page.request, '/api/notifications')).items.filter(
          (n) => n.title === notice,
        ).length;
      // The second newcomer's notice may come a moment after the first one's; the mentor's never.
      await expect.poll(told, { message: email, timeout: 30_000 }).toBe(count);
      await other.close();
    }
    // The notice leads to the choice: the newcomer ranks one mentor.
    await told.click();
    await expect(newcomer.page.getByRole('heading', { name: /^Choisissez votre / })).toBeVisible();
    const add = newcomer.page.getByRole('button', { name: /^Ajouter .* à mon classement$/ }).first();
    const mentor = ((await add.getAttribute('aria-label')) ?? '').replace(
      /^Ajouter (.*) à mon classement$/,
      '$1',
    );
    await add.click();
    await newcomer.page.getByRole('button', { name: 'Enregistrer mon classement' }).click();
    await expect(newcomer.page.getByText('Classement enregistré')).toBeVisible();
    await expectNoHorizontalScroll(newcomer.page, 'ranking');

    // Closing before the deadline asks first, and says who has not ranked; waiting keeps it open.
    await page.reload();
    await expect(page.getByText(/^Tour de choix ouvert : 1 sur 2 ont classé/)).toBeVisible();
    await page.getByRole('button', { name: 'Clore les choix et calculer' }).click();
    const early = page.getByRole('dialog', { name: 'Clore les choix avant la date limite ?' });
    await expect(early).toContainText('1 personne n’a pas encore classé : elle ne pourra plus le faire.');
    await expectNoHorizontalScroll(page, 'closing early');
    await shot(page, 'walk', '14', { fullPage: false });
    await early.getByRole('button', { name: 'Attendre la date limite' }).click();
    await expect(early).toHaveCount(0);
    await expect(page.getByText(/^Tour de choix ouvert : 1 sur 2 ont classé/)).toBeVisible();
    await expect(page.getByTestId('proposal')).toHaveCount(0);
    await page.getByRole('button', { name: 'Clore les choix et calculer' }).click();
    await early.getByRole('button', { name: 'Clore maintenant et calculer' }).click();
    const newcomerName = (await api<{ name: string }>(newcomer.page.request, '/api/me')).name;
    await expect(
      page.getByTestId('proposal').filter({ hasText: `${newcomerName} → ${mentor}` }),
    ).toContainText('en premier choix');
    await expectNoHorizontalScroll(page, 'draft after the round');
    await shot(page, 'walk', '14-draft');

    // The draft is left unpublished: discarded, the mentoring is as it was.
    await page.getByRole('button', { name: 'Abandonner le brouillon' }).click();
    await expect(page.getByTestId('proposal')).toHaveCount(0);
    // Closed, the round no longer asks the newcomer to rank.
    await newcomer.page.reload();
    await expect(newcomer.page.getByText(/^Pas encore de binôme/)).toBeVisible();
    await expect(newcomer.page.getByRole('heading', { name: /^Choisissez votre / })).toHaveCount(0);
    await newcomer.close();
  });
});
