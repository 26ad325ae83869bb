import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { E2E_LOG } from './env.ts';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  logMark,
  programmeIdByName,
  shot,
  signInAs,
} from './support.ts';

// A GP tutor polls two residents for a video meeting, then, on a phone, nudges in one tap those who
// have not answered: each gets their own link again, the button says when the next nudge may go.
// The poll page reached from the nudge shows the place and the video link. Screenshots at 360 and
// 1280 px, when asked: SCREENS_DIR/poll-nudge.
const LINK = 'https://visio.example.org/dmg-entretien';
const PLACE = 'Salle 3 du DMG (ou en visio)';

/** The page at 1280 then 360 px, where nothing may be wider than the phone; screenshots when asked. */
async function atBothWidths(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    if (width === 360) {
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(page, `${name} at 360 px`);
    }
    await shot(page, 'poll-nudge', `${width}-${name}`);
  }
}

/** The nudge e-mails written to the server log since `mark`, by recipient. */
function nudgeMails(mark: number) {
  return readFileSync(E2E_LOG, 'utf8')
    .slice(mark)
    .split('✉  To: ')
    .filter((m) => m.includes('attend encore votre réponse'))
    .map((m) => ({
      to: m.split('\n')[0] ?? '',
      link: m.match(/https?:\/\/\S+\/sondage\?token=[\w-]+/)?.[0] ?? '',
    }));
}

test('a tutor nudges the residents who have not answered, once; the poll shows the place and the video link', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 360, height: 780 });
  await signInAs(page, 'tuteur1@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const people = await api<{ userId: string; email?: string; memberships: { role: string }[] }[]>(
    page.request,
    `/api/programmes/${des}/people`,
  );
  const { candidates } = await api<{ candidates: { id: string }[] }>(
    page.request,
    `/api/programmes/${des}/meetings`,
  );
  const tutees = candidates.slice(0, 2).map((c) => people.find((p) => p.userId === c.id));
  const emails = tutees.map((p) => p?.email as string);
  expect(emails.every(Boolean)).toBe(true);

  // Their messages go out now, whatever the time of day in Paris: no quiet hours.
  for (const email of emails) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signInAs(p, email);
    const prefs = await api<Record<string, unknown>>(p.request, '/api/me/notification-preferences');
    const res = await p.request.put('/api/me/notification-preferences', {
      data: {
        channels: prefs.channels,
        quietHours: null,
        timeZone: prefs.timeZone,
        digest: 'off',
        digestDay: prefs.digestDay,
        emailOff: false,
      },
    });
    expect(res.ok()).toBeTruthy();
    await context.close();
  }

  const day = 86_400_000;
  const created = await page.request.post(`/api/programmes/${des}/meetings`, {
    data: {
      title: 'Entretien de tutorat',
      mode: 'video',
      place: PLACE,
      videoUrl: LINK,
      durationMinutes: 60,
      participantIds: candidates.slice(0, 2).map((c) => c.id),
      options: [
        { start: `${new Date(Date.now() + 5 * day).toISOString().slice(0, 13)}:00:00Z` },
        { start: `${new Date(Date.now() + 6 * day).toISOString().slice(0, 13)}:00:00Z` },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // 1. On a phone, the meeting page offers the nudge for both, with what it does.
  await page.goto(`/rencontres/${id}`);
  const nudge = page.getByRole('button', { name: 'Relancer les personnes sans réponse (2)' });
  await expect(nudge).toBeEnabled();
  await expect(page.getByText(/Chacune reçoit un rappel avec son lien personnel/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rejoindre la visio' })).toHaveAttribute('href', LINK);
  await expectNoHorizontalScroll(page, 'meeting page at 360 px');
  await expectAccessible(page, 'meeting page with the nudge');
  await atBothWidths(page, 'meeting-nudge');
  await page.setViewportSize({ width: 360, height: 780 });

  // 2. One tap: both are nudged, then the button waits and says until when.
  const mark = logMark();
  await nudge.click();
  await expect(page.getByRole('status')).toContainText('2 personnes relancées');
  const waiting = page.getByRole('button', { name: 'Relancer les personnes sans réponse (2)' });
  await expect(waiting).toBeDisabled();
  await expect(
    page.getByText(
      /Déjà relancées le .*Une relance par personne toutes les 12 heures au plus : prochaine possible le/,
    ),
  ).toBeVisible();
  await expectNoHorizontalScroll(page, 'meeting page after the nudge at 360 px');
  await atBothWidths(page, 'meeting-nudged');

  // 3. Each of them got exactly one nudge, with their own link.
  await expect.poll(() => nudgeMails(mark).length, { timeout: 15_000 }).toBe(2);
  const mails = nudgeMails(mark);
  expect(mails.map((m) => m.to).sort()).toEqual([...emails].sort());

  // 4. The link opens the poll without signing in; it shows where and the video link.
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: 'fr-FR',
    timezoneId: 'America/New_York',
  });
  const phone = await context.newPage();
  const link = new URL(mails[0]?.link as string);
  await phone.goto(link.pathname + link.search);
  await expect(phone.getByText(PLACE)).toBeVisible();
  await expect(phone.getByRole('link', { name: LINK })).toHaveAttribute('href', LINK);
  await expectAccessible(phone, 'poll page with place and link');
  await atBothWidths(phone, 'poll-place-link');
  await context.close();

  // 5. A second nudge asked for anyway is refused with the reason.
  const again = await page.request.post(`/api/meetings/${id}/nudge`, {
    headers: { 'accept-language': 'fr' },
  });
  expect(again.status()).toBe(429);
  expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
    /une relance par personne toutes les 12 heures/,
  );
});
