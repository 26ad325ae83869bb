import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Config, ROOT } from '../config.ts';
import type { AppContext } from '../context.ts';
import { wakeIfEnqueued } from '../jobs/wake.ts';
import { requestSerializer } from '../lib/log.ts';
import { registerModules } from '../modules/index.ts';
import type { ErrorLanguage } from './error-texts.ts';
import {
  AppError,
  type ErrorVariant,
  errorMessage,
  fieldMessage,
  fieldText,
  refuse,
  requestLanguage,
} from './errors.ts';
import { checkSameOrigin, rateLimiter, registerSecurityHeaders } from './protection.ts';
import { resolveActor } from './session.ts';

export type App = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

/** How a route is guarded; declared on every /api route and checked by the authorization matrix. */
export type RouteAuth = 'public' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** Open to a person who must still replace a temporary password (their profile, the change, sign-out). */
    duringPasswordChange?: boolean;
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  auth: RouteAuth;
}

/**
 * A plugin that has not loaded after this long is stuck, not slow: the server stops with the plugin's
 * name. Fastify's own 10 s was reached by a server starting on a two-core machine that other work kept
 * busy; 0 (the test harness) waits for the plugins however long they take.
 */
const PLUGIN_TIMEOUT_MS = 60_000;

export async function buildApp(
  ctx: AppContext,
  opts: { logger?: boolean | NonNullable<FastifyServerOptions['logger']>; pluginTimeout?: number } = {},
) {
  // Routes with a secret in their path (`:token`), collected as they are declared, and the web
  // pages a private link opens with its secret in the path: the log hides it.
  const tokenRoutes: string[] = ['/maitre-de-stage/:token', '/relecture/:token'];
  const logger = opts.logger === true ? { level: ctx.config.LOG_LEVEL } : opts.logger;
  const app = Fastify({
    logger: logger
      ? { ...logger, serializers: { ...logger.serializers, req: requestSerializer(tokenRoutes) } }
      : false,
    // Only the proxies named by TRUST_PROXY may say who the client is (X-Forwarded-For): trusting
    // anyone would let every caller choose the address its limits and audit entries are kept under.
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    pluginTimeout: opts.pluginTimeout ?? PLUGIN_TIMEOUT_MS,
  }).withTypeProvider<ZodTypeProvider>();
  ctx.log ??= app.log;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  collectRoutes(app, tokenRoutes);

  await registerSecurityHeaders(app, ctx.config);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  const rateLimit = await rateLimiter(app, ctx.config);
  await registerApiDocs(app, ctx.config);
  guardRequests(app, ctx, rateLimit);
  app.setErrorHandler(answerError);
  await app.register(async (api) => registerModules(api as never, ctx));
  await serveWebApp(app, ctx.config);
  return app;
}

/**
 * Every /api route must say how it is guarded: a route without a declaration does not start. The
 * routes are listed on `app.routeInfos` (for the authorization matrix), those with a `:token` in
 * `tokenRoutes` (for the log).
 */
