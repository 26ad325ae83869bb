import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  organisationIdByName,
  programmeIdByName,
  serverNow,
  shot,
  signInAs,
} from './support.ts';

// The tutor community walked as its people use it: a team meeting organised by any member, an
// overload said; leave declared, a teammate standing in, the resident told whom to contact, the
// backup meeting them; a training session with its waiting list; an announcement answered
// privately and the guides library; a self-evaluation and a case the team decides.

test.describe('Équipe de tuteurs', () => {
  // Tutor teams of the DMG demo: « Équipe Amiens Nord » holds tuteur1 to tuteur7 (demo/teams.ts).

  interface MyTeams {
    teams: { id: string; name: string; programme: { id: string } }[];
  }

  /** The signed-in person's team in the DMG demo. */
  async function myTeam(page: Page) {
    const mine = await api<MyTeams>(page.request, '/api/me/teams');
    const team = mine.teams.find((t) => t.name === 'Équipe Amiens Nord');
    if (!team) throw new Error('this demo tutor should be in « Équipe Amiens Nord »');
    return team;
  }

  test('a member who is not the first schedules a team meeting from the team page; a teammate sees it', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, 'tuteur3@dmg.demo');
    const team = await myTeam(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/equipes/${team.id}`);
    await expect(page.getByRole('heading', { name: 'Équipe Amiens Nord', level: 1 })).toBeVisible({
      timeout: 30_000,
    });
    // Teammates' contact details are on the page.
    await expect(page.getByRole('link', { name: 'tuteur5@dmg.demo' })).toBeVisible();
    await page.getByRole('link', { name: 'Organiser une rencontre d’équipe' }).click();
    const title = `Point d’équipe ${Date.now().toString(36)}`;
    await page.getByLabel('Intitulé').fill(title);
    await page.getByRole('button', { name: 'Chercher les meilleurs créneaux' }).click();
    const propose = page.getByRole('button', { name: /^Proposer ce/ });
    await expect(propose).toBeEnabled({ timeout: 30_000 });
    await propose.click();
    await expect(page).toHaveURL(/\/rencontres\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();

    // tuteur5, a teammate, finds it on the team page and opens it.
    const mate = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await signInAs(mate, 'tuteur5@dmg.demo');
    await mate.goto(`/equipes/${team.id}`);
    const meetings = mate.getByRole('region', { name: 'Rencontres de l’équipe' });
    await meetings.getByRole('link', { name: title }).click();
    await expect(mate.getByRole('heading', { name: title })).toBeVisible();
  });

  test('tuteur4 says they are overloaded; the coordination sees it on the teams tab and the team page', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 780 });
    await signInAs(page, 'tuteur4@dmg.demo');
    const team = await myTeam(page);
    await page.goto(`/equipes/${team.id}`);
    await page.getByRole('button', { name: 'Je suis surchargé·e' }).click();
    const words = `Deux nouvelles internes ce mois-ci ${Date.now().toString(36)}`;
    await page.getByLabel('Votre message (facultatif)').fill(words);
    await page.getByRole('button', { name: 'Envoyer à l’équipe et à la coordination' }).click();
    // The form closes once the team's page has its new state; until then it still holds the words.
    await expect(page.getByLabel('Votre message (facultatif)')).toHaveCount(0);
    await expect(page.getByText(words)).toBeVisible();
    await expectNoHorizontalScroll(page, 'team page at 360 px');
    await expectAccessible(page, 'team page');
    await shot(page, 'teams', 'team-360');

    const coordination = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await coordination.setViewportSize({ width: 1280, height: 900 });
    await signInAs(coordination, 'coordination@dmg.demo');
    await coordination.goto(`/programmes/${team.programme.id}/equipes`);
    const card = coordination.getByRole('article', { name: 'Équipe Amiens Nord' });
    await expect(card.getByText(/surcharges? signalées?/)).toBeVisible({ timeout: 30_000 });
    await card.getByRole('link', { name: 'Équipe Amiens Nord' }).click();
    await expect(coordination.getByText(words)).toBeVisible();
    await expect(coordination.getByText(/se dit surchargé·e/).first()).toBeVisible();
    // The coordination sees the caseload, never the team's thread.
    await expect(coordination.getByRole('heading', { name: 'Charge partagée' })).toBeVisible();
    await expect(coordination.getByText('Fil de l’équipe')).toHaveCount(0);
    await expectAccessible(coordination, 'team page, coordination');
    await shot(coordination, 'teams', 'team-coordination-1280');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/equipes/${team.id}`);
    await expect(page.getByText('Fil de l’équipe')).toBeVisible();
    await shot(page, 'teams', 'team-1280');
  });
});

