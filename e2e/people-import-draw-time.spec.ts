import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DIR } from './env.ts';
import { programmeIdByName, signInAs } from './support.ts';

/**
 * How long the preview of a 5,000-row file takes to draw, printed rather than asserted (a machine's
 * speed is not the product's behaviour). Run on demand: MEASURE=1 npx playwright test people-import-draw-time
 */
test('the preview of 5,000 people: time from the server answer to the table on screen', async ({ page }) => {
  test.skip(process.env.MEASURE !== '1', 'a measurement, run with MEASURE=1');
  test.setTimeout(420_000);
  const tag = Date.now().toString(36);
  const lines = ['Nom;Prénom;E-mail;Rôle;Téléphone;Lieu de stage'];
  for (let i = 1; i <= 5000; i++) {
    lines.push(
      `Nom${i};Prénom${i};interne${i}.${tag}@exemple.fr;Interne;06 12 34 ${String(i % 100).padStart(2, '0')} 00;CHU Amiens`,
    );
  }
  const file = join(E2E_DIR, `5000-${tag}.csv`);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);

  await signInAs(page, 'coordination@dmg.demo');
  const peer = await programmeIdByName(page, /^Tutorat par les pairs — DES1$/);
  await page.goto(`/programmes/${peer}/import`);
  await expect(page.getByRole('heading', { name: 'Importer une liste de personnes' })).toBeVisible({
    timeout: 60_000,
  });

  const started = Date.now();
  const answered = page
    .waitForResponse((r) => r.url().endsWith('/imports') && r.request().method() === 'POST', {
      timeout: 120_000,
    })
    .then(() => Date.now());
  await page.locator('input[type=file]').setInputFiles(file);
  const answer = await answered;
  console.log(`5,000-row preview: server answer after ${answer - started} ms (upload and analysis)`);
  await expect(page.getByTestId('preview-row').first()).toBeVisible({ timeout: 360_000 });
  await expect(page.getByTestId('count-total')).toContainText('5');
  const shown = Date.now();
  console.log(
    `5,000-row preview: server answer after ${answer - started} ms (upload and analysis), table drawn ${shown - answer} ms later, ${shown - started} ms in all`,
  );
});
