import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ProgrammePage } from './pages/ProgrammePage.ts';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  programmeIdByName,
  shot,
  signInAs,
} from './support.ts';

interface Dashboard {
  alerts: { list: { id: string; rule: string; tutor: { name: string }; tutee: { name: string } }[] };
}

test('the coordinator sees the pairs that went quiet, handles one, and downloads a yearly review without confidential content', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, 'coordination@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const before = await api<Dashboard>(page.request, `/api/programmes/${des}/followup/dashboard`);
  const quiet = before.alerts.list.filter((a) => a.rule === 'no-contact');
  expect(quiet.length, 'demo pairs without contact for months').toBeGreaterThanOrEqual(3);
  const target = quiet[0] as Dashboard['alerts']['list'][number];

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/programmes/${des}`);
  await page.getByRole('link', { name: 'Suivi' }).click();
  await expect(page.getByRole('heading', { name: /alertes à regarder/ })).toBeVisible();
  const card = page.getByRole('article', { name: `${target.tutor.name} — ${target.tutee.name}` });
  await expect(card).toContainText(/Aucun contact depuis \d+ jours/);
  await expect(page.getByRole('heading', { name: 'Rencontres par mois' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Charge des tuteur·rices' })).toBeVisible();
  await expectAccessible(page, 'follow-up dashboard');
  await shot(page, 'followup', '1280-suivi');

  // One-click action: the coordinator notes that it is handled.
  await card.getByRole('button', { name: 'Marquer comme traité' }).click();
  const dialog = page.getByRole('dialog', { name: 'Marquer l’alerte comme traitée' });
  await dialog
    .getByLabel('Note pour la coordination')
    .fill('Appel du DMG : l’interne est en disponibilité, reprise en mai.');
  await shot(page, 'followup', '1280-suivi-traiter');
  await dialog.getByRole('button', { name: 'Marquer comme traité' }).click();
  await expect(page.getByText('Alerte traitée.')).toBeVisible();
  await expect(card).toHaveCount(0);
  const after = await api<Dashboard>(page.request, `/api/programmes/${des}/followup/dashboard`);
  expect(after.alerts.list.map((a) => a.id)).not.toContain(target.id);

  // The yearly review as a PDF: it renders, and holds figures, not names or notes.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger le PDF' }).click();
  const download = await downloading;
  const dir = mkdtempSync(join(tmpdir(), 'bilan-'));
  try {
    const file = join(dir, 'bilan.pdf');
    await download.saveAs(file);
    execFileSync('pdftoppm', ['-r', '50', '-png', file, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Bilan annuel du programme');
    expect(text).toContain('Tutorat DES de médecine générale');
    for (const a of before.alerts.list) {
      expect(text).not.toContain(a.tutee.name);
      expect(text).not.toContain(a.tutor.name);
    }
    expect(text).not.toContain('disponibilité');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The same page on a phone.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByRole('heading', { name: /alertes à regarder/ })).toBeVisible();
  await expectNoHorizontalScroll(page, 'follow-up dashboard at 360 px');
  await shot(page, 'followup', '360-suivi');
});

test('a tutor sees their quiet pair and notes a contact; notifications and preferences work on a phone', async ({
  page,
}) => {
  await signInAs(page, 'coordination@dmg.demo');
  const des = await programmeIdByName(page, /^Tutorat DES de médecine générale$/);
  const d = await api<Dashboard>(page.request, `/api/programmes/${des}/followup/dashboard`);
  const unreachable = d.alerts.list.find((a) => a.rule === 'unreachable');
  expect(unreachable).toBeTruthy();
  const tutorName = unreachable?.tutor.name ?? '';
  const people = await api<{ name: string; email?: string }[]>(page.request, `/api/programmes/${des}/people`);
  const tutorEmail = people.find((p) => p.name === tutorName)?.email ?? '';
  await page.context().clearCookies();
  await signInAs(page, tutorEmail);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/programmes/${des}/suivi`);
  await expect(page.getByRole('heading', { name: 'Vos binômes à surveiller' })).toBeVisible();
  await expect(page.getByText(/tentatives de contact restées sans réponse/)).toBeVisible();
  await expectAccessible(page, 'tutor follow-up');
  await expectNoHorizontalScroll(page, 'tutor follow-up at 360 px');
  await shot(page, 'followup', '360-suivi-tuteur');
  await page.getByRole('button', { name: 'J’ai eu un contact' }).first().click();
  await expect(page.getByText('C’est noté.')).toBeVisible();

  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByText(/Suivi : /).first()).toBeVisible();
  await page.getByLabel('Un résumé par semaine').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Préférences enregistrées.')).toBeVisible();
  await expectAccessible(page, 'notifications');
  await expectNoHorizontalScroll(page, 'notifications at 360 px');
  await shot(page, 'followup', '360-notifications');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'followup', '1280-notifications');
});

test('a coordinator sets when follow-up alerts fire, in the programme rules', async ({ page }) => {
  await signInAs(page, 'coordination@cpts.demo');
  const mentoring = await programmeIdByName(page, /^Mentorat des nouveaux installés$/);
  await page.setViewportSize({ width: 1280, height: 900 });
  await new ProgrammePage(page).open(mentoring, 'regles');
  await expect(page.getByRole('heading', { name: 'Alertes de suivi' })).toBeVisible();
  const stuck = page.getByRole('textbox', { name: 'Binôme à l’arrêt après' });
  await expect(stuck).toHaveValue('21 jours');
  await expect(page.getByRole('textbox', { name: 'Première rencontre attendue sous' })).toHaveValue(
    '4 semaines',
  );
  await stuck.fill('14');
  await page.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(page.getByText('Règles enregistrées')).toBeVisible();
  const saved = await api<{ rules: { alerts: Record<string, number> } }>(
    page.request,
    `/api/programmes/${mentoring}`,
  );
  expect(saved.rules.alerts).toEqual({
    unreachableAttempts: 2,
    stuckDays: 14,
    firstMeetingWeeks: 4,
    reportMissingDays: 7,
    escalateAfterDays: 7,
  });
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Binôme à l’arrêt après' })).toHaveValue('14 jours');
  await page.getByRole('heading', { name: 'Alertes de suivi' }).scrollIntoViewIfNeeded();
  await expectAccessible(page, 'programme rules with alert thresholds');
  await shot(page, 'followup', '1280-regles-alertes');
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, 'programme rules at 360 px');
  await shot(page, 'followup', '360-regles-alertes');
});
