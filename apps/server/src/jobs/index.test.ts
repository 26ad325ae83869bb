import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { jobs } from './index.ts';
import type { JobDefinition } from './registry.ts';

// The runner knows only the jobs of jobs/index.ts. These checks read the server's source so that
// a job defined or enqueued somewhere but missing from the list fails here, not in production
// (where its rows would sit in the table, "no job named …", until they fail).

const src = new URL('..', import.meta.url).pathname;
/** The job machinery itself (its doc comment shows examples; the runner enqueues by variable). */
const machinery = new Set(['jobs/registry.ts', 'jobs/runner.ts', 'jobs/index.ts']);
const sources = readdirSync(src, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .filter((f) => !machinery.has(f.split('\\').join('/')))
  .map((f) => ({
    path: relative(src, join(src, f)),
    // Without comments, so an example in a doc comment is not taken for code.
    code: readFileSync(join(src, f), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, ''),
  }));

const isJob = (v: unknown): v is JobDefinition<unknown> =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as JobDefinition<unknown>).name === 'string' &&
  typeof (v as JobDefinition<unknown>).handler === 'function' &&
  typeof (v as JobDefinition<unknown>).maxAttempts === 'number';

describe('the job list', () => {
  test('every job defined in the source is listed, under a literal name, once', () => {
    const defined: string[] = [];
    for (const f of sources) {
      const calls = f.code.match(/\bdefineJob\s*\(/g)?.length ?? 0;
      const named = [...f.code.matchAll(/\bdefineJob\s*\(\s*(['"])([^'"]+)\1/g)].map((m) => m[2] as string);
      assert.equal(named.length, calls, `${f.path}: every defineJob names its job with a string literal`);
      defined.push(...named);
    }
    assert.ok(defined.length >= 9, `found only ${defined.length} job definitions: is the scan broken?`);
    assert.deepEqual([...defined].sort(), [...jobs.names].sort());
  });

  test('every exported job is the very definition the list holds', async () => {
    const listed = new Set(jobs.names.map((n) => jobs.get(n)));
    for (const f of sources.filter((x) => /\bdefineJob\s*\(/.test(x.code))) {
      const mod: Record<string, unknown> = await import(join(src, f.path));
      for (const [name, value] of Object.entries(mod)) {
        if (isJob(value)) assert.ok(listed.has(value), `${f.path}: ${name} (${value.name}) is not listed`);
      }
    }
  });

  test('every enqueue names a listed job', async () => {
    // The exported names of the listed jobs, as the modules that enqueue them import them.
    const listedExports = new Set<string>();
    for (const f of sources.filter((x) => /\bdefineJob\s*\(/.test(x.code))) {
      const mod: Record<string, unknown> = await import(join(src, f.path));
      for (const [name, value] of Object.entries(mod)) {
        if (isJob(value) && jobs.get(value.name) === value) listedExports.add(name);
      }
    }
    let calls = 0;
    for (const f of sources) {
      const total = f.code.match(/\benqueue\s*\(/g)?.length ?? 0;
      const named = [...f.code.matchAll(/\benqueue\s*\(\s*[\w.]+\s*,\s*([\w$]+)\s*,/g)].map(
        (m) => m[1] as string,
      );
      assert.equal(named.length, total, `${f.path}: enqueue(db, job, …) with the job as a plain name`);
      for (const job of named)
        assert.ok(listedExports.has(job), `${f.path}: enqueues ${job}, which is not listed`);
      calls += total;
    }
    assert.ok(calls >= 5, `found only ${calls} enqueue calls: is the scan broken?`);
  });

  test('e-mails and SMS are sent from job handlers only, never inside a request', () => {
    // Files whose sends all run inside a job handler, through the deliveries ledger.
    const senders = new Set([
      'notify/notify.ts',
      'modules/meetings/polls.ts',
      'modules/meetings/nudges.ts',
      'modules/meetings/invitations.ts',
      'modules/meetings/reminders.ts',
      'modules/auth/mails.ts',
      'modules/rights/jobs.ts',
      'modules/people/invitations.ts',
      'modules/wellbeing/ask.ts',
      'modules/portfolio/link.ts',
      'modules/portfolio/supervisor-link.ts',
      'modules/requests/mails.ts',
      // mailSessionOnce, called by the mail jobs of training sessions and network sessions only.
      'sessions/invitation.ts',
    ]);
    const sending = sources
      .filter((f) => /\bmailer\.send\s*\(|smsProvider\(\)\.send\s*\(/.test(f.code))
      .map((f) => f.path.split('\\').join('/'));
    assert.ok(sending.length >= 4, 'the scan finds the known senders');
    for (const path of sending) assert.ok(senders.has(path), `${path} sends a message outside a job`);
  });

  test('every sweep is a listed job with a period', () => {
    for (const s of jobs.schedules) {
      assert.equal(jobs.get(s.job.name), s.job);
      assert.ok(s.everyMs >= 60_000, s.job.name);
    }
  });
});
