// The full metadata tells mobiles from landlines (a landline cannot receive an SMS).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A text message to one E.164 number. */
export interface Sms {
  to: string;
  text: string;
  /** The same key for a retried message, so a provider that deduplicates can do so. */
  reference: string;
}

export interface SmsProvider {
  send(sms: Sms): Promise<void>;
}

/** Normalises a number to E.164 (French numbers without a prefix); null when it is not a mobile-capable valid number. */
export function smsNumber(input: string | null | undefined): string | null {
  if (!input) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), 'FR');
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  // Landlines cannot receive SMS; an unknown type (some countries) is given the benefit of the doubt.
  if (type && !['MOBILE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER'].includes(type)) return null;
  return parsed.number;
}

/** Without a provider, messages are written to the log (like e-mails), so nothing is lost in development. */
export class LogSmsProvider implements SmsProvider {
  readonly sent: Sms[] = [];
  private readonly write: (line: string) => void;
  constructor(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {
    this.write = write;
  }
  async send(sms: Sms): Promise<void> {
    this.sent.push(sms);
    this.write(`\n✆  SMS to: ${sms.to}\n   ${sms.text}\n`);
  }
}

/**
 * A generic HTTP gateway: POST JSON `{ to, text, reference, from }` to `url` with an optional
 * bearer token; any 2xx is a success, anything else throws (and the job retries). Most SMS
 * gateways accept this shape directly or through a small relay.
 */
export class HttpSmsProvider implements SmsProvider {
  private readonly opts: { url: string; token?: string; from?: string; timeoutMs?: number };
  constructor(opts: { url: string; token?: string; from?: string; timeoutMs?: number }) {
    this.opts = opts;
  }
  async send(sms: Sms): Promise<void> {
    const res = await fetch(this.opts.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}),
      },
      body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference, from: this.opts.from }),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}

let provider: SmsProvider | undefined;

/**
 * The provider of this process: `SMS_HTTP_URL` (+ `SMS_HTTP_TOKEN`, `SMS_FROM`) selects the HTTP
 * gateway, otherwise the log. Tests replace it with `setSmsProvider`.
 */
export function smsProvider(env: NodeJS.ProcessEnv = process.env): SmsProvider {
  provider ??= env.SMS_HTTP_URL
    ? new HttpSmsProvider({ url: env.SMS_HTTP_URL, token: env.SMS_HTTP_TOKEN, from: env.SMS_FROM })
    : new LogSmsProvider();
  return provider;
}

export function setSmsProvider(p: SmsProvider | undefined): void {
  provider = p;
}
