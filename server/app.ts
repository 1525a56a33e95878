import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { OptimisticLockError } from '@mikro-orm/core';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode, type FieldError } from '../shared/errors.ts';
import { loadViewer, readSessionToken } from './auth/session-cookie.ts';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import type { Orm } from './db/orm.ts';
import { errors, isRefusal } from './errors.ts';
import { createLoaders } from './loaders.ts';
import type { Logger } from './logger.ts';
import { bankDetailsRoutes } from './modules/bank/bank-details.routes.tsx';
import type { BankVault } from './modules/bank/bank-vault.ts';
import type { Mailer } from './modules/notifications/mailer.ts';
import { applyRoutes } from './modules/applications/apply.routes.tsx';
import { confirmRoutes } from './modules/applications/confirm.routes.tsx';
import { areaImportRoutes } from './modules/areas/area-import.routes.ts';
import { importRoutes } from './modules/duplicates/import.routes.ts';
import { openDataRoutes } from './modules/open-data/open-data.routes.ts';
import { panelPackCache } from './modules/panels/pack-cache.ts';
import { coverageResponseCache } from './modules/coverage/coverage-cache.ts';
import { PhotoStore } from './modules/reports/photo-store.ts';
import { funderImpactRoutes } from './modules/reports/funder-impact.routes.ts';
import { reportPhotoRoutes, reportRoutes } from './modules/reports/report.routes.tsx';
import { createSchema } from './schema.ts';
import { refuseUnstorableText } from './graphql-body.ts';

// server/app.ts runs from the source tree, or compiled as dist/server/app.js: the web build is at the
// repository's web/dist in both cases. Looked up when the app is made, since a build may come later.
function findWebBuild(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.resolve(here, '../web/dist'), path.resolve(here, '../../web/dist')].find((folder) =>
    existsSync(path.join(folder, 'index.html')),
  );
}

export const APPLY_SCRIPT_ENTRY = 'src/apply/enhance.ts';

/** The stylesheets and the apply journey's script that Vite built, for the pages the server renders itself. */
function builtAssets(webDist: string | undefined): { stylesheets: string[]; scripts: string[] } {
  const manifestFile = webDist && path.join(webDist, '.vite/manifest.json');
  if (!manifestFile || !existsSync(manifestFile)) return { stylesheets: [], scripts: [] };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; isEntry?: boolean; css?: string[] }>;
  return {
    stylesheets: Object.values(manifest).flatMap((chunk) => (chunk.isEntry ? (chunk.css ?? []) : [])).map((file) => `/${file}`),
    scripts: manifest[APPLY_SCRIPT_ENTRY] ? [`/${manifest[APPLY_SCRIPT_ENTRY].file}`] : [],
  };
}

export interface AppDependencies {
  orm: Orm;
  config: Config;
  logger: Logger;
  mailer: Mailer;
  vault: BankVault;
}

function validationFields(error: ArgumentValidationError): FieldError[] {
  const fields: FieldError[] = [];
  const walk = (items: ArgumentValidationError['extensions']['validationErrors'], prefix: string) => {
    for (const item of items) {
      const field = prefix ? `${prefix}.${item.property}` : item.property;
      for (const message of Object.values(item.constraints ?? {})) fields.push({ field, message });
      if (item.children?.length) walk(item.children, field);
    }
  };
  walk(error.extensions.validationErrors, '');
  return fields;
}

