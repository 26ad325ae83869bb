import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import yauzl from 'yauzl';
import { newId } from '../../lib/ids.ts';
import { caller, desDepartment } from '../../test/factories-portfolio.ts';
import { setupTestServer } from '../../test/harness.ts';
import { purgeExpired } from '../retention/purge.ts';
import { erasePerson } from '../rights/erase.ts';

const s = await setupTestServer();
// Monday 16 November 2026, 10:00 in Paris.
const NOW = new Date('2026-11-16T09:00:00Z');

const call = caller(s);

/** A DES programme: a coordinator, a tutor, another tutor, a DES1 resident paired with the tutor. */
async function department() {
  const d = await desDepartment(s, {
    now: NOW,
    tutorName: 'Dr Gérard Lefèvre',
    otherTutor: true,
    residents: ['Éloïse Darcourt-Nabet'],
  });
  const resident = d.residents[0] as (typeof d.residents)[number];
  const base = `/api/programmes/${d.programme.id}/portfolio/residents/${resident.id}`;
  return { ...d, resident, base };
}
type D = Awaited<ReturnType<typeof department>>;

/** The resident writes and sends their RSCA; the tutor comments, then validates it with two levels. */
async function validatedRsca(d: D) {
  const plan = await call(d.resident, 'GET', d.base);
  assert.equal(plan.statusCode, 200, plan.body);
  const rsca = (plan.json().traces as Array<{ id: string; typeId: string }>).find((t) => t.typeId === 'rsca');
  assert.ok(rsca);
  const url = `/api/portfolio/traces/${rsca.id}`;
  const saved = await call(d.resident, 'PUT', `${url}/draft`, {
    title: 'Une annonce difficile',
    body: '## Situation\nUne patiente de **82 ans** apprend son diagnostic.\n\n- première idée\n- seconde idée',
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal((await call(d.resident, 'POST', `${url}/submit`)).statusCode, 200);
  const version = await s.db
    .selectFrom('portfolio_versions')
    .select('id')
    .where('trace_id', '=', rsca.id)
    .executeTakeFirstOrThrow();
  await s.db
    .insertInto('portfolio_attachments')
    .values({
      id: newId(),
      version_id: version.id,
      filename: 'schéma.png',
      mime: 'image/png',
      size: 12,
      data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]),
      created_at: NOW.toISOString(),
    })
    .execute();
  const comment = await call(d.tutor, 'POST', `${url}/messages`, { body: 'Belle réflexion sur l’annonce.' });
  assert.equal(comment.statusCode, 200, comment.body);
  const validated = await call(d.tutor, 'POST', `${url}/validate`, {
    competencies: [
      { id: 'relation', level: 'intermediate' },
      { id: 'approche-globale', level: 'novice' },
    ],
  });
  assert.equal(validated.statusCode, 200, validated.body);
  return rsca.id;
}