test.describe('Absences et remplacement', () => {
  // Leave and replacement: a tutor of the demo team declares leave starting today, the teammate
  // proposed accepts, the covered resident reads whom to contact, and the backup organises a meeting
  // with them. tuteur5 (not tuteur2, away in the demo): the spec cancels the leave at the end — an
  // absence may be cancelled on its first day — so the demo stays as it was for the other specs.

  const TUTOR = 'tuteur5@dmg.demo';

  async function as(browser: Browser, email: string, width = 1280) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await signInAs(page, email);
    return page;
  }

  interface Mine {
    today: string;
    absences: {
      id: string;
      status: string;
      covers: { tutee: { id: string; name: string }; backup: { id: string; name: string } | null }[];
    }[];
  }

  test('a tutor declares leave, a teammate stands in, the resident knows whom to contact, the backup meets them', async ({
    page,
    browser,
  }) => {
    test.setTimeout(420_000);
    await signInAs(page, TUTOR);
    const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
    await page.goto(`/programmes/${des}/absences`);
    await expect(page.getByRole('heading', { name: 'Déclarer une absence' })).toBeVisible({
      timeout: 45_000,
    });
    const before = await api<Mine>(page.request, `/api/programmes/${des}/absences`);
    const lastDay = new Date(Date.parse(`${before.today}T12:00:00Z`) + 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await page.getByLabel('Dernier jour d’absence').fill(lastDay);
    await page.getByLabel('Motif (facultatif)').fill('Congrès de médecine générale');
    await page.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await expect(page.getByRole('button', { name: 'Envoyer les demandes' })).toBeVisible({ timeout: 45_000 });
    const declared = (await api<Mine>(page.request, `/api/programmes/${des}/absences`)).absences.find(
      (a) => a.status === 'current',
    );
    const cover = declared?.covers.find((c) => c.backup);
    if (!declared || !cover?.backup) throw new Error('a backup should be proposed from the team');
    await shot(page, 'absences', 'tutor-declared-1280');
    await page.getByRole('button', { name: 'Envoyer les demandes' }).click();
    await expect(page.getByRole('button', { name: 'Envoyer les demandes' })).toBeHidden({ timeout: 45_000 });

    // The coordination reads everyone's e-mail: whom to sign in as.
    const coordination = await as(browser, 'coordination@dmg.demo');
    const people = await api<{ userId: string; email?: string | null }[]>(
      coordination.request,
      `/api/programmes/${des}/people`,
    );
    const emailOf = (id: string) => people.find((p) => p.userId === id)?.email ?? '';
    await coordination.goto(`/programmes/${des}/absences`);
    await expect(coordination.getByRole('heading', { name: 'Continuité du suivi' })).toBeVisible({
      timeout: 45_000,
    });
    await shot(coordination, 'absences', 'coordination-1280');
    await coordination.context().close();

    // The teammate proposed accepts, on a phone.
    const backup = await as(browser, emailOf(cover.backup.id), 360);
    await backup.goto(`/programmes/${des}/absences`);
    await backup.getByRole('button', { name: `Accepter de remplacer auprès de ${cover.tutee.name}` }).click();
    await expect(backup.getByText(/Vous remplacez en ce moment/).first()).toBeVisible({ timeout: 45_000 });
    await expectNoHorizontalScroll(backup, 'absences, backup');
    await shot(backup, 'absences', 'backup-accepted-360');

    // The resident reads whom to contact and until when, on their programme's page.
    const tutee = await as(browser, emailOf(cover.tutee.id), 360);
    await tutee.goto(`/programmes/${des}`);
    const line = tutee.getByText(new RegExp(`jusqu’au .*, contactez ${cover.backup.name}`));
    await expect(line).toBeVisible({ timeout: 45_000 });
    await expectNoHorizontalScroll(tutee, 'people, covered resident');
    await shot(tutee, 'absences', 'tutee-contact-360');
    await tutee.context().close();

    // The backup organises a meeting with the resident they cover.
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(13, 0, 0, 0);
    const made = await backup.request.post(`/api/programmes/${des}/meetings`, {
      data: {
        title: 'Point pendant le congé',
        mode: 'phone',
        durationMinutes: 30,
        participantIds: [cover.tutee.id],
        options: [{ start: start.toISOString() }],
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    await backup.goto(`/programmes/${des}/rencontres`);
    await expect(backup.getByText('Point pendant le congé').first()).toBeVisible({ timeout: 45_000 });
    await backup.context().close();

    // Back to the demo as it was: the leave is cancelled on its first day.
    await page.goto(`/programmes/${des}/absences`);
    await page.getByRole('button', { name: 'Annuler l’absence' }).click();
    await expect(page.getByRole('button', { name: 'Annuler l’absence' })).toBeHidden({ timeout: 45_000 });
  });
});

test.describe('Formations', () => {
  // Two tutors of the DES programme whom the demo registers for no session.
  const FIRST = 'tuteur10@dmg.demo';
  const SECOND = 'tuteur11@dmg.demo';

  /** A local date-time a month ahead, as a datetime-local field takes it. */
  const ahead = (days: number, hour: number) => {
    const d = new Date(serverNow().getTime() + days * 86_400_000);
    return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
  };

  test('the coordinator publishes a session of one place; a tutor registers, a second waits first in line', async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    const title = `Atelier portfolio ${Date.now().toString(36)}`;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(page, 'coordination@dmg.demo');
    const programmeId = await programmeIdByName(page, /Tutorat DES/);
    await page.goto(`/programmes/${programmeId}/formations`);
    await expect(page.getByRole('heading', { name: /sans formation initiale/ })).toBeVisible({
      timeout: 30_000,
    });
    await shot(page, 'training', 'training-coordinator-1280');
    await page.getByRole('button', { name: 'Nouvelle session' }).click();
    const form = page.getByRole('dialog', { name: 'Nouvelle session de formation' });
    await form.getByLabel('Intitulé').fill(title);
    await form.getByLabel('Début').fill(ahead(30, 14));
    await form.getByLabel('Fin').fill(ahead(30, 17));
    await form.getByLabel('Lieu').fill('Faculté de médecine d’Amiens, salle 4');
    await form.getByLabel('Nombre de places').fill('1');
    await form.getByRole('button', { name: 'Publier la session' }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();

    // The first tutor, on a phone: registers.
    const first = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await first.setViewportSize({ width: 360, height: 780 });
    await signInAs(first, FIRST);
    await first.goto(`/programmes/${programmeId}/formations`);
    const card = first.getByRole('article', { name: title });
    await card.getByRole('button', { name: 'S’inscrire', exact: true }).click();
    await expect(card.getByText('Vous êtes inscrit·e')).toBeVisible();
    await expectNoHorizontalScroll(first, 'training sessions at 360 px');
    await expectAccessible(first, 'training sessions');
    await shot(first, 'training', 'training-tutor-360');

    // The second tutor: the session is full, they join the waiting list and see their position.
    const second = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await second.setViewportSize({ width: 360, height: 780 });
    await signInAs(second, SECOND);
    await second.goto(`/programmes/${programmeId}/formations`);
    const full = second.getByRole('article', { name: title });
    await full.getByRole('button', { name: 'S’inscrire sur la liste d’attente' }).click();
    await expect(full.getByText('Liste d’attente : position 1')).toBeVisible();
    await full.getByRole('link', { name: title }).click();
    await expect(second.getByRole('heading', { name: title })).toBeVisible();
    await expectNoHorizontalScroll(second, 'training session at 360 px');
    await shot(second, 'training', 'session-tutor-360');

    // The coordinator sees who comes and who waits.
    await page.reload();
    await expect(page.getByRole('region', { name: '1 inscrit·e' })).toBeVisible();
    await expect(page.getByRole('region', { name: /Liste d’attente \(1 personne\)/ })).toBeVisible();
    await expectAccessible(page, 'training session');
    await shot(page, 'training', 'session-coordinator-1280');
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, 'training session of the coordinator at 360 px');
    await shot(page, 'training', 'session-coordinator-360');
    await page.goto(`/programmes/${programmeId}/formations`);
    await shot(page, 'training', 'training-coordinator-360');
    await second.setViewportSize({ width: 1280, height: 900 });
    await second.goto(`/programmes/${programmeId}/formations`);
    await shot(second, 'training', 'training-tutor-1280');
  });

  test('the coordinator pairs a new tutor with the proposed experienced one; the new tutor reaches them and proposes a meeting', async ({
    page,
    browser,
  }) => {
    // tuteur12 joined the DES programme this year and has no coach in the demo (demo/coaching.ts).
    test.setTimeout(180_000);
    const tutor = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await tutor.setViewportSize({ width: 360, height: 780 });
    await signInAs(tutor, 'tuteur12@dmg.demo');
    const twelve = await api<{ id: string }>(tutor.request, '/api/me');

    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(page, 'coordination@dmg.demo');
    const programmeId = await programmeIdByName(page, /Tutorat DES/);
    await page.goto(`/programmes/${programmeId}/formations`);
    const section = page.getByRole('region', { name: /Nouveaux tuteur·rices en première année/ });
    await expect(section).toBeVisible({ timeout: 30_000 });
    const row = section.getByTestId(`new-tutor-${twelve.id}`);
    await expect(row.getByText('sans tuteur·rice référent·e')).toBeVisible();
    const select = row.getByRole('combobox', { name: /Tuteur·rice référent·e pour/ });
    await expect(select).toHaveValue(/\(proposé·e\)/);
    const proposed = (await select.inputValue()).split(' (')[0] ?? '';
    await shot(page, 'training', 'coaching-coordinator-1280');
    await row.getByRole('button', { name: 'Associer' }).click();
    await expect(row.getByText(`Accompagné·e par ${proposed} jusqu’au`)).toBeVisible();

    // The new tutor, on a phone: their coach, reachable, and a meeting proposed in one tap.
    await tutor.goto(`/programmes/${programmeId}/formations`);
    const mine = tutor.getByRole('region', { name: 'Accompagnement de première année' });
    await expect(mine.getByText(`Votre tuteur·rice référent·e : ${proposed}`)).toBeVisible();
    await expect(mine.getByRole('link', { name: /@dmg\.demo$/ })).toBeVisible();
    await expectNoHorizontalScroll(tutor, 'coaching at 360 px');
    await expectAccessible(tutor, 'coaching of a new tutor');
    await shot(tutor, 'training', 'coaching-new-tutor-360');
    await mine.getByRole('link', { name: `Proposer une rencontre à ${proposed}` }).click();
    const who = tutor.locator('[aria-labelledby="who-label"]');
    await expect(who.getByRole('checkbox', { name: proposed, checked: true })).toBeVisible();
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, 'coaching of the coordinator at 360 px');
    await shot(page, 'training', 'coaching-coordinator-360');
  });
});

test.describe('Annonces et guides', () => {
  // Announcements and the guides library (issue 19, items 6 and 8). The coordination of the DMG
  // writes to the DES programme's tutors; one tutor, on a phone, answers privately; the coordination
  // reads the answer. A tutor reads the library's thesis-topic guide.

  const COORDINATION = 'coordination@dmg.demo';
  const TUTOR = 'tuteur9@dmg.demo';
  const PROGRAMME = /^Tutorat DES de médecine générale$/;

  test('the coordinator sends an announcement to the tutors; a tutor answers privately; the coordinator reads it', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const title = `Formation RSCA du ${Date.now()}`;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(page, COORDINATION);
    const programmeId = await programmeIdByName(page, PROGRAMME);
    await page.goto(`/programmes/${programmeId}/annonces`);
    await page.getByRole('button', { name: 'Nouvelle annonce' }).click();
    await expect(page.getByRole('radio', { name: 'Tous les tuteurs' })).toBeChecked();
    await page.getByLabel('Titre').fill(title);
    await page
      .getByLabel('Message')
      .fill('Une formation à la relecture des RSCA aura lieu le 4 février à 19 h.');
    await shot(page, 'guides', 'compose-1280');
    await page.getByRole('button', { name: 'Envoyer l’annonce' }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText(/destinataires · 0 l’ont lue · 0 réponse/)).toBeVisible();

    // The tutor, on a phone: the announcement in the programme's list, answered from its page.
    const tutor = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await tutor.setViewportSize({ width: 360, height: 780 });
    await signInAs(tutor, TUTOR);
    await tutor.goto(`/programmes/${programmeId}/annonces`);
    await tutor.getByRole('link', { name: title }).click();
    await expect(tutor.getByRole('heading', { name: title })).toBeVisible();
    await expect(tutor.getByText('jamais par les autres destinataires')).toBeVisible();
    await tutor.getByLabel('Répondre à la coordination').fill('Je m’inscris, avec deux RSCA à relire.');
    await tutor.getByRole('button', { name: 'Envoyer' }).click();
    await expect(tutor.getByText('Je m’inscris, avec deux RSCA à relire.')).toBeVisible();
    await expectNoHorizontalScroll(tutor, 'announcement at 360 px');
    await expectAccessible(tutor, 'announcement');
    await shot(tutor, 'guides', 'announcement-360');
    await tutor.goto(`/programmes/${programmeId}/annonces`);
    await expect(tutor.getByRole('link', { name: 'Soirée d’échanges entre tuteurs' })).toBeVisible();
    await expectNoHorizontalScroll(tutor, 'announcements at 360 px');
    await shot(tutor, 'guides', 'announcements-360');

    // The coordinator reads the answer, with who wrote it.
    await page.reload();
    await expect(page.getByText('Je m’inscris, avec deux RSCA à relire.')).toBeVisible();
    await expect(page.getByText(/1 l’ont lue · 1 réponse/)).toBeVisible();
    await expectAccessible(page, 'announcement, coordination');
    await shot(page, 'guides', 'announcement-1280');
    await page.goto(`/programmes/${programmeId}/annonces`);
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await shot(page, 'guides', 'announcements-1280');
  });

  test('a tutor opens the guides library and reads the thesis-topic guide', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signInAs(page, TUTOR);
    const orgId = await organisationIdByName(page, /DMG/);
    await page.goto(`/organisations/${orgId}/guides`);
    await expect(page.getByRole('heading', { name: 'Guides de rencontre', level: 1 })).toBeVisible();
    await page
      .locator('label')
      .filter({ hasText: /^Sujet de thèse$/ })
      .click();
    await expect(page.getByRole('radio', { name: 'Sujet de thèse' })).toBeChecked();
    await expect(page.getByRole('link', { name: 'Écrire un RSCA' })).toBeHidden();
    await expectNoHorizontalScroll(page, 'guides at 360 px');
    await expectAccessible(page, 'guides library');
    await shot(page, 'guides', 'guides-360');
    await page.getByRole('link', { name: 'Trouver un sujet de thèse' }).click();
    await expect(page.getByRole('heading', { name: 'Trouver un sujet de thèse' })).toBeVisible();
    await expect(page.getByText(/directeur ou une directrice/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Proposer une modification' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'guide at 360 px');
    await expectAccessible(page, 'guide');
    await shot(page, 'guides', 'guide-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, 'guides', 'guide-1280');
    await page.goto(`/organisations/${orgId}/guides`);
    await shot(page, 'guides', 'guides-1280');
  });

  test('the organiser of a meeting reads its guide; the coordination sees the library with its suggestions', async ({
    page,
  }) => {
    // A demo group's first meeting, made before the library with the former static guide id.
    await page.setViewportSize({ width: 360, height: 780 });
    await signInAs(page, 'interne35@dmg.demo');
    const peer = await programmeIdByName(page, /^Tutorat par les pairs/);
    const list = await page.request.get(`/api/programmes/${peer}/meetings`);
    const meetings = ((await list.json()) as { meetings: { id: string; title: string }[] }).meetings;
    const first = meetings.find((m) => m.title === 'Première rencontre du groupe');
    if (!first) throw new Error('the demo group’s first meeting');
    await page.goto(`/rencontres/${first.id}`);
    await expect(page.getByRole('heading', { name: /Guide : Première rencontre/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Questions à poser' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'meeting with its guide at 360 px');
    await shot(page, 'guides', 'meeting-guide-360');

    const coordination = page;
    await coordination.context().clearCookies();
    await signInAs(coordination, COORDINATION);
    const orgId = await organisationIdByName(coordination, /DMG/);
    await coordination.goto(`/organisations/${orgId}/guides`);
    await expect(coordination.getByRole('button', { name: 'Nouveau guide' })).toBeVisible();
    await expect(coordination.getByRole('heading', { name: /Suggestions/ })).toBeVisible();
    await shot(coordination, 'guides', 'guides-coordination-360');
    await coordination.setViewportSize({ width: 1280, height: 900 });
    await coordination.getByRole('button', { name: 'Nouveau guide' }).click();
    await expectAccessible(coordination, 'new guide form');
    await shot(coordination, 'guides', 'guides-coordination-new-1280');
  });
});

test.describe('Cas d’équipe et retours', () => {
  /** The page at 360 and 1280 px, loaded and nothing wider than the screen; screenshots when asked. */
  async function atBothWidths(page: Page, name: string) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(page, `${name} at ${width}px`);
      await shot(page, 'tutor-team-feedback', `${name}-${width}`);
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
    await atBothWidths(page, 'self-evaluation');
    await page.goto(`/organisations/${orgId}/retours`);
    await expect(page.getByRole('heading', { name: 'L’avis de vos internes' })).toBeVisible();
    await atBothWidths(page, 'feedback');

    // tuteur1 has six answers from past years: means, not answers.
    await signInAs(page, 'tuteur1@dmg.demo');
    await page.goto(`/organisations/${orgId}/retours`);
    await expect(page.getByText('6 réponses')).toBeVisible();
    await expectAccessible(page, 'feedback with aggregates');
    await atBothWidths(page, 'feedback-aggregates');
    await page.goto(`/organisations/${orgId}/auto-evaluation`);
    await expect(page.getByRole('heading', { name: /L’an dernier/ })).toBeVisible();
    await atBothWidths(page, 'self-evaluation-last-year');
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
    await atBothWidths(page, 'cases-form');
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
    await atBothWidths(page, 'case');
    await page.goto(`/organisations/${orgId}/cas-equipe`);
    await atBothWidths(page, 'cases');
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
    await atBothWidths(page, 'tutee-feedback');
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
});
