import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { AppContext } from '../context.ts';
import { runDueJobs } from '../jobs/index.ts';
import { hashSecret } from '../lib/ids.ts';
import { createOrg, createUser } from '../test/factories.ts';
import { sessionCookie, setupTestServer } from '../test/harness.ts';
import { SmtpMailer } from './mailer.ts';
import { notify } from './notify.ts';
import { defaultPreferences, savePreferences } from './preferences.ts';
import { HttpSmsProvider, setSmsProvider, smsNumber } from './sms.ts';

const s = await setupTestServer();

// A real SMTP server in this process: messages arrive over the wire, headers and all.
interface Received {
  to: string;
  raw: string;
}
const inbox: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo)
        inbox.push({ to: r.address, raw: Buffer.concat(chunks).toString('utf8') });
      done();
    });
  },
});
// A local SMS gateway.
const texts: { to: string; text: string; reference: string }[] = [];
let gatewayFails = 0;
const gateway = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (gatewayFails > 0) {
      gatewayFails--;
      res.writeHead(503).end();
      return;
    }
    texts.push(JSON.parse(body));
    res.writeHead(202).end('{}');
  });
});
let ctx: AppContext;

before(async () => {
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const smsPort = (gateway.address() as AddressInfo).port;
  ctx = {
    ...s.ctx,
    mailer: new SmtpMailer({
      ...s.ctx.config,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
      MAIL_FROM: 'Compagnon <no-reply@compagnon.test>',
    }),
  };
  setSmsProvider(new HttpSmsProvider({ url: `http://127.0.0.1:${smsPort}/sms` }));
});
after(async () => {
  setSmsProvider(undefined);
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise<void>((r) => gateway.close(() => r()));
});

const MONDAY_10_PARIS = new Date('2026-11-16T09:00:00Z');
const notice = (userId: string, key: string, kind: 'alert' | 'message' | 'reminder' = 'alert') => ({
  userId,
  orgId: null,
  kind,
  key,
  link: '/programmes/p1/suivi',
  content: {
    fr: { title: `Suivi : Interne ${key}`, body: 'Aucun contact depuis 120 jours.' },
    en: { title: `Follow-up: resident ${key}`, body: 'No contact for 120 days.' },
  },
});
const received = (email: string) => inbox.filter((m) => m.to === email);
/** Unfolds headers and decodes quoted-printable bodies enough to read them. */
const readable = (raw: string) =>
  raw
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/=\r\n/g, '')
    .replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'))
    .replace(/\r\n/g, '\n');

async function person(locale: 'fr' | 'en', phone?: string) {
  const org = await createOrg(s.ctx);
  const u = await createUser(s.ctx, org, { phone });
  await s.db.updateTable('users').set({ locale }).where('id', '=', u.id).execute();
  return u;
}

