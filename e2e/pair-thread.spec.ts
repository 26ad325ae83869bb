import { expect, test } from '@playwright/test';
import { api, expectAccessible, expectNoHorizontalScroll, shot, signInAs } from './support.ts';

// A GP tutor of the DES programme; the spec writes with their last tutee, whom no other spec uses.
const TUTOR = 'tuteur7@dmg.demo';

interface Threads {
  threads: {
    pairingId: string;
    open: boolean;
    other: { id: string; name: string };
    programme: { id: string };
  }[];
}

test('a resident writes to their tutor from the home page, on a phone; the tutor reads and answers', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, TUTOR);
  const mine = await api<Threads>(page.request, '/api/me/threads');
  const thread = mine.threads.filter((x) => x.open).at(-1);
  if (!thread) throw new Error(`${TUTOR} has no live pair in the demo`);
  const people = await api<{ userId: string; email?: string | null }[]>(
    page.request,
    `/api/programmes/${thread.programme.id}/people`,
  );
  const residentEmail = people.find((p) => p.userId === thread.other.id)?.email;
  if (!residentEmail) throw new Error('the tutor should see their tutee’s e-mail');
  const tutorName = (await api<{ name: string }>(page.request, '/api/me')).name;

  const resident = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await resident.setViewportSize({ width: 360, height: 780 });
  await signInAs(resident, residentEmail);
  await resident.goto('/');
  const card = resident.getByRole('region', { name: 'Mes échanges' });
  await card.getByRole('link', { name: `Écrire à ${tutorName}` }).click();
  await expect(resident.getByRole('heading', { name: `Échanges avec ${tutorName}` })).toBeVisible();
  await expect(resident.getByText('ni la coordination ni personne d’autre')).toBeVisible();
  await resident
    .getByLabel(`Écrire à ${tutorName}`)
    .fill('Bonjour, pourrions-nous parler de mes gardes de nuit ?');
  await resident.getByRole('button', { name: 'Envoyer' }).click();
  await expect(resident.getByText('pourrions-nous parler de mes gardes de nuit')).toBeVisible();
  await expect(resident.getByLabel(`Écrire à ${tutorName}`)).toHaveValue('');
  await expectNoHorizontalScroll(resident, 'pair thread at 360 px');
  await expectAccessible(resident, 'pair thread');
  await shot(resident, 'threads', 'thread-360');

  // The tutor, on a computer: told on the home page, reads and answers.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const tutorCard = page.getByRole('region', { name: 'Mes échanges' });
  await expect(tutorCard.getByText('1 non lu')).toBeVisible();
  await shot(page, 'threads', 'home-unread-1280');
  await tutorCard.getByRole('link', { name: `Écrire à ${thread.other.name}` }).click();
  await expect(page.getByText('pourrions-nous parler de mes gardes de nuit')).toBeVisible();
  await page.getByLabel(`Écrire à ${thread.other.name}`).fill('Bien sûr : je vous appelle jeudi soir.');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByText('je vous appelle jeudi soir')).toBeVisible();
  await expect(tutorCard).toHaveCount(0);
  await shot(page, 'threads', 'thread-1280');

  // Back on the phone: the answer is waiting, and the notification names who wrote, not what.
  await resident.goto('/');
  await expect(resident.getByRole('region', { name: 'Mes échanges' }).getByText('1 non lu')).toBeVisible();
  // The notice is sent by the job queue: wait for it.
  const noticeOf = async () =>
    (
      await api<{ items: { title: string; body: string }[] }>(resident.request, '/api/notifications')
    ).items.find((n) => n.title === `Nouveau message de ${tutorName}`);
  await expect.poll(noticeOf, { timeout: 30_000 }).toBeTruthy();
  expect(JSON.stringify(await noticeOf())).not.toContain('jeudi soir');
  await resident.context().close();
});