function collectRoutes(app: FastifyInstance, tokenRoutes: string[]) {
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.split('/').includes(':token') && !tokenRoutes.includes(route.url))
      tokenRoutes.push(route.url);
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const auth = route.config?.auth;
    if (!auth) throw new Error(`Route ${route.method} ${route.url} declares no auth policy (config.auth)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, auth });
    }
  });
  app.decorate('routeInfos', routes);
}

/** The OpenAPI description; browsable (for developers) only when API_DOCS=on in production. */
async function registerApiDocs(app: FastifyInstance, config: Config) {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Compagnon API',
        description: 'Tutoring and mentoring programmes for health professionals.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'compagnon_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  if (!config.apiDocs) return;
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI's pages bring their own policy (no inline script), with the inline styles Swagger
    // UI writes allowed, framed by no one, and asking for HTTPS only when the server has it.
    staticCSP: true,
    transformStaticCSP: (header) => {
      const policy = header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';");
      return config.publicUrl.startsWith('https:')
        ? policy
        : policy.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });
}

/**
 * Origin → session → rate limit → authentication, all before body validation, so a foreign page
 * changes nothing and an anonymous caller learns nothing but 401. The web app's files skip them.
 */
function guardRequests(
  app: FastifyInstance,
  ctx: AppContext,
  rateLimit: Awaited<ReturnType<typeof rateLimiter>>,
) {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) {
      req.actor = { kind: 'anonymous' };
      return;
    }
    checkSameOrigin(ctx.config, req);
    req.actor = await resolveActor(ctx, req);
    await rateLimit(req, reply);
    if (req.routeOptions.config?.auth === 'user' && req.actor.kind !== 'user') {
      throw refuse(401, 'unauthenticated');
    }
    if (
      req.actor.kind === 'user' &&
      req.actor.passwordChangeRequired &&
      req.routeOptions.config?.auth === 'user' &&
      !req.routeOptions.config.duringPasswordChange
    ) {
      throw refuse(403, 'password_change_required');
    }
  }); // Jobs a request enqueued (its e-mails, notices) go out once it has answered: jobs/wake.ts.
  app.addHook('onResponse', async () => wakeIfEnqueued());
}

/** A refusal's details, with the messages of its fields in the request's language. */
function wordedDetails(err: AppError, language: ErrorLanguage) {
  const d = err.details as { fields?: Array<{ path: string; message?: string }> } | undefined;
  if (!d?.fields) return err.details;
  return { ...d, fields: d.fields.map((f) => ({ ...f, message: fieldText(f.message, language) })) };
}

/** Refusals in the request's language, invalid bodies field by field, anything else without its insides. */
function answerError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const language = languageOf(req);
  if (err instanceof AppError) {
    // A refusal that says when to come back says it to programs too.
    const retryAfter = err.params?.retryAfter;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
    return reply.status(err.status).send({
      error: {
        code: err.code,
        message: errorMessage(err, language),
        details: wordedDetails(err, language),
      },
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: fieldMessage(v, language),
    }));
    return reply.status(400).send({
      error: {
        code: 'invalid_request',
        message: fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; '),
        details: { fields },
      },
    });
  }
  const status = (err as { statusCode?: number }).statusCode ?? 500;
  if (status >= 500) req.log.error(err);
  const refusal = status === 429 ? refuse(status, 'rate_limited') : unreadRequest(status, err);
  return reply
    .status(status)
    .send({ error: { code: refusal.code, message: errorMessage(refusal, language) } });
}

/** Fastify's own refusals of a request it could not read, under the code `error`. */
const FASTIFY_REFUSALS: Readonly<Record<string, ErrorVariant<'error'>>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_json',
};

function unreadRequest(status: number, err: unknown) {
  if (status >= 500) return refuse(status, 'error');
  const variant = FASTIFY_REFUSALS[(err as { code?: string }).code ?? ''] ?? 'bad_request';
  return refuse(status, 'error', { variant });
}

/** The language of a request's refusals: its Accept-Language, else the signed-in person's. */
const languageOf = (req: FastifyRequest) =>
  requestLanguage(req.headers['accept-language'], req.actor?.kind === 'user' ? req.actor.locale : undefined);

/** An /api address no route answers: a 404 in the request's language. */
function noSuchRoute(req: FastifyRequest, reply: FastifyReply) {
  const refusal = refuse(404, 'not_found', { variant: 'route' });
  return reply
    .status(404)
    .send({ error: { code: refusal.code, message: errorMessage(refusal, languageOf(req)) } });
}

/** The built web app, with client-side routes falling back to index.html. */
async function serveWebApp(app: FastifyInstance, config: Config) {
  const dist = resolve(ROOT, config.WEB_DIST ?? 'apps/web/dist');
  if (existsSync(join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: dist, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return noSuchRoute(req, reply);
    });
  } else {
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) {
        return reply
          .type('text/plain')
          .send('The web app is not built: run `npm run build -w @compagnon/web`.');
      }
      return noSuchRoute(req, reply);
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    routeInfos: RouteInfo[];
  }
}