async function pdfText(bytes: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'synthese-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The entries of a ZIP and their bytes, read back with yauzl. */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('end-of-phase synthesis', () => {
  test('the draft is drawn from the validated traces and the levels recorded, against the phase', async () => {
    const d = await department();
    await validatedRsca(d);
    const res = await call(d.tutor, 'GET', `${d.base}/syntheses/socle`);
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json();
    assert.equal(view.saved, false);
    assert.equal(view.version, 0);
    assert.equal(view.can.edit, true);
    assert.equal(view.can.sign, false);
    const body: string = view.body;
    // Socle: two semesters, one RSCA each; two learning traces each; one complementary per phase.
    assert.match(body, /^# Synthèse de fin de phase — Phase socle \(DES1\)/);
    assert.match(body, /- RSCA \(récit de situation complexe authentique\) : 1 validée sur 2 attendues/);
    assert.match(body, /- Trace d’apprentissage : 0 validée sur 4 attendues/);
    assert.match(body, /- Validation d’apprentissages complémentaires : 0 validée sur 1 attendue/);
    assert.match(
      body,
      /- Une annonce difficile \(RSCA \(récit de situation complexe authentique\), 2026-2027 S1\)/,
    );
    assert.match(
      body,
      /- Relation, communication, approche centrée patient : dernier niveau noté intermédiaire \(le 16 novembre 2026\) ; attendu en fin de phase : novice — atteint/,
    );
    assert.match(body, /- Premier recours, urgences : pas encore évaluée ; attendu en fin de phase : novice/);
    assert.match(body, /## Plan et remarques\n/);
    // The resident reads the same draft; nobody else learns it exists.
    assert.equal((await call(d.resident, 'GET', `${d.base}/syntheses/socle`)).json().body, body);
    for (const who of [d.coordinator, d.otherTutor])
      assert.equal((await call(who, 'GET', `${d.base}/syntheses/socle`)).statusCode, 404);
    assert.equal((await call(d.tutor, 'GET', `${d.base}/syntheses/nowhere`)).statusCode, 404);
  });

  test('each signature names a version; a change of the text clears both; the PDF prints them', async () => {
    const d = await department();
    await validatedRsca(d);
    const url = `${d.base}/syntheses/socle`;
    const early = await call(d.resident, 'POST', `${url}/sign`, { name: d.resident.name, consent: true });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'synthesis_not_saved');
    assert.equal((await call(d.resident, 'PUT', url, { body: '# Ma synthèse' })).statusCode, 403);

    const draft = (await call(d.tutor, 'GET', url)).json().body as string;
    const first = await call(d.tutor, 'PUT', url, { body: `${draft}Poursuivre les RSCA au fil du stage.\n` });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().version, 1);
    assert.equal(first.json().saved, true);

    const wrongName = await call(d.resident, 'POST', `${url}/sign`, { name: 'Quelqu’un', consent: true });
    assert.equal(wrongName.statusCode, 400);
    assert.equal(wrongName.json().error.code, 'signature_name');
    const noConsent = await call(d.resident, 'POST', `${url}/sign`, {
      name: d.resident.name,
      consent: false,
    });
    assert.equal(noConsent.json().error.code, 'signature_consent');
    // Case and accents do not matter.
    const signed = await call(d.resident, 'POST', `${url}/sign`, {
      name: 'eloise darcourt nabet',
      consent: true,
    });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.deepEqual(signed.json().signatures.resident, {
      name: 'eloise darcourt nabet',
      at: NOW.toISOString(),
      version: 1,
    });
    assert.equal(signed.json().can.sign, false);

    // The tutor changes the text: version 2, the resident's signature no longer counts.
    s.clock.set(new Date(NOW.getTime() + 3_600_000));
    const second = await call(d.tutor, 'PUT', url, {
      body: `${draft}Poursuivre les RSCA ; viser l’autonomie.\n`,
    });
    assert.equal(second.json().version, 2);
    assert.equal(second.json().signatures.resident, null);
    const row = await s.db.selectFrom('portfolio_syntheses').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.resident_signed_version, null);
    // The same text again is no new version.
    assert.equal((await call(d.tutor, 'PUT', url, { body: second.json().body })).json().version, 2);
    // A signature of the version read before the change is refused.
    const stale = await call(d.resident, 'POST', `${url}/sign`, {
      name: d.resident.name,
      consent: true,
      version: 1,
    });
    assert.equal(stale.json().error.code, 'synthesis_changed');

    assert.equal(
      (await call(d.resident, 'POST', `${url}/sign`, { name: d.resident.name, consent: true, version: 2 }))
        .statusCode,
      200,
    );
    // "Dr" or not, the tutor's name.
    const both = await call(d.tutor, 'POST', `${url}/sign`, { name: 'GERARD LEFEVRE', consent: true });
    assert.equal(both.statusCode, 200, both.body);
    assert.equal(both.json().signedByBoth, true);
    assert.equal(
      (await call(d.tutor, 'POST', `${url}/sign`, { name: 'Gérard Lefèvre', consent: true })).json().error
        .code,
      'synthesis_already_signed',
    );

    const pdf = await call(d.resident, 'GET', `${url}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = await pdfText(pdf.rawPayload);
    assert.match(text, /Synthèse de fin de phase/);
    assert.match(text, /Version 2/);
    assert.match(text, new RegExp(both.json().bodyHash));
    assert.match(text, /viser l’autonomie/);
    // Signed at 11:00 in Paris (10:00 UTC), in the organisation's zone.
    assert.match(text, /GERARD LEFEVRE, signé le 16 nov\. 2026, 11:00 \(version 2\)/);
    assert.match(text, /Éloïse Darcourt-Nabet, signé le 16 nov\. 2026, 11:00 \(version 2\)/);
    assert.doesNotMatch(text, /pas encore signé/);
  });

  test('the coordination sees who signed, and gets the PDF of a co-signed synthesis only', async () => {
    const d = await department();
    await validatedRsca(d);
    const url = `${d.base}/syntheses/socle`;
    const list = `/api/programmes/${d.programme.id}/portfolio/syntheses`;
    await call(d.tutor, 'PUT', url, { body: '# Synthèse\n\nUn texte confidentiel du tutorat.' });
    await call(d.tutor, 'POST', `${url}/sign`, { name: d.tutor.name, consent: true });
    const before = await call(d.coordinator, 'GET', list);
    assert.equal(before.statusCode, 200, before.body);
    assert.deepEqual(before.json(), [
      {
        resident: { id: d.resident.id, name: d.resident.name },
        phaseId: 'socle',
        version: 1,
        signedByBoth: false,
        tutorSignedAt: NOW.toISOString(),
        residentSignedAt: null,
      },
    ]);
    assert.ok(!before.body.includes('confidentiel'));
    assert.equal((await call(d.coordinator, 'GET', `${url}/pdf`)).statusCode, 404);
    assert.equal((await call(d.otherTutor, 'GET', `${url}/pdf`)).statusCode, 404);
    assert.equal((await call(d.tutor, 'GET', list)).statusCode, 404);

    await call(d.resident, 'POST', `${url}/sign`, { name: d.resident.name, consent: true });
    const after = (await call(d.coordinator, 'GET', list)).json();
    assert.equal(after[0].signedByBoth, true);
    const pdf = await call(d.coordinator, 'GET', `${url}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.match(await pdfText(pdf.rawPayload), /Un texte confidentiel du tutorat/);
    const read = await s.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', d.coordinator.id)
      .where('action', '=', 'portfolio.read')
      .execute();
    assert.equal(read.length, 1);
    // Still nothing but the status through the JSON route.
    assert.equal((await call(d.coordinator, 'GET', url)).statusCode, 404);
  });
});

