import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, programmeIdByName, shot, signInAs } from './support.ts';

test('a peer tutor notes an unanswered call, then the SMS that got an answer, from a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signInAs(page, 'interne35@dmg.demo');
  const id = await programmeIdByName(page, /Tutorat par les pairs/);
  await page.goto(`/programmes/${id}/rencontres`);
  await expect(page.getByRole('heading', { name: 'Suivi des contacts' })).toBeVisible();
  const first = page.getByRole('button', { name: /^Noter un contact avec / }).first();
  const name = ((await first.getAttribute('aria-label')) ?? '').replace('Noter un contact avec ', '');
  const row = page.getByTestId('contact-row').filter({ hasText: name });
  const lastBefore = (await row.getByTestId('last-contact').textContent()) ?? '';

  await first.click();
  await expect(page.getByRole('menuitem', { name: 'Appel sans réponse' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'contact menu at 360 px');
  await shot(page, 'meetings', '360-contact-menu', { fullPage: false });
  await page.getByRole('menuitem', { name: 'Appel sans réponse' }).click();
  await expect(page.getByRole('status')).toContainText(`Tentative sans réponse notée pour ${name}.`);
  // An attempt is not a contact: the last contact does not move.
  await expect(row.getByTestId('last-contact')).toHaveText(lastBefore);

  await first.click();
  await page.getByRole('menuitem', { name: 'SMS', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Contact avec ${name} noté.`);
  await expect(row.getByTestId('last-contact')).not.toHaveText(lastBefore);
  await expectAccessible(page, 'contact log');

  // The same menu on a desktop screen.
  await page.setViewportSize({ width: 1280, height: 860 });
  await first.click();
  await expect(page.getByRole('menuitem', { name: 'Appel sans réponse' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'contact menu at 1280 px');
  await shot(page, 'meetings', '1280-contact-menu', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: 'Appel sans réponse' })).toBeHidden();
});
