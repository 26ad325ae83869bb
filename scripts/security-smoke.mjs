#!/usr/bin/env node
// Replays the attacks of the security review against a running server and checks each is held:
// a calendar built to freeze the server (H3), a forged X-Forwarded-For (M2), sign-in timing that
// tells which e-mails have accounts (M3), calendar subscriptions aimed at internal addresses (M6),
// empty updates that used to answer 500 (L1), a mutation from a foreign site (L2) and the security
// headers (L3).
//
//   node scripts/security-smoke.mjs                 starts its own server (fresh database, demo data)
//   node scripts/security-smoke.mjs http://host:port   against a running server with the demo data
//                                                      (a development server: demo data never exists
//                                                      in production)
//
// Exits 0 when every check holds, 1 otherwise, printing one line per check.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typescriptArgs } from './typescript.mjs';

const root = new URL('..', import.meta.url).pathname;
const DEMO_PASSWORD = 'demo-compagnon';
const COORDINATOR = 'coordination@dmg.demo';
const RESIDENT = 'interne1@dmg.demo';

const results = [];
function check(name, ok, detail) {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'compagnon-smoke-'));
  const child = spawn(process.execPath, [...typescriptArgs, 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      // Demo data exists outside production only; the production-only behaviours (HSTS, API docs
      // off) are covered by the server's tests.
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO: 'on',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // Wait for the state (the health route answering), not for a duration.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function client(base) {
  let cookie = '';
  const call = async (method, path, body, headers = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        origin: base,
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      redirect: 'manual',
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, headers: res.headers, json, text };
  };
  return {
    call,
    signIn: async (email) => {
      const r = await call('POST', '/api/auth/sign-in', { email, password: DEMO_PASSWORD });
      if (r.status !== 200) throw new Error(`sign-in as ${email}: ${r.status} ${r.text}`);
    },
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const given = process.argv[2];
  const server = given ? { base: given.replace(/\/$/, ''), stop: async () => {} } : await startServer();
  const { base } = server;
  console.log(`Security smoke test against ${base}`);
  try {
    // L3: security headers on the web app and the API.
    const home = await fetch(`${base}/`);
    const csp = home.headers.get('content-security-policy') ?? '';
    check(
      'L3 content security policy without inline script, no framing',
      /script-src 'self'/.test(csp) &&
        !/script-src[^;]*'unsafe-inline'/.test(csp) &&
        /frame-ancestors 'none'/.test(csp),
      csp.slice(0, 120),
    );
    check('L3 nosniff', home.headers.get('x-content-type-options') === 'nosniff');
    check('L3 referrer policy', /no-referrer|same-origin/.test(home.headers.get('referrer-policy') ?? ''));
    const hsts = home.headers.get('strict-transport-security');
    if (process.argv[2]) check('L3 HSTS (production)', !!hsts, hsts ?? 'absent');

    // L2: a bodiless text/plain POST from another site.
    const foreign = await fetch(`${base}/api/auth/sign-out`, {
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'content-type': 'text/plain' },
    });
    check('L2 mutation from a foreign origin refused', foreign.status === 403, `→ ${foreign.status}`);

    // M2: a forged X-Forwarded-For does not open a new rate-limit bucket.
    const limited = async (xff) => {
      const r = await fetch(`${base}/api/health`, { headers: { 'x-forwarded-for': xff } });
      return Number(r.headers.get('x-ratelimit-remaining'));
    };
    const a = await limited('203.0.113.7');
    const b = await limited('198.51.100.9');
    check(
      'M2 X-Forwarded-For from a client is not believed',
      Number.isFinite(a) && Number.isFinite(b) && b < a,
      `remaining ${a} then ${b} with two forged addresses`,
    );

    // M3: unknown e-mails take the same password work as known ones.
    const anon = client(base);
    const timeSignIn = async (email) => {
      const t = performance.now();
      await anon.call('POST', '/api/auth/sign-in', { email, password: 'not the password at all' });
      return performance.now() - t;
    };
    const known = [];
    const unknown = [];
    const knownEmails = ['tuteur2@dmg.demo', 'tuteur3@dmg.demo', 'interne3@dmg.demo'];
    for (let i = 0; i < 3; i++) {
      known.push(await timeSignIn(knownEmails[i]));
      unknown.push(await timeSignIn(`nobody-${i}-${Date.now()}@nowhere.example`));
    }
    const ratio = median(known) / median(unknown);
    check(
      'M3 sign-in of an unknown e-mail costs the same as a known one',
      ratio > 0.33 && ratio < 3,
      `median ${median(known).toFixed(0)} ms known vs ${median(unknown).toFixed(0)} ms unknown`,
    );

    // Signed-in checks: a resident and a coordinator of the demo department.
    const resident = client(base);
    await resident.signIn(RESIDENT);
    const me = await resident.call('GET', '/api/me');
    const orgId = me.json?.organisations?.[0]?.id;
    if (!orgId) throw new Error('the demo resident belongs to no organisation');

    // L1: empty updates answer 400, not 500.
    const emptyMe = await resident.call('PATCH', '/api/me', {});
    check('L1 PATCH /api/me {} → 400', emptyMe.status === 400, `→ ${emptyMe.status}`);
    const coord = client(base);
    await coord.signIn(COORDINATOR);
    const coordMe = await coord.call('GET', '/api/me');
    const programmeId = coordMe.json?.memberships?.find((m) => m.role === 'coordinator')?.programme.id;
    if (programmeId) {
      const emptyProgramme = await coord.call('PATCH', `/api/programmes/${programmeId}`, {});
      check(
        'L1 PATCH /api/programmes/:id {} → 400',
        emptyProgramme.status === 400,
        `→ ${emptyProgramme.status}`,
      );
    } else check('L1 PATCH /api/programmes/:id {} → 400', false, 'no programme found for the coordinator');

    // M6: subscriptions to internal addresses all get one and the same refusal.
    const targets = [
      'http://127.0.0.1:5432/',
      'http://localhost/',
      'http://10.0.0.1/cal.ics',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://2130706433/',
      'http://0x7f.1/',
    ];
    const answers = [];
    for (const url of targets) {
      const r = await resident.call('POST', `/api/orgs/${orgId}/availability/calendars`, {
        kind: 'url',
        label: 'Agenda',
        url,
      });
      answers.push({
        url,
        status: r.status,
        code: r.json?.error?.code ?? null,
        message: r.json?.error?.message,
      });
    }
    const first = answers[0];
    check(
      'M6 internal addresses refused, one answer for all',
      answers.every((x) => x.status >= 400 && x.status < 500) &&
        answers.every(
          (x) => x.status === first.status && x.code === first.code && x.message === first.message,
        ),
      answers.map((x) => `${x.url} → ${x.status} ${x.code}`).join(', '),
    );

    // H3: a small calendar of minutely series is refused clearly while the server keeps answering.
    const events = Array.from(
      { length: 20 },
      (_, i) =>
        `BEGIN:VEVENT\r\nUID:flood-${i}@smoke\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261201T0${i % 10}0000Z\r\nDTEND:20261201T0${i % 10}0100Z\r\nRRULE:FREQ=MINUTELY;COUNT=49999\r\nSUMMARY:x\r\nEND:VEVENT`,
    ).join('\r\n');
    const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//smoke//EN\r\n${events}\r\nEND:VCALENDAR\r\n`;
    let uploadDone = false;
    let healthDuringUpload = 0;
    let slowestHealth = 0;
    const upload = resident
      .call('POST', `/api/orgs/${orgId}/availability/calendars`, {
        kind: 'upload',
        label: 'Garde',
        text: ics,
      })
      .finally(() => {
        uploadDone = true;
      });
    while (!uploadDone) {
      const t = performance.now();
      const h = await fetch(`${base}/api/health`);
      slowestHealth = Math.max(slowestHealth, performance.now() - t);
      if (h.ok && !uploadDone) healthDuringUpload++;
    }
    const up = await upload;
    check(
      'H3 a flood of minutely repetitions is refused with its reason',
      // Refused at the occurrence cap, or at the time budget when the machine is busy: both say why.
      up.status === 422 &&
        ['calendar_too_many_occurrences', 'calendar_too_long'].includes(up.json?.error?.code),
      `${up.status} ${up.json?.error?.code ?? ''} (${(ics.length / 1024).toFixed(1)} kB): ${up.json?.error?.message ?? ''}`,
    );
    check(
      'H3 the server keeps answering while the calendar is read',
      slowestHealth < 2000,
      `${healthDuringUpload} health answers during the upload, slowest ${slowestHealth.toFixed(0)} ms`,
    );
  } finally {
    await server.stop();
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length}/${results.length} checks hold`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
