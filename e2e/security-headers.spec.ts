import { expect, type Page, test } from '@playwright/test';
import { organisationIdByName, programmeIdByName, signInAs } from './support.ts';

// The content security policy allows no inline script and no framing: the web app must work under
// it. Chromium reports each blocked script, style or connection as a console error.

function cspViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
      violations.push(m.text());
  });
  return violations;
}

test('the sign-in page and a coordinator’s pages render under the content security policy', async ({
  page,
}) => {
  test.slow();
  const violations = cspViolations(page);
  const home = await page.goto('/connexion');
  const csp = home?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(home?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

  await signInAs(page, 'coordination@dmg.demo');
  const org = await organisationIdByName(page, /DMG/);
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const paths = [
    '/',
    `/organisations/${org}`,
    `/programmes/${des}`,
    `/programmes/${des}/suivi`,
    `/programmes/${des}/appariement`,
    `/programmes/${des}/rencontres`,
    `/organisations/${org}/disponibilites`,
    '/profil',
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
  }
  // The pages did render (not an error page), without anything blocked on the way.
  await expect(page.getByRole('heading', { name: 'Mon profil' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('the API docs render under their own policy, which forbids framing too', async ({ page }) => {
  const violations = cspViolations(page);
  const docs = await page.goto('/api/docs/');
  expect(docs?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('heading', { name: /Compagnon API/ })).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});