/**
 * Known refusals pass through with their code and message; validation errors name the fields; any
 * other error is logged in full and reaches the client only as a generic message.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (original instanceof ArgumentValidationError) {
      const refusal = errors.badInput(validationFields(original).map((f) => ({ ...f, field: f.field.replace(/^input\./, '') })));
      return { message: refusal.message, path: formatted.path, extensions: refusal.extensions };
    }
    if (original instanceof OptimisticLockError) {
      const refusal = errors.conflict('record');
      return { message: refusal.message, path: formatted.path, extensions: refusal.extensions };
    }
    if (isRefusal(original)) {
      return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.extensions.code, ...(original.extensions.fields ? { fields: original.extensions.fields } : {}) } };
    }
    const code = formatted.extensions?.code;
    // Apollo's own request errors (parse, validation, bad variables) are the client's to fix.
    if (typeof code === 'string' && code !== ErrorCode.Internal) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code } };
    }
    // graphql-js's own request errors that carry no code ("Too many errors processing variables…")
    // are about what the client sent as well; an error a resolver threw has an original error and a
    // path. (By name: Apollo may hold another copy of graphql-js than this module's.)
    const request = error as { name?: unknown; originalError?: unknown; path?: unknown };
    if (request.name === 'GraphQLError' && !request.originalError && !request.path) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BadUserInput } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
    return { message: 'Something went wrong on our side. Try again, and tell us if it keeps happening.', path: formatted.path, extensions: { code: ErrorCode.Internal } };
  };
}

export async function createApp({ orm, config, logger, mailer, vault }: AppDependencies) {
  const schema = await createSchema();
  const armor = new ApolloArmor({
    maxDepth: { n: 8 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 2000 },
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema,
    ...armor,
    // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same objects.
    // No cache hints are sent, so the per-field cache-control bookkeeping would only cost time on large answers.
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin<Context>[]), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...(config.PACK_CACHE ? [panelPackCache()] : []), coverageResponseCache()],
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // server.ts owns shutdown: it stops taking requests, then Apollo, jobs and the database, in order.
    stopOnTerminationSignals: false,
    formatError: formatError(logger),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          ...(config.publicUrl.startsWith('https://') ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: config.publicUrl.startsWith('https://'),
    }),
  );

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('SELECT 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      logger.warn({ err: error }, 'health check: database unreachable');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '200kb' }),
    refuseUnstorableText,
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const em = orm.em.fork();
        const viewer = await loadViewer(em, readSessionToken(req, config.publicUrl.startsWith('https://')));
        return { em, viewer, req, res, config, mailer, vault, loaders: createLoaders(em) };
      },
    }),
  );

  const webDist = findWebBuild();
  const { stylesheets, scripts } = builtAssets(webDist);
  app.use('/apply', applyRoutes({ orm, config, mailer, logger, stylesheets, scripts }));
  app.use('/confirm', confirmRoutes({ orm, logger, stylesheets }));
  app.use('/bank-details', bankDetailsRoutes({ orm, vault, logger, stylesheets }));
  const photos = new PhotoStore(config.reportPhotosDir);
  app.use('/report', reportRoutes({ orm, photos, logger, stylesheets, scripts }));
  app.use('/report-photos', reportPhotoRoutes({ orm, photos, logger, secure: config.publicUrl.startsWith('https://') }));
  app.use('/imports', importRoutes({ orm, secure: config.publicUrl.startsWith('https://') }));
  app.use('/imports', areaImportRoutes({ orm, secure: config.publicUrl.startsWith('https://') }));
  app.use('/funds', openDataRoutes({ orm, secure: config.publicUrl.startsWith('https://') }));
  app.use('/funds', funderImpactRoutes({ orm, secure: config.publicUrl.startsWith('https://'), publicUrl: config.publicUrl }));

  if (webDist) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // The web app routes in the browser: every other GET gets its page.
    app.get(/^\/(?!graphql|healthz|apply|confirm\/|bank-details\/|imports\/|report\/|report-photos\/).*/, (_req, res) => {
      res.sendFile(path.join(webDist, 'index.html'), { maxAge: 0 });
    });
  }

  const handleError: ErrorRequestHandler = (error, req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    res.status(status).json({ errors: [{ message: status >= 500 ? 'Something went wrong on our side.' : 'The request could not be read.', extensions: { code: status >= 500 ? ErrorCode.Internal : ErrorCode.BadUserInput } }] });
  };
  app.use(handleError);

  return { app, apollo };
}
