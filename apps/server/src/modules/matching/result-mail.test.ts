import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runDueJobs } from '../../jobs/index.ts';
import { addMember, createOrg, createProgramme, createUser } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import type { TemplateId } from '../programmes/templates.ts';

const s = await setupTestServer();

const call = (cookie: string, method: string, url: string, payload?: unknown) =>
  s.app.inject({
    method: method as 'GET',
    url,
    headers: { cookie },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

/**
 * One tutor, one tutee, paired by hand by the coordinator and published: the tutee's e-mail.
 * Without communes, their profiles share nothing that explains the pair.
 */
async function assignedByHand(template: TemplateId, communes?: { tutor: string; tutee: string }) {
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId, template);
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  const tutor = await createUser(s.ctx, orgId, { name: 'Arthur Lenoir' });
  const tutee = await createUser(s.ctx, orgId, { name: 'Zoé Marchand' });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  await addMember(s.ctx, programme, tutor.id, 'tutor', 3);
  await addMember(s.ctx, programme, tutee.id, 'tutee');
  for (const [id, commune] of [
    [tutor.id, communes?.tutor ?? null],
    [tutee.id, communes?.tutee ?? null],
  ] as const)
    await s.db
      .updateTable('org_members')
      .set({ home_commune: commune, professional_project: null, themes: '[]' })
      .where('org_id', '=', orgId)
      .where('user_id', '=', id)
      .execute();
  const base = `/api/programmes/${programme.id}/matching`;
  const assigned = await call(coordinator.cookie, 'POST', `${base}/draft/assign`, {
    tuteeId: tutee.id,
    tutorId: tutor.id,
  });
  assert.equal(assigned.statusCode, 200, assigned.body);
  const published = await call(coordinator.cookie, 'POST', `${base}/draft/publish`);
  assert.equal(published.statusCode, 200, published.body);
  await runDueJobs(s.ctx, { now: s.clock.now() });
  const mail = s.mailer.sent.find((m) => m.to === tutee.email);
  assert.ok(mail, 'the tutee is told by e-mail');
  const tutorMail = s.mailer.sent.find((m) => m.to === tutor.email);
  return { mail, tutorMail };
}

describe('the e-mail announcing a pair', () => {
  test('a mentoring programme names the mentor·e, and a pair formed by hand says who formed it', async () => {
    const { mail } = await assignedByHand('installation-mentoring');
    assert.match(mail.subject, /Votre mentor·e dans/);
    assert.match(mail.text, /Votre mentor·e dans « .* » est Arthur Lenoir\./);
    assert.doesNotMatch(mail.text, /tuteur·rice|interne/i);
    assert.doesNotMatch(mail.text, /Pourquoi ce choix/);
    assert.match(mail.text, /La coordination du programme a formé ce binôme\./);
  });

  test('an association names its élu·e référent·e', async () => {
    const { mail } = await assignedByHand('member-tutoring');
    assert.match(mail.text, /Votre élu·e référent·e dans/);
    assert.doesNotMatch(mail.text, /tuteur·rice/);
  });

  test('a distance is a sentence, never a bare number of kilometres', async () => {
    const { mail } = await assignedByHand('des-tutoring', { tutor: 'Amiens', tutee: 'Abbeville' });
    assert.match(mail.text, /Pourquoi ce choix :\n• Vous travaillez à \d+ km l’un de l’autre\./);
    assert.doesNotMatch(mail.text, /(^|: |• )\d+ km(\n|$)/m);
  });
});
