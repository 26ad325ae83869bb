import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { caller, desDepartment, tinyPdf } from '../../test/factories-portfolio.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();
// Monday 16 November 2026, 10:00 in Paris.
const NOW = new Date('2026-11-16T09:00:00Z');

type Who = { id: string; cookie: string; name: string };

const call = caller(s);

const department = (n: number) =>
  desDepartment(s, { now: NOW, residents: Array.from({ length: n }, (_, i) => `Interne ${i + 1}`) });
type D = Awaited<ReturnType<typeof department>>;

/** The resident's RSCA of the semester, written. */
async function writeRsca(d: D, r: Who, body = '## Situation\nUne consultation difficile.') {
  const view = await call(r.cookie, 'GET', `/api/programmes/${d.programme.id}/portfolio/residents/${r.id}`);
  assert.equal(view.statusCode, 200, view.body);
  const rsca = view.json().traces.find((t: { typeId: string }) => t.typeId === 'rsca');
  const saved = await call(r.cookie, 'PUT', `/api/portfolio/traces/${rsca.id}/draft`, {
    title: 'Mon RSCA',
    body,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  return rsca.id as string;
}

const submit = (r: Who, traceId: string) => call(r.cookie, 'POST', `/api/portfolio/traces/${traceId}/submit`);

describe('the tutor’s weekly review cap', () => {
  test('twelve traces sent the same day: three a week, over four weeks, and each resident is told when', async () => {
    const d = await department(12);
    const ids: string[] = [];
    for (const r of d.residents) ids.push(await writeRsca(d, r));
    // All at once, as at the end of an internship: on PostgreSQL they truly run concurrently.
    const sent = await Promise.all(d.residents.map((r, i) => submit(r, ids[i] as string)));
    for (const res of sent) assert.equal(res.statusCode, 200, res.body);
    const weeks = sent.map((r) => r.json().reviewWeek as string).sort();
    const perWeek = new Map<string, number>();
    for (const w of weeks) perWeek.set(w, (perWeek.get(w) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(perWeek), {
      '2026-11-16': 3,
      '2026-11-23': 3,
      '2026-11-30': 3,
      '2026-12-07': 3,
    });
    assert.equal(
      sent.filter((r) => r.json().deferred).length,
      9,
      'nine were pushed past this week, and said so',
    );
    const queue = await call(d.tutor.cookie, 'GET', '/api/me/portfolio/queue');
    assert.equal(queue.statusCode, 200, queue.body);
    assert.equal(queue.json().due.length, 3);
    assert.deepEqual(queue.json().later, [
      { week: '2026-11-23', count: 3 },
      { week: '2026-11-30', count: 3 },
      { week: '2026-12-07', count: 3 },
    ]);
    // The e-mails follow the weeks: three now, three on Monday 23 November at 9:00 in Paris.
    await s.deliver();
    const mails = () =>
      s.mailer.sent.filter((m) => m.to === d.tutor.email && m.subject.startsWith('À relire'));
    assert.equal(mails().length, 3);
    s.clock.set(new Date('2026-11-23T08:00:00Z'));
    await s.deliver();
    assert.equal(mails().length, 6);
  });
});

describe('the review e-mail of this week', () => {
  test('a trace sent on a Monday before 9:00 reaches its tutor at once, not at 9:00', async () => {
    const d = await department(1);
    const r = d.residents[0] as Who;
    const id = await writeRsca(d, r);
    // Monday 16 November 2026, 1:30 in Paris: the review week is this one.
    s.clock.set(new Date('2026-11-16T00:30:00Z'));
    const sent = await submit(r, id);
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().reviewWeek, '2026-11-16');
    await s.deliver();
    assert.equal(s.mailer.sent.filter((m) => m.to === d.tutor.email).length, 1);
  });
});

describe('review of a trace', () => {
  test('from the e-mailed link without signing in: revision asked, versions kept, then validated with competencies', async () => {
    const d = await department(1);
    const r = d.residents[0] as Who;
    const id = await writeRsca(d, r, '## Situation\nPremière version du récit.');
    assert.equal((await submit(r, id)).statusCode, 200);
    await s.deliver();
    const mail = s.mailer.sent.find((m) => m.to === d.tutor.email && m.text.includes('Première version'));
    assert.ok(mail, 'the tutor receives the trace itself in the e-mail');
    const token = /\/relecture\/([\w-]+)/.exec(mail.text)?.[1] as string;
    assert.ok(token);
    const byLink = await call(undefined, 'GET', `/api/portfolio/review/${token}`);
    assert.equal(byLink.statusCode, 200, byLink.body);
    assert.equal(byLink.json().viewer, 'link');
    assert.equal(byLink.json().can.review, true);
    assert.deepEqual(
      byLink.json().expectations.map((e: { level: string }) => e.level),
      ['novice', 'novice', 'novice', 'novice', 'novice', 'novice'],
      'only what the resident’s phase expects',
    );

    const comment = await call(undefined, 'POST', `/api/portfolio/review/${token}/messages`, {
      body: 'Pourquoi ce choix ?',
      quote: 'Première version',
    });
    assert.equal(comment.statusCode, 200, comment.body);
    const past = await call(undefined, 'POST', `/api/portfolio/review/${token}/revision`, {
      body: 'À reprendre.',
      dueOn: '2026-11-10',
    });
    assert.equal(past.statusCode, 400);
    const revision = await call(undefined, 'POST', `/api/portfolio/review/${token}/revision`, {
      body: 'Développez la recherche documentaire.',
      dueOn: '2026-11-30',
    });
    assert.equal(revision.statusCode, 200, revision.body);
    assert.equal(revision.json().trace.state, 'revision');

    // The resident revises: version 2, version 1 kept as it was sent.
    const v2 = await call(r.cookie, 'PUT', `/api/portfolio/traces/${id}/draft`, {
      title: 'Mon RSCA',
      body: '## Situation\nDeuxième version, avec les sources.',
    });
    assert.equal(v2.statusCode, 200, v2.body);
    assert.equal((await submit(r, id)).statusCode, 200);
    // The old link no longer reviews: the new version comes with its own e-mail.
    assert.equal((await call(undefined, 'GET', `/api/portfolio/review/${token}`)).statusCode, 404);
    await s.deliver();
    const second = s.mailer.sent.find((m) => m.to === d.tutor.email && m.text.includes('Deuxième version'));
    const token2 = /\/relecture\/([\w-]+)/.exec(second?.text ?? '')?.[1] as string;
    const validated = await call(undefined, 'POST', `/api/portfolio/review/${token2}/validate`, {
      competencies: [
        { id: 'relation', level: 'novice' },
        { id: 'approche-globale', level: 'intermediate' },
      ],
    });
    assert.equal(validated.statusCode, 200, validated.body);
    const view = validated.json();
    assert.equal(view.trace.state, 'validated');
    assert.deepEqual(
      view.versions.map((v: { number: number; body: string }) => [v.number, v.body.split('\n')[1]]),
      [
        [1, 'Première version du récit.'],
        [2, 'Deuxième version, avec les sources.'],
      ],
    );
    assert.deepEqual(
      view.messages.map((m: { kind: string; versionNumber: number }) => [m.kind, m.versionNumber]),
      [
        ['submission', 1],
        ['comment', 1],
        ['revision', 1],
        ['submission', 2],
        ['validation', 2],
      ],
    );
    assert.equal(view.messages[1].quote, 'Première version');
    // The competency map shows the two levels.
    const map = await call(r.cookie, 'GET', `/api/programmes/${d.programme.id}/portfolio/residents/${r.id}`);
    assert.deepEqual(
      map.json().ratings.map((x: { competencyId: string; level: string }) => [x.competencyId, x.level]),
      [
        ['relation', 'novice'],
        ['approche-globale', 'intermediate'],
      ],
    );
    // The resident was told of each step, never with the text of the remarks.
    await s.deliver();
    const notices = await s.db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', r.id)
      .execute();
    assert.ok(notices.some((n) => n.title.includes('reprise')));
    assert.ok(notices.some((n) => n.title.includes('est validée')));
    assert.ok(!JSON.stringify(notices).includes('recherche documentaire'));
  });

  test('a tutor’s reading is audited; an attachment must be a PDF or an image', async () => {
    const d = await department(1);
    const r = d.residents[0] as Who;
    const id = await writeRsca(d, r);
    const upload = (content: Buffer, filename: string) => {
      const boundary = '----portfolio';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return s.app.inject({
        method: 'POST',
        url: `/api/portfolio/traces/${id}/attachments`,
        headers: { cookie: r.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    const pdf = await upload(tinyPdf, 'grille.pdf');
    assert.equal(pdf.statusCode, 201, pdf.body);
    assert.equal(pdf.json().mime, 'application/pdf');
    const fake = await upload(Buffer.from('<script>alert(1)</script>'), 'pas-un.pdf');
    assert.equal(fake.statusCode, 415, fake.body);
    // Not sent yet: the tutor neither sees the draft's text nor its file.
    const early = await call(d.tutor.cookie, 'GET', `/api/portfolio/traces/${id}`);
    assert.equal(early.json().versions.length, 0);
    assert.equal(
      (await call(d.tutor.cookie, 'GET', `/api/portfolio/attachments/${pdf.json().id}`)).statusCode,
      404,
    );
    assert.equal((await submit(r, id)).statusCode, 200);
    const file = await call(d.tutor.cookie, 'GET', `/api/portfolio/attachments/${pdf.json().id}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    const reads = await s.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'portfolio.read')
      .where('subject_id', '=', id)
      .execute();
    assert.ok(reads.length >= 2 && reads.every((a) => a.actor_id === d.tutor.id));
    // The coordination is told the trace does not exist.
    assert.equal((await call(d.coordinator.cookie, 'GET', `/api/portfolio/traces/${id}`)).statusCode, 404);
  });
});