describe('the resident’s ZIP', () => {
  test('one folder per trace with its PDF and files, the syntheses, the index; for the resident only', async () => {
    const d = await department();
    await validatedRsca(d);
    const url = `${d.base}/syntheses/socle`;
    await call(d.tutor, 'PUT', url, { body: '# Synthèse\n\nBilan de la phase socle.' });
    const res = await call(d.resident, 'GET', `${d.base}/export.zip`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(
      String(res.headers['content-disposition']),
      /portfolio-eloise-darcourt-nabet-2026-11-16\.zip/,
    );
    const entries = await unzip(res.rawPayload);
    const names = [...entries.keys()];
    const traces = await s.db
      .selectFrom('portfolio_traces')
      .select('id')
      .where('resident_id', '=', d.resident.id)
      .execute();
    assert.equal(names.filter((n) => n.endsWith('/trace.pdf')).length, traces.length);
    const folder = names.find((n) => /^traces\/\d\d-une-annonce-difficile\/trace\.pdf$/.test(n));
    assert.ok(folder, names.join(', '));
    const dir = folder.replace('/trace.pdf', '');
    assert.ok(names.includes(`${dir}/schéma.png`));
    assert.equal(entries.get(`${dir}/schéma.png`)?.length, 12);
    assert.ok(names.includes('syntheses/synthese-socle.pdf'));
    assert.ok(names.includes('index.csv'));
    const trace = await pdfText(entries.get(folder) as Buffer);
    assert.match(trace, /Une annonce difficile/);
    assert.match(trace, /Une patiente de 82 ans apprend son diagnostic/);
    assert.match(trace, /Belle réflexion sur l’annonce/);
    assert.match(trace, /Dr Gérard Lefèvre, le 16 nov\. 2026/);
    const index = (entries.get('index.csv') as Buffer).toString('utf8');
    assert.match(index, /"Titre";"Type"/);
    assert.match(index, /"Une annonce difficile";.*"validée"/);
    assert.equal(index.split('\r\n').length, traces.length + 1);

    assert.equal((await call(d.tutor, 'GET', `${d.base}/export.zip`)).statusCode, 403);
    assert.equal((await call(d.coordinator, 'GET', `${d.base}/export.zip`)).statusCode, 404);
  });
});

describe('the portfolio in data rights', () => {
  test('export, erasure of the resident and of the tutor, and retention after leaving', async () => {
    const d = await department();
    const traceId = await validatedRsca(d);
    const url = `${d.base}/syntheses/socle`;
    await call(d.tutor, 'PUT', url, { body: '# Synthèse\n\nBilan.' });
    await call(d.tutor, 'POST', `${url}/sign`, { name: d.tutor.name, consent: true });
    const mine = (await call(d.resident, 'GET', '/api/me/data/export.json')).json().portfolio;
    const rsca = mine.traces.find((t: { title: string }) => t.title === 'Une annonce difficile');
    assert.match(rsca.versions[0].text, /82 ans/);
    assert.deepEqual(rsca.versions[0].files, ['schéma.png']);
    assert.equal(rsca.thread.find((m: { kind: string }) => m.kind === 'comment').author, d.tutor.name);
    assert.equal(mine.ratings.length, 2);
    assert.equal(mine.syntheses[0].tutorSignature.name, d.tutor.name);
    const theirs = (await call(d.tutor, 'GET', '/api/me/data/export.json')).json().portfolio;
    assert.equal(theirs.traces.length, 0);
    assert.equal(
      theirs.reviewsWritten.find((m: { kind: string }) => m.kind === 'comment').text,
      'Belle réflexion sur l’annonce.',
    );
    assert.equal(theirs.synthesesSigned.length, 1);
    const pdf = await call(d.resident, 'GET', '/api/me/data/export.pdf');
    assert.match(await pdfText(pdf.rawPayload), /Portfolio/);

    // The tutor is erased: the resident's portfolio stays, with no trace of who reviewed it.
    await s.db.transaction().execute((trx) => erasePerson(trx, d.tutor.id, s.clock.now()));
    const message = await s.db
      .selectFrom('portfolio_messages')
      .select(['author_id', 'body'])
      .where('trace_id', '=', traceId)
      .where('kind', '=', 'comment')
      .executeTakeFirstOrThrow();
    assert.deepEqual(message, { author_id: null, body: 'Belle réflexion sur l’annonce.' });
    const synthesis = await s.db
      .selectFrom('portfolio_syntheses')
      .selectAll()
      .where('resident_id', '=', d.resident.id)
      .executeTakeFirstOrThrow();
    assert.equal(synthesis.tutor_id, null);
    assert.equal(synthesis.tutor_signed_name, 'Personne supprimée');
    const ratings = await s.db
      .selectFrom('competency_ratings')
      .select('rated_by')
      .where('resident_id', '=', d.resident.id)
      .execute();
    assert.deepEqual(
      ratings.map((r) => r.rated_by),
      [null, null],
    );

    // The resident is erased: their portfolio goes whole.
    await s.db.transaction().execute((trx) => erasePerson(trx, d.resident.id, s.clock.now()));
    const left = async (table: 'portfolio_traces' | 'competency_ratings' | 'portfolio_syntheses') =>
      (await s.db.selectFrom(table).select('id').where('resident_id', '=', d.resident.id).execute()).length;
    assert.deepEqual(
      [await left('portfolio_traces'), await left('competency_ratings'), await left('portfolio_syntheses')],
      [0, 0, 0],
    );
    for (const table of ['portfolio_versions', 'portfolio_messages'] as const)
      assert.equal(
        (await s.db.selectFrom(table).select('id').where('trace_id', '=', traceId).execute()).length,
        0,
      );
  });

  test('a resident who left the programme keeps a portfolio as long as ended pairs’ records, then not', async () => {
    const d = await department();
    await validatedRsca(d);
    const count = async () =>
      (
        await s.db
          .selectFrom('portfolio_traces')
          .select('id')
          .where('resident_id', '=', d.resident.id)
          .execute()
      ).length;
    const traces = await count();
    assert.ok(traces > 0);
    await s.db
      .updateTable('memberships')
      .set({ ended_at: '2026-11-20T09:00:00.000Z' })
      .where('user_id', '=', d.resident.id)
      .execute();
    // 36 months by default: a day short, everything stays; a day past, the portfolio goes.
    assert.equal((await purgeExpired(s.db, new Date('2029-11-19T09:00:00Z'))).portfolio, 0);
    assert.equal(await count(), traces);
    const purged = await purgeExpired(s.db, new Date('2029-11-21T09:00:00Z'));
    assert.ok(purged.portfolio >= traces + 2);
    assert.equal(await count(), 0);
    assert.equal(
      (
        await s.db
          .selectFrom('competency_ratings')
          .select('id')
          .where('resident_id', '=', d.resident.id)
          .execute()
      ).length,
      0,
    );
  });
});
