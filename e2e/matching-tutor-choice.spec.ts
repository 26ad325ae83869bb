import { expect, type Page, test } from '@playwright/test';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  programmeIdByName,
  shot,
  signInAs,
} from './support.ts';

// The CPTS mentoring: six mentors with a free place each, and two newly settled professionals
// (mentore7, mentore8) still without a mentor. The mentors know them from the CPTS meetings.

/** "2026-12-05T18:00": a datetime-local value ten days ahead. */
const inTenDays = () => {
  const d = new Date(Date.now() + 10 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:00`;
};

async function asPerson(page: Page, email: string) {
  const context = await page
    .context()
    .browser()
    ?.newContext({ baseURL: new URL(page.url()).origin, locale: 'fr-FR', timezoneId: 'America/New_York' });
  if (!context) throw new Error('no browser');
  const other = await context.newPage();
  await other.setViewportSize({ width: 1280, height: 900 });
  await signInAs(other, email);
  return { page: other, close: () => context.close() };
}

/** A mentor ranks the given people, best first, from the list of people to accompany. */
async function rank(page: Page, id: string, names: string[]) {
  await page.goto(`/programmes/${id}/appariement`);
  await expect(
    page.getByRole('heading', { name: 'Classez les personnes que vous aimeriez accompagner' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Personnes à accompagner' })).toBeVisible();
  await expect(page.getByTestId('candidate')).toHaveCount(2);
  for (const name of names)
    await page.getByRole('button', { name: `Ajouter ${name} à mon classement` }).click();
  const ranking = page.getByRole('list', { name: 'Mon classement' });
  await expect(ranking.getByRole('listitem')).toHaveCount(names.length);
  await expect(ranking.getByRole('listitem').first()).toContainText(names[0] as string);
  await page.getByRole('button', { name: 'Enregistrer mon classement' }).click();
  await expect(page.getByText('Classement enregistré')).toBeVisible();
}

test('mentors choose among the newcomers they know; the coordinator reviews and publishes; the newcomer learns who and why', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'coordination@cpts.demo');
  const id = await programmeIdByName(page, /^Mentorat des nouveaux installés$/);
  const people = await api<{ name: string; email?: string }[]>(page.request, `/api/programmes/${id}/people`);
  const nameOf = (email: string) => people.find((p) => p.email === email)?.name as string;
  const [mentor1, mentor2, mentore7, mentore8] = [
    nameOf('mentor1@cpts.demo'),
    nameOf('mentor2@cpts.demo'),
    nameOf('mentore7@cpts.demo'),
    nameOf('mentore8@cpts.demo'),
  ];
  expect([mentor1, mentor2, mentore7, mentore8].every(Boolean)).toBe(true);

  // A conflict of interest, declared by the coordinator from the web app: listed, and removable.
  const form = page.getByRole('form', { name: 'Déclarer un conflit d’intérêts ou un souhait' });
  await page.goto(`/programmes/${id}/appariement`);
  const mentor3 = nameOf('mentor3@cpts.demo');
  await form.getByLabel('Mentor·e').selectOption({ label: mentor3 });
  await form.getByLabel('Mentoré·e').selectOption({ label: mentore7 });
  await expect(form.getByRole('button', { name: 'Déclarer' })).toBeDisabled();
  await form.getByLabel('Raison').fill('Associée du cabinet où elle remplace');
  await form.getByRole('button', { name: 'Déclarer' }).click();
  const declared = page.getByTestId('constraint').filter({ hasText: `${mentor3} — ${mentore7}` });
  await expect(declared).toContainText('Conflit d’intérêts');
  await expect(declared).toContainText('Associée du cabinet');
  await form.getByLabel('Mentor·e').selectOption({ label: mentor3 });
  await form.getByLabel('Mentoré·e').selectOption({ label: mentore8 });
  await form.getByLabel('Type').selectOption('knows');
  await form.getByRole('button', { name: 'Déclarer' }).click();
  await expect(page.getByTestId('constraint')).toHaveCount(2);
  await page.getByRole('button', { name: `Retirer la déclaration ${mentor3} — ${mentore8}` }).click();
  await expect(page.getByTestId('constraint')).toHaveCount(1);
  await expectAccessible(page, 'conflicts of interest');

  // The coordinator chooses the mentors' choice and opens the round.
  await expect(page.getByRole('heading', { name: 'Qui apparier, et comment' })).toBeVisible();
  await page.getByLabel('Mode d’appariement').selectOption('tutor-choice');
  await expect(page.getByText(/Les mentor·es classent les mentoré·es qu’ils connaissent/)).toBeVisible();
  await page.getByLabel('Date limite des choix').fill(inTenDays());
  await page.getByRole('button', { name: 'Ouvrir le tour de choix' }).click();
  await expect(page.getByText(/Tour de choix ouvert : 0 sur 6 ont classé/)).toBeVisible();

  // Two mentors rank the newcomers they know, from the web app.
  const first = await asPerson(page, 'mentor1@cpts.demo');
  await rank(first.page, id, [mentore7, mentore8]);
  await expectAccessible(first.page, 'tutor choice');
  await first.page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(first.page, 'tutor choice at 360 px');
  await shot(first.page, 'matching', 'tutor-choice-360');
  await first.close();
  const second = await asPerson(page, 'mentor2@cpts.demo');
  await rank(second.page, id, [mentore8]);
  await second.close();

  // The coordinator closes the round: each newcomer goes to the mentor who asked for them.
  await page.reload();
  await expect(page.getByLabel('Mode d’appariement')).toHaveValue('tutor-choice');
  await expect(page.getByText(/Tour de choix ouvert : 2 sur 6 ont classé/)).toBeVisible();
  await page.getByRole('button', { name: 'Clore les choix et calculer' }).click();
  // The deadline is still ahead: closing early asks first, and says who has not ranked.
  const early = page.getByRole('dialog', { name: 'Clore les choix avant la date limite ?' });
  await expect(early).toContainText('4 personnes n’ont pas encore classé');
  await early.getByRole('button', { name: 'Clore maintenant et calculer' }).click();
  await expect(page.getByTestId('proposal')).toHaveCount(2);
  const seven = page.getByTestId('proposal').filter({ hasText: `${mentore7} → ${mentor1}` });
  await expect(seven).toContainText(`${mentor1} avait classé ${mentore7} en premier choix.`);
  const eight = page.getByTestId('proposal').filter({ hasText: `${mentore8} → ${mentor2}` });
  await expect(eight).toContainText(`${mentor2} avait classé ${mentore8} en premier choix.`);
  await expectAccessible(page, 'tutor choice review');
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByRole('button', { name: 'Publier et prévenir' }).click();
  await expect(page.getByText('2 binômes sont actifs')).toBeVisible();

  // The newcomer sees their mentor, how to reach them, and why.
  const newcomer = await asPerson(page, 'mentore7@cpts.demo');
  await newcomer.page.goto(`/programmes/${id}/appariement`);
  const card = newcomer.page.getByTestId('my-pairing');
  await expect(card).toContainText(mentor1);
  await expect(card).toContainText('Pourquoi ce choix');
  await expect(card).toContainText(`${mentor1} vous avait classé·e en premier choix.`);
  await expect(card.getByRole('link', { name: /@cpts\.demo/ })).toBeVisible();
  await newcomer.close();
});