describe('e-mail over SMTP', () => {
  test('a notice arrives in French with a plain-text part, an HTML part and List-Unsubscribe; twice sent, once received', async () => {
    const u = await person('fr');
    await notify(s.db, notice(u.id, 'a1'), MONDAY_10_PARIS);
    await notify(s.db, notice(u.id, 'a1'), MONDAY_10_PARIS);
    await runDueJobs(ctx, { now: MONDAY_10_PARIS });
    await runDueJobs(ctx, { now: new Date(MONDAY_10_PARIS.getTime() + 3_600_000) });
    const mails = received(u.email);
    assert.equal(mails.length, 1);
    // Headers as sent (unfolded, not decoded: a token may hold "=4F"), the body decoded.
    const raw = (mails[0]?.raw ?? '').replace(/\r\n[ \t]/g, ' ').replace(/\r\n/g, '\n');
    assert.match(raw, /^From: Compagnon <no-reply@compagnon\.test>/m);
    assert.match(raw, /^Content-Type: multipart\/alternative/m);
    assert.match(raw, /Content-Type: text\/plain; charset=utf-8/);
    assert.match(raw, /Content-Type: text\/html; charset=utf-8/);
    assert.match(
      raw,
      /^List-Unsubscribe: <http:\/\/compagnon\.test\/api\/notifications\/unsubscribe\?token=[\w-]+>/m,
    );
    assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    assert.match(raw, /^Message-ID: <[\w-]+@compagnon\.notify>/m);
    const text = readable(mails[0]?.raw ?? '');
    assert.match(text, /Bonjour Personne/);
    assert.match(text, /Aucun contact depuis 120 jours\./);
    assert.match(text, /Ouvrir dans Compagnon : http:\/\/compagnon\.test\/programmes\/p1\/suivi/);
    // In-app too, once.
    const inapp = await s.db.selectFrom('notifications').select('id').where('user_id', '=', u.id).execute();
    assert.equal(inapp.length, 1);
  });

  test('in English for an English-speaking person', async () => {
    const u = await person('en');
    await notify(s.db, notice(u.id, 'b1'), MONDAY_10_PARIS);
    await runDueJobs(ctx, { now: MONDAY_10_PARIS });
    const text = readable(received(u.email)[0]?.raw ?? '');
    assert.match(text, /Hello Personne/);
    assert.match(text, /No contact for 120 days\./);
    assert.match(text, /Open in Compagnon: http:\/\/compagnon\.test/);
    assert.match(text, /Stop receiving e-mails: http:\/\/compagnon\.test\/api\/notifications\/unsubscribe/);
  });

  test('quiet hours hold e-mails until morning; in-app shows at once', async () => {
    const u = await person('fr');
    const night = new Date('2026-11-16T22:30:00Z'); // 23:30 in Paris
    await notify(s.db, notice(u.id, 'q1'), night);
    await runDueJobs(ctx, { now: night });
    assert.equal(received(u.email).length, 0);
    assert.equal(
      (await s.db.selectFrom('notifications').select('id').where('user_id', '=', u.id).execute()).length,
      1,
    );
    await runDueJobs(ctx, { now: new Date('2026-11-17T06:20:00Z') }); // 07:20 in Paris
    assert.equal(received(u.email).length, 0);
    await runDueJobs(ctx, { now: new Date('2026-11-17T06:31:00Z') }); // 07:31
    assert.equal(received(u.email).length, 1);
    assert.equal(
      (await s.db.selectFrom('notifications').select('id').where('user_id', '=', u.id).execute()).length,
      1,
    );
  });

  test('the weekly digest groups alerts and messages into one e-mail on the chosen day; reminders stay individual', async () => {
    const u = await person('fr');
    await savePreferences(
      s.db,
      u.id,
      { ...defaultPreferences(), digest: 'weekly', digestDay: 5 },
      MONDAY_10_PARIS,
    );
    await notify(s.db, notice(u.id, 'd1'), MONDAY_10_PARIS);
    await notify(s.db, notice(u.id, 'd2'), MONDAY_10_PARIS);
    await notify(s.db, notice(u.id, 'd3', 'message'), new Date('2026-11-17T09:00:00Z'));
    await notify(s.db, notice(u.id, 'd4', 'reminder'), new Date('2026-11-17T09:00:00Z'));
    await runDueJobs(ctx, { now: new Date('2026-11-17T09:00:00Z') });
    assert.equal(received(u.email).length, 1, 'only the reminder goes out at once');
    assert.match(readable(received(u.email)[0]?.raw ?? ''), /Interne d4/);
    await runDueJobs(ctx, { now: new Date('2026-11-20T06:00:00Z') }); // Friday 07:00: too early
    assert.equal(received(u.email).length, 1);
    await runDueJobs(ctx, { now: new Date('2026-11-20T08:00:00Z') }); // Friday 09:00
    await runDueJobs(ctx, { now: new Date('2026-11-20T10:00:00Z') });
    const mails = received(u.email);
    assert.equal(mails.length, 2, 'one digest, whatever the number of sweeps');
    const digest = readable(mails[1]?.raw ?? '');
    assert.match(digest, /Subject: (=\?UTF-8\?Q\?)?Votre[ _]résumé[ _]de[ _]la[ _]semaine/);
    assert.match(
      digest,
      /Suivi des binômes\n-+\n• Suivi : Interne d1[\s\S]*• Suivi : Interne d2[\s\S]*Messages\n-+\n• Suivi : Interne d3/,
    );
    assert.doesNotMatch(digest, /Interne d4/);
    // The next week starts empty.
    await runDueJobs(ctx, { now: new Date('2026-11-27T08:00:00Z') });
    assert.equal(received(u.email).length, 2);
  });

  test('unsubscribing from the e-mail link stops e-mails, not in-app notices', async () => {
    const u = await person('fr');
    await notify(s.db, notice(u.id, 'u1'), MONDAY_10_PARIS);
    await runDueJobs(ctx, { now: MONDAY_10_PARIS });
    // The header is one line: the link is read exactly as a mail client reads it.
    const link = /^List-Unsubscribe: <http:\/\/compagnon\.test(\/api\/[^>\s]+)>\r?$/m.exec(
      received(u.email)[0]?.raw ?? '',
    )?.[1];
    assert.ok(link);
    const page = await s.app.inject({ method: 'GET', url: link });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Confirmer/);
    const stillOn = await s.db
      .selectFrom('notification_prefs')
      .select('email_off')
      .where('user_id', '=', u.id)
      .executeTakeFirst();
    assert.equal(stillOn?.email_off, 0, 'opening the link changes nothing');
    // The link's secret is kept only as a hash: no column holds it in clear.
    const secret = new URL(link, 'http://x').searchParams.get('token') as string;
    const clear = await s.db.selectFrom('tokens').select('id').where('token_hash', '=', secret).execute();
    const hashed = await s.db
      .selectFrom('tokens')
      .select('kind')
      .where('token_hash', '=', hashSecret(secret))
      .execute();
    const prefs = await s.db
      .selectFrom('notification_prefs')
      .select('unsubscribe_token')
      .where('user_id', '=', u.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [clear.length, hashed, prefs.unsubscribe_token === secret],
      [0, [{ kind: 'unsubscribe' }], false],
    );
    const done = await s.app.inject({ method: 'POST', url: link });
    assert.equal(done.statusCode, 200);
    await notify(s.db, notice(u.id, 'u2'), MONDAY_10_PARIS);
    await runDueJobs(ctx, { now: MONDAY_10_PARIS });
    assert.equal(received(u.email).length, 1);
    assert.equal(
      (await s.db.selectFrom('notifications').select('id').where('user_id', '=', u.id).execute()).length,
      2,
    );
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/notifications/unsubscribe?token=not-a-real-token',
    });
    assert.equal(unknown.statusCode, 404);
    // A link sent before links were per e-mail: its per-person token, now kept hashed, still works.
    const before = await person('fr');
    await savePreferences(s.db, before.id, defaultPreferences(), MONDAY_10_PARIS);
    await s.db
      .updateTable('notification_prefs')
      .set({ unsubscribe_token: hashSecret('an-old-per-person-token') })
      .where('user_id', '=', before.id)
      .execute();
    const old = await s.app.inject({
      method: 'POST',
      url: '/api/notifications/unsubscribe?token=an-old-per-person-token',
    });
    assert.equal(old.statusCode, 200);
  });
});

