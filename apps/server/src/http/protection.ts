import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { refuse } from './errors.ts';

/**
 * The headers of every answer. No inline script anywhere (the built web app loads its scripts from
 * files); inline styles are allowed because Mantine writes its theme and its style props as style
 * elements and attributes. No page may be framed (clickjacking). No referrer is ever sent: links
 * carry secrets in their URLs (polls, invitations), which a Referer would hand to the next site,
 * or to a proxy's access log. HSTS in production only: a local or test instance speaks plain HTTP.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.NODE_ENV === 'production' ? { maxAge: 365 * 86_400 } : false,
  });
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Refuses a change to the API asked by a page of another site (cross-site request forgery): the
 * session cookie is SameSite=Lax, which still lets a foreign page POST a form or a bodiless
 * request. The request's Origin (its Referer when there is none) must be this server's public
 * address, or, when PUBLIC_URL is not set (development), the host the request was sent to (the
 * Vite dev server forwards the browser's own host).
 *
 * A request with neither header is accepted: browsers send Origin with every cross-site POST, PUT,
 * PATCH and DELETE, so a request without one does not come from another site's page; it comes from
 * a program (the command line, scripts, tests, a mail provider's one-click unsubscribe), which holds
 * its own credentials rather than a visitor's cookie.
 */
export function checkSameOrigin(config: Config, req: FastifyRequest): void {
  if (!MUTATIONS.has(req.method)) return;
  const claimed = req.headers.origin ?? req.headers.referer;
  if (claimed === undefined) return;
  const expected = config.PUBLIC_URL
    ? originOf(config.PUBLIC_URL)
    : originOf(`${req.protocol}://${req.host}`);
  if (expected === null || originOf(claimed) !== expected) throw refuse(403, 'cross_origin');
}

/**
 * Requests per minute, counted per session for signed-in people (colleagues behind one hospital
 * address do not share a budget) and per address (an IPv6 /64) for anonymous ones. Call it once the
 * session is resolved: an unknown cookie counts as its address, so inventing cookies buys nothing.
 * Only /api requests are counted; the web app's files are not. RATE_LIMIT=off (the default under
 * NODE_ENV=test) turns it off.
 */
export async function rateLimiter(
  app: FastifyInstance,
  config: Config,
): Promise<(req: FastifyRequest, reply: FastifyReply) => Promise<void>> {
  // Off means off for the stricter limits of the sign-in routes too (their `config.rateLimit`).
  await app.register(fastifyRateLimit, {
    global: false,
    ...(config.rateLimit ? {} : { allowList: () => true }),
  });
  if (!config.rateLimit) return async () => {};
  const limit = app.rateLimit({
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (req) =>
      req.actor?.kind === 'user' ? `session:${req.actor.sessionId}` : `address:${normalizeIP(req.ip)}`,
  });
  return async (req, reply) => {
    await limit.call(app, req, reply);
  };
}
