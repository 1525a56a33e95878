import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

// Every setting the server reads, in one place; README's settings table mirrors this.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DEMO: booleanFlag.default(true),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Pooled fund portal <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().default('loopback'),
  JOBS: booleanFlag.default(true),
  // Off only to measure the panel pack without its cache (npm run bench:panel-pack does).
  PACK_CACHE: booleanFlag.default(true),
  BANK_DETAILS_KEY: z.string().optional(),
  // Where report photos are kept; a folder in the data directory unless set.
  REPORT_PHOTOS_DIR: z.string().optional(),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid settings:\n  ${problems.join('\n  ')}`);
  }
  const settings = parsed.data;
  return {
    ...settings,
    dataDir: path.resolve(settings.DATA_DIR),
    reportPhotosDir: path.resolve(settings.REPORT_PHOTOS_DIR ?? path.join(settings.DATA_DIR, 'report-photos')),
    isProduction: settings.NODE_ENV === 'production',
    publicUrl: (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/$/, ''),
  };
}
