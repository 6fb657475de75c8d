import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { publicRatingBaseSchema } from '../../shared/rules/slips/ratingLink.ts';

// Configuration comes only from the environment (DESIGN.md "HQ server"); every value has a safe default
// so `node server/dist/main.mjs` on a fresh machine just works with an embedded SQLite file.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly seed: 'demo' | 'none';
  readonly logLevel: LogLevel;
  /** Folder of the built desk app (vite output), served at `/`. */
  readonly rendererDir: string;
  /**
   * The reverse proxies / load balancers (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is
   * believed, so a desk's own address is the one counted for failed attempts (auth/attempts.ts) and logged.
   */
  readonly trustProxy?: string;
  /**
   * The address at which applicants' phones reach this server (issue 13): the demo seed makes it the bureau's
   * publicRatingBase, so every slip's QR code opens the rating page here. FIRSTDESK_PUBLIC_URL, else
   * http://HOST:PORT when that names one machine (not 0.0.0.0, not port 0).
   */
  readonly publicUrl?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// An empty variable (`PORT=`) means "not set", not "invalid".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

const PORT_MESSAGE = 'must be a TCP port number from 0 to 65535';

/** One proxy for Fastify's trustProxy: an IPv4/IPv6 address, with an optional prefix length that is not /0. */
function isProxyAddress(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 1 && bits <= (family === 4 ? 32 : 128);
}

const envSchema = z.object({
  PORT: optional(
    z.coerce
      .number({ error: PORT_MESSAGE })
      .int(PORT_MESSAGE)
      .min(0, PORT_MESSAGE)
      .max(65535, PORT_MESSAGE)
      .default(8080),
  ),
  HOST: optional(z.string().default('127.0.0.1')),
  FIRSTDESK_DATA_DIR: optional(z.string().default('./data')),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'must start with postgres:// or postgresql:// (leave it unset to use the built-in SQLite file)',
      )
      .optional(),
  ),
  FIRSTDESK_SEED: optional(z.enum(['demo', 'none']).default('demo')),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS).default('info')),
  FIRSTDESK_RENDERER_DIR: optional(z.string().optional()),
  FIRSTDESK_PUBLIC_URL: optional(
    z
      .string()
      .transform((v) => v.trim().replace(/\/+$/, ''))
      .refine(
        (v) => publicRatingBaseSchema.safeParse(v).success,
        'must be the http:// or https:// address at which phones reach this server, e.g. https://hq.example.gov.cn ' +
          '(no ? or #, at most 200 characters)',
      )
      .optional(),
  ),
  FIRSTDESK_TRUST_PROXY: optional(
    z
      .string()
      .refine(
        (value) => value.split(',').every((entry) => isProxyAddress(entry.trim())),
        'must be the addresses or CIDR ranges of your reverse proxies, comma-separated (e.g. 10.0.0.5,10.0.1.0/24); ' +
          'a /0 range would believe every client',
      )
      .optional(),
  ),
});

/**
 * The desk build lives in `<repo>/dist/renderer`. This module sits two folders below the repo root both as
 * source (server/src/config.ts, in tests) and bundled (server/dist/main.mjs), so resolve from here first and
 * fall back to the working directory (e.g. the bundle copied elsewhere and started from the repo root).
 */
function defaultRendererDir(cwd: string): string {
  const besideModule = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const fromCwd = resolve(cwd, 'dist/renderer');
  return [besideModule, fromCwd].find((dir) => existsSync(dir)) ?? besideModule;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(cwd, e.FIRSTDESK_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'firstdesk.sqlite') },
    seed: e.FIRSTDESK_SEED,
    logLevel: e.LOG_LEVEL,
    rendererDir: e.FIRSTDESK_RENDERER_DIR ? resolve(cwd, e.FIRSTDESK_RENDERER_DIR) : defaultRendererDir(cwd),
    ...(e.FIRSTDESK_TRUST_PROXY ? { trustProxy: e.FIRSTDESK_TRUST_PROXY.replace(/\s+/g, '') } : {}),
    ...publicUrlOf(e.FIRSTDESK_PUBLIC_URL, e.HOST, e.PORT),
  };
}

/** The configured public address, else this machine's own when HOST and PORT name one (not a wildcard, not 0). */
function publicUrlOf(configured: string | undefined, host: string, port: number): { publicUrl?: string } {
  if (configured) return { publicUrl: configured };
  if (port === 0 || host === '0.0.0.0' || host === '::' || host === '') return {};
  const own = `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  return publicRatingBaseSchema.safeParse(own).success ? { publicUrl: own } : {};
}

/** For logs: never print a database password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.kind === 'sqlite') return `SQLite ${db.file}`;
  const url = new URL(db.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}
