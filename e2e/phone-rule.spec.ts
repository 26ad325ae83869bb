import { expect, type Page, test } from '@playwright/test';
import { api, expectNoHorizontalScroll, programmeIdByName, shot, signInAs } from './support.ts';

// Phones in the DES tutoring, on a phone: the coordinator sees how many residents their tutor
// cannot phone; interne33, who kept their number, shares it; their tutor (tuteur9) then sees it.

/** The page loaded and nothing wider than the phone; a screenshot when asked. */
async function fitsPhone(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expectNoHorizontalScroll(page, `${name} at 360 px`);
  await shot(page, 'phone', `360-${name}`);
}

test('the coordinator sees who cannot be phoned; a resident shares their phone; their tutor sees it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const open = async (email: string) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await signInAs(page, email);
    return page;
  };

  const coordinator = await open('coordination@dmg.demo');
  const des = await programmeIdByName(coordinator, /^Tutorat DES de médecine générale$/);
  await coordinator.goto(`/programmes/${des}`);
  const notice = coordinator.getByText(/^(\d+) internes injoignables par téléphone$/);
  await expect(notice).toBeVisible();
  const before = Number((await notice.textContent())?.match(/\d+/)?.[0]);
  await expect(coordinator.getByText(/^\d+ ne partagent pas leur numéro avec leur binôme$/)).toBeVisible();
  await fitsPhone(coordinator, 'coordinator-people');

  const tutee = await open('interne33@dmg.demo');
  const me = await api<{ name: string }>(tutee.request, '/api/me');
  const tutor = await open('tuteur9@dmg.demo');
  await tutor.goto(`/programmes/${des}`);
  const card = tutor.getByRole('article', { name: me.name });
  await expect(card.getByText('Numéro non partagé')).toBeVisible();

  await tutee.goto(`/programmes/${des}`);
  const share = tutee.getByRole('switch', { name: 'Partager mon numéro avec mon binôme ou mon groupe' });
  await expect(share).not.toBeChecked();
  await fitsPhone(tutee, 'tutee-phone-off');
  await share.click({ force: true });
  await expect(share).toBeChecked();

  await tutor.reload();
  await expect(card.getByRole('link', { name: /^0\d( \d{2}){4}$/ })).toBeVisible();
  await fitsPhone(tutor, 'tutor-sees-phone');

  await coordinator.reload();
  await expect(coordinator.getByText(`${before - 1} internes injoignables par téléphone`)).toBeVisible();
});