describe('SMS through the HTTP gateway', () => {
  test('numbers are validated: mobiles in E.164, landlines and nonsense refused', () => {
    assert.equal(smsNumber('06 12 34 56 78'), '+33612345678');
    assert.equal(smsNumber('+44 7911 123456'), '+447911123456');
    assert.equal(smsNumber('01 23 45 67 89'), null);
    assert.equal(smsNumber('12'), null);
    assert.equal(smsNumber(null), null);
  });

  test('a person who chose SMS for alerts gets one text, retried when the gateway fails, never twice', async () => {
    const u = await person('fr', '06 55 66 77 88');
    const cookie = await sessionCookie(s.ctx, u.id);
    const prefs = {
      ...defaultPreferences(),
      channels: { ...defaultPreferences().channels, alert: ['inapp', 'sms'] },
    };
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: { cookie },
      payload: prefs,
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().phoneForSms, true);
    gatewayFails = 1;
    await notify(s.db, notice(u.id, 's1'), MONDAY_10_PARIS);
    await runDueJobs(ctx, { now: MONDAY_10_PARIS });
    assert.equal(texts.filter((t) => t.to === '+33655667788').length, 0);
    await runDueJobs(ctx, { now: new Date(MONDAY_10_PARIS.getTime() + 60_000) });
    await runDueJobs(ctx, { now: new Date(MONDAY_10_PARIS.getTime() + 120_000) });
    const mine = texts.filter((t) => t.to === '+33655667788');
    assert.equal(mine.length, 1);
    assert.match(
      mine[0]?.text ?? '',
      /^Compagnon : Suivi : Interne s1\. http:\/\/compagnon\.test\/programmes\/p1\/suivi$/,
    );
    assert.equal(received(u.email).length, 0, 'SMS instead of e-mail, as chosen');
  });

  test('choosing SMS without a mobile number is refused and nothing changes', async () => {
    const u = await person('fr', '01 23 45 67 89');
    const cookie = await sessionCookie(s.ctx, u.id);
    const prefs = { ...defaultPreferences(), channels: { ...defaultPreferences().channels, alert: ['sms'] } };
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: { cookie },
      payload: prefs,
    });
    assert.equal(put.statusCode, 400);
    assert.equal(put.json().error.code, 'phone_required_for_sms');
    const row = await s.db
      .selectFrom('notification_prefs')
      .select('user_id')
      .where('user_id', '=', u.id)
      .executeTakeFirst();
    assert.equal(row, undefined);
  });
});
