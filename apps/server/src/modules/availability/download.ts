import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Reads a subscribed calendar's address for the server, which must not become a way into the
 * machines around it: only http and https, and only public addresses, checked when each connection
 * is made (the name resolved, every address it gives checked, the connection made to a checked one)
 * and again at every redirect. Whatever goes wrong — an address refused, a name that does not
 * resolve, a refused connection, a timeout, an error status, a body too large or not a calendar —
 * the caller gets the same {@link CalendarDownloadError}, so the answer says nothing about what
 * lies at an address.
 */

/** How a host name is resolved: every address it has (tests inject their own). */
export type HostResolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: HostResolver = (host) => dns.lookup(host, { all: true, verbatim: true });

export interface DownloadOptions {
  /** Private, loopback and link-local addresses allowed too (an intranet calendar server). */
  allowPrivate: boolean;
  /** Which addresses may be connected to, when not all are (default: {@link isPublicAddress}). */
  allowAddress?: (address: string) => boolean;
  resolve?: HostResolver;
  /** The body is abandoned as soon as it grows past this many bytes. */
  maxBytes: number;
  /** For everything: every connection, redirect and the whole body. */
  timeoutMs: number;
  maxRedirects?: number;
}

/** The one failure of a download, whatever its cause (kept as `cause` for the server's log). */
export class CalendarDownloadError extends Error {
  constructor(cause: unknown) {
    super('calendar download failed', { cause });
    this.name = 'CalendarDownloadError';
  }
}

/** A public unicast address: not loopback, private, link-local, shared, reserved, multicast … */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() reads an IPv4-mapped IPv6 address (::ffff:127.0.0.1) as the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

/** A `lookup` for node:http that resolves with `resolve` and refuses names with a non-public address. */
function checkedLookup(resolve: HostResolver, allowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = found.filter((a) => family === 0 || a.family === family);
        const refused = usable.length === 0 || !usable.every((a) => allowed(a.address));
        if (refused) {
          const err = Object.assign(new Error(`address refused for ${hostname}`), { code: 'EADDRREFUSED' });
          callback(err, '', 0);
        } else if (options.all) callback(null, usable);
        else callback(null, usable[0]?.address ?? '', usable[0]?.family ?? 4);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** One request: the response, or an error for a refused address, a failed connection or a timeout. */
function get(url: URL, lookup: LookupFunction, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, {
      // A connection of its own, never a kept-alive one opened for another address.
      agent: false,
      lookup,
      signal,
      headers: { accept: 'text/calendar, */*' },
    });
    req.on('response', resolve);
    req.on('error', reject);
  });
}

/** The body, given up as soon as it passes `maxBytes`. */
async function bodyOf(res: http.IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      throw new Error(`larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function download(address: string, o: DownloadOptions): Promise<string> {
  const allowed = o.allowPrivate ? () => true : (o.allowAddress ?? isPublicAddress);
  const lookup = checkedLookup(o.resolve ?? systemResolver, allowed);
  const signal = AbortSignal.timeout(o.timeoutMs);
  let url = new URL(address);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`scheme ${url.protocol}`);
    // An address written as an IP (127.0.0.1, [::1], 2130706433 which URL reads as 127.0.0.1) is
    // connected to without a lookup: it is checked here.
    const host = hostOf(url);
    if (ipaddr.isValid(host) && !allowed(host)) throw new Error(`address refused: ${host}`);
    const res = await get(url, lookup, signal);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.destroy();
      if (hop >= (o.maxRedirects ?? 5)) throw new Error('too many redirects');
      url = new URL(res.headers.location, url);
      continue;
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw new Error(`HTTP ${status}`);
    }
    const text = await bodyOf(res, o.maxBytes);
    if (!/^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text)) throw new Error('not an iCalendar file');
    return text;
  }
}

/** The calendar at `address`, or {@link CalendarDownloadError} whatever went wrong. */
export async function downloadCalendar(address: string, o: DownloadOptions): Promise<string> {
  try {
    return await download(address, o);
  } catch (err) {
    throw new CalendarDownloadError(err);
  }
}
