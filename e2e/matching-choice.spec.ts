import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, programmeIdByName, shot, signInAs } from './support.ts';

const pct = (s: string | null) => Number((s ?? '').replace(/[^\d,]/g, '').replace(',', '.'));

test('residents rank the tutors who present themselves; the coordinator closes the round and publishes a stable result', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // A first-year resident ranks three peer tutors from the showcase.
  await signInAs(page, 'interne45@dmg.demo');
  const id = await programmeIdByName(page, /^Tutorat par les pairs — DES1$/);
  await page.goto(`/programmes/${id}/appariement`);
  await expect(page.getByRole('heading', { name: 'Choisissez votre tuteur·rice' })).toBeVisible();
  // Only tutors with a free place are shown: the five new peer tutors.
  await expect(page.getByTestId('candidate')).toHaveCount(5);
  const cards = page
    .getByTestId('candidate')
    .filter({ has: page.getByRole('button', { name: /Ajouter .* à mon classement/ }) });
  for (let i = 0; i < 3; i++)
    await cards
      .first()
      .getByRole('button', { name: /Ajouter .* à mon classement/ })
      .click();
  const ranking = page.getByRole('list', { name: 'Mon classement' });
  await expect(ranking.getByRole('listitem')).toHaveCount(3);
  const second = ((await ranking.getByRole('listitem').nth(1).textContent()) ?? '').replace(/^2\.\s*/, '');
  await ranking
    .getByRole('button', { name: /^Monter / })
    .nth(1)
    .click();
  await expect(ranking.getByRole('listitem').first()).toContainText(second);
  await page.getByRole('button', { name: 'Enregistrer mon classement' }).click();
  await expect(page.getByText('Classement enregistré')).toBeVisible();
  await expectAccessible(page, 'tutor showcase');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'showcase at 360 px');
  await shot(page, 'matching', 'showcase-360', { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'matching', 'showcase-1280', { fullPage: false });

  // The coordinator closes the round: the result is the stable matching of the rankings.
  const context = await browser.newContext({
    baseURL: page.url().replace(/\/programmes.*$/, ''),
    locale: 'fr-FR',
  });
  const coord = await context.newPage();
  await coord.setViewportSize({ width: 1280, height: 900 });
  await signInAs(coord, 'coordination@dmg.demo');
  await coord.goto(`/programmes/${id}/appariement`);
  await expect(coord.getByLabel('Mode d’appariement')).toHaveValue('tutee-choice');
  await expect(coord.getByText(/Tour de choix ouvert : 16 sur 16 ont classé/)).toBeVisible();
  await coord.getByRole('button', { name: 'Clore les choix et calculer' }).click();
  // The deadline is still ahead: closing early asks first.
  const early = coord.getByRole('dialog', { name: 'Clore les choix avant la date limite ?' });
  await expect(early).toContainText('Tout le monde a classé');
  await early.getByRole('button', { name: 'Clore maintenant et calculer' }).click();
  await expect(coord.getByTestId('proposal')).toHaveCount(16);
  await expect(coord.getByTestId('proposal').first()).toContainText(
    / avait classé .+ en (premier|deuxième|troisième|\d+ᵉ) choix\./,
  );
  // The peer tutoring forms its groups by internship site: most first-years share their tutor's
  // site, their choices deciding among the site's tutors (the first choice gives way to the site).
  const row = coord
    .getByTestId('summary')
    .getByRole('row', { name: /^Sur le même site/ })
    .getByRole('cell');
  expect(pct(await row.nth(0).textContent())).toBeGreaterThan(pct(await row.nth(1).textContent()) + 30);
  const top3 = coord
    .getByTestId('summary')
    .getByRole('row', { name: /^Avec un de leurs 3 premiers choix/ })
    .getByRole('cell');
  expect(pct(await top3.nth(0).textContent())).toBeGreaterThanOrEqual(80);
  const dist = coord
    .getByTestId('summary')
    .getByRole('row', { name: /^Distance moyenne/ })
    .getByRole('cell');
  expect(pct(await dist.nth(0).textContent())).toBeLessThan(pct(await dist.nth(1).textContent()));
  await coord.getByTestId('summary').scrollIntoViewIfNeeded();
  await shot(coord, 'matching', 'choice-summary-1280', { fullPage: false });
  // Explanations with the residents' weekly rotas: when each pair is free together.
  await expect(coord.getByTestId('proposal').first()).toContainText(/Tous deux sont disponibles le \w+ soir/);
  await coord.getByTestId('proposal').first().scrollIntoViewIfNeeded();
  await shot(coord, 'matching', 'review-choice-proposals-1280', { fullPage: false });
  await coord.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(coord, 'choice review at 360 px');
  await coord.getByTestId('proposal').first().scrollIntoViewIfNeeded();
  await shot(coord, 'matching', 'review-choice-proposals-360', { fullPage: false });
  await coord.getByTestId('constraints').scrollIntoViewIfNeeded();
  await shot(coord, 'matching', 'constraints-360', { fullPage: false });
  await coord.setViewportSize({ width: 1280, height: 900 });
  await coord.getByRole('button', { name: 'Publier', exact: true }).click();
  await coord.getByRole('button', { name: 'Publier et prévenir' }).click();
  await expect(coord.getByText('16 binômes sont actifs')).toBeVisible();
  await context.close();

  // The resident now sees their group's tutor, and why.
  await page.reload();
  await expect(page.getByTestId('my-pairing')).toContainText(
    /Vous aviez classé .+ en (premier|deuxième|troisième|\d+ᵉ) choix\./,
  );
});
