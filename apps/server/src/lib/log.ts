import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import pinoPretty from 'pino-pretty';
import type { Config } from '../config.ts';

/** Readable lines on a terminal outside production; one JSON object per line otherwise (log collectors). */
export function prettyLogs(config: Config, isTerminal = process.stdout.isTTY === true): boolean {
  if (config.LOG_FORMAT !== 'auto') return config.LOG_FORMAT === 'pretty';
  return isTerminal && config.NODE_ENV !== 'production';
}

export function loggerOptions(config: Config): NonNullable<FastifyServerOptions['logger']> {
  if (!prettyLogs(config)) return { level: config.LOG_LEVEL };
  return {
    level: config.LOG_LEVEL,
    stream: pinoPretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,reqId',
      sync: true,
    }),
  };
}

const REDACTED = '[redacted]';

/**
 * A URL as the log keeps it: the secret of a link (a path parameter `:token` of one of the given
 * route patterns, a query parameter whose name says token) replaced by `[redacted]`. A log line is
 * read by more people, and kept longer, than the links it would otherwise carry: an invitation, a
 * poll, a calendar feed or an unsubscribe link works for whoever holds it.
 */
export function redactUrl(url: string, tokenRoutes: readonly string[]): string {
  const at = url.indexOf('?');
  const path = at === -1 ? url : url.slice(0, at);
  const query = at === -1 ? undefined : url.slice(at + 1);
  const segments = path.split('/');
  // A trailing slash (a route not found) still carries the secret.
  const length = segments.length > 1 && segments.at(-1) === '' ? segments.length - 1 : segments.length;
  for (const route of tokenRoutes) {
    const pattern = route.split('/');
    if (pattern.length !== length) continue;
    if (!pattern.every((p, i) => p.startsWith(':') || p === segments[i])) continue;
    pattern.forEach((p, i) => {
      if (p === ':token') segments[i] = REDACTED;
    });
    break;
  }
  const redactedQuery = query
    ?.split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: judged as written.
      }
      return /token/i.test(decoded) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return segments.join('/') + (redactedQuery === undefined ? '' : `?${redactedQuery}`);
}

/** Fastify's request log fields, with the URL's secrets redacted. */
export function requestSerializer(tokenRoutes: readonly string[]) {
  return (req: FastifyRequest) => ({
    method: req.method,
    url: redactUrl(req.url, tokenRoutes),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  });
}
