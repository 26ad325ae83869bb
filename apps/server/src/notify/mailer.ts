import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (List-Unsubscribe, a stable Message-ID …). */
  headers?: Record<string, string>;
  /** An iCalendar part (`text/calendar; method=…`), which calendar apps show as an invitation. */
  icalEvent?: { method: string; content: string; filename?: string };
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Addresses of the demo organisations (`…@dmg.demo`, `…@cpts.demo`). */
export const isDemoAddress = (address: string) => /@[^@]+\.demo$/i.test(address.trim());

/**
 * Without SMTP settings, e-mails are written to the log so a local instance needs no mail server.
 * Mails to demo accounts (the demo's first start sends dozens) take one line each in development:
 * recipient, subject and the links they carry, enough to follow one. In production the log says
 * that a mail was not sent, to whom and about what, never its text: its links sign people in,
 * accept invitations and answer polls for whoever reads them, and a log is read by more people,
 * and kept longer, than a mailbox.
 */
export class LogMailer implements Mailer {
  private readonly write: (line: string) => void;
  private readonly opts: { bodies: boolean; summariseDemo: boolean };
  constructor(
    write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
    opts: { bodies: boolean; summariseDemo: boolean } = {
      bodies: true,
      summariseDemo: false,
    },
  ) {
    this.write = write;
    this.opts = opts;
  }
  async send(mail: Mail): Promise<void> {
    if (!this.opts.bodies) {
      this.write(`✉  Not sent (no SMTP settings): to ${mail.to} · ${mail.subject}`);
      return;
    }
    if (this.opts.summariseDemo && isDemoAddress(mail.to)) {
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      this.write(`✉  ${mail.to} · ${mail.subject}${links.length ? ` · ${links.join(' ')}` : ''}`);
      return;
    }
    this.write(`\n✉  To: ${mail.to}\n   Subject: ${mail.subject}\n${mail.text.replace(/^/gm, '   ')}\n`);
  }
}

/** Keeps messages in memory: the test harness reads links out of them. */
export class MemoryMailer implements Mailer {
  readonly sent: Mail[] = [];
  async send(mail: Mail): Promise<void> {
    this.sent.push(mail);
  }
  lastTo(address: string): Mail | undefined {
    return this.sent.filter((m) => m.to === address).at(-1);
  }
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  private readonly config: Config;
  constructor(config: Config) {
    this.config = config;
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({
          host: config.SMTP_HOST,
          port: config.SMTP_PORT ?? 587,
          secure: config.SMTP_SECURE === 'true',
          auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
        });
  }
  async send(mail: Mail): Promise<void> {
    // List-* headers carry a URL between angle brackets: emitted as one line, never folded inside the
    // URL (a folded link is one some mail clients cannot open).
    const headers = mail.headers
      ? Object.fromEntries(
          Object.entries(mail.headers).map(([k, v]) =>
            k.toLowerCase().startsWith('list-') ? [k, { prepared: true, value: v }] : [k, v],
          ),
        )
      : undefined;
    await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail, headers });
  }
}

/**
 * SMTP when it is configured, else the log: whole e-mails outside production (development, and the
 * browser specs, which run under NODE_ENV=test and follow the links they read there), a line
 * saying a mail was not sent in production.
 */
export function mailerFor(config: Config, write?: (line: string) => void): Mailer {
  if (config.SMTP_URL || config.SMTP_HOST) return new SmtpMailer(config);
  return new LogMailer(write, {
    bodies: config.NODE_ENV !== 'production',
    summariseDemo: config.NODE_ENV === 'development',
  });
}
