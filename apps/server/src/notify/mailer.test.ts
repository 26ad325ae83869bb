import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../config.ts';
import { mailerFor } from './mailer.ts';

// Without SMTP, e-mails go to the log. A link in an e-mail signs its holder in (or answers a poll,
// accepts an invitation): in production the log says a mail was not sent, never what it said.

const mail = {
  to: 'interne@example.org',
  subject: 'Votre lien de connexion',
  text: 'Ouvrez https://compagnon.example.org/connexion/lien?token=S3cr3tS3cr3tS3cr3t pour vous connecter.',
};

function logOf(env: Record<string, string>) {
  const lines: string[] = [];
  const config = loadConfig({ DEMO: 'off', ...env } as NodeJS.ProcessEnv);
  return { mailer: mailerFor(config, (l) => lines.push(l)), lines };
}

test('in production without SMTP, the log names the recipient and subject but keeps no link', async () => {
  const { mailer, lines } = logOf({ NODE_ENV: 'production' });
  await mailer.send(mail);
  const log = lines.join('\n');
  assert.match(log, /not sent/i);
  assert.match(log, /interne@example\.org/);
  assert.match(log, /Votre lien de connexion/);
  assert.equal(log.includes('S3cr3t'), false, log);
  assert.equal(log.includes('pour vous connecter'), false, log);
});

test('in development, the whole e-mail is in the log, so a local instance needs no mail server', async () => {
  const { mailer, lines } = logOf({ NODE_ENV: 'development' });
  await mailer.send(mail);
  assert.match(lines.join('\n'), /token=S3cr3tS3cr3tS3cr3t/);
});
