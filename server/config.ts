import { z } from 'zod';

/** The one reader of process.env. Parsed once at boot; a bad value stops the process naming the variable. */
const boolish = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** off: no request queue and no statement queue (the previous behaviour; bench:http measures it as the baseline). */
  REQUEST_QUEUE: z.enum(['on', 'off']).default('on'),
  /** API requests working at once (default: 4 on the embedded database, twice the pool on PostgreSQL); the rest wait in line. */
  REQUEST_PLACES: z.coerce.number().int().min(1).max(1000).optional(),
  /** Longest line of waiting API requests; beyond it new ones get 503 + Retry-After. */
  REQUEST_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(500),
  /** Longest wait in that line before a 503. */
  REQUEST_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  JINQIAO_DEMO: boolish.optional(),
  JINQIAO_ADMIN_EMAIL: z.email().optional(),
  JINQIAO_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** false, true (= loopback only), or the proxies' addresses/CIDRs, comma-separated: X-Forwarded-* is believed only from them. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => v.trim().toLowerCase())
    .refine(
      (v) => v === 'false' || v === 'true' || v.split(',').every((a) => /^[0-9a-f.:]+(\/\d{1,3})?$/.test(a.trim())),
      'must be false, true or a comma-separated list of proxy addresses or CIDRs',
    ),
  /** When set, GET /metrics needs `Authorization: Bearer <token>`; when unset, it answers loopback clients only. */
  /** The Ed25519 key (PKCS#8 PEM) that signs audit checkpoints; default <DATA_DIR>/audit-signing-key.pem, made at first start. */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  WEB_DIST: z.string().default('./web/dist'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('津桥 Jinqiao <noreply@jinqiao.local>'),
  PUBLIC_URL: z.url('must be a URL').optional(),
  /** The secret sealed challenge proposals' keys are wrapped under; default: made at first start as <DATA_DIR>/challenge-seal-secret. */
  CHALLENGE_SEAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The portal footer: who operates the site, how to reach them, its ICP record number (ICP备案号). */
  SITE_OPERATOR: z.string().min(2).max(100).default('天津市科学技术局（演示）'),
  SITE_CONTACT: z.string().min(2).max(200).default('022-00000000 · service@jinqiao.local'),
  SITE_ICP: z.string().max(60).optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** The request queue (server/lib/http/admission.ts). */
  requestQueue: { enabled: boolean; places: number; maxWaiting: number; maxWaitMs: number };
  /** Seed demo organisations, users and records on an empty database. */
  demo: boolean;
  admin: { email: string; password: string } | undefined;
  logLevel: string;
  /** The proxies whose X-Forwarded-* headers are believed (never any client's). */
  trustProxy: false | string[];
  metricsToken: string | undefined;
  auditSigningKeyFile: string | undefined;
  sessionTtlHours: number;
  webDist: string;
  /** Outgoing mail (notifications); none when SMTP_URL is unset. */
  mail: { smtpUrl: string; from: string } | undefined;
  /** Base URL used in links sent by e-mail. */
  publicUrl: string;
  /** Wraps the keys of sealed challenge proposals (challenges/secret.ts); unset: a file in dataDir. */
  challengeSealSecret: string | undefined;
  /** The portal footer (GET /api/portal/site). */
  site: { operator: string; contact: string; icp: string | null };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (as in a copied .env.example) means unset.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  const e = parsed.data;
  if ((e.JINQIAO_ADMIN_EMAIL === undefined) !== (e.JINQIAO_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  JINQIAO_ADMIN_EMAIL / JINQIAO_ADMIN_PASSWORD: set both or neither');
  }
  const embedded = e.DATABASE_URL === undefined;
  const demoAllowed = embedded && e.NODE_ENV !== 'production';
  if (e.JINQIAO_DEMO === true && !demoAllowed) {
    throw new ConfigError('Invalid configuration:\n  JINQIAO_DEMO: demo data is only created on the embedded database outside production');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    requestQueue: {
      enabled: e.REQUEST_QUEUE === 'on',
      places: e.REQUEST_PLACES ?? (embedded ? 4 : 2 * e.DATABASE_POOL_SIZE),
      maxWaiting: e.REQUEST_QUEUE_MAX,
      maxWaitMs: e.REQUEST_QUEUE_TIMEOUT_MS,
    },
    demo: demoAllowed && (e.JINQIAO_DEMO ?? true),
    admin: e.JINQIAO_ADMIN_EMAIL ? { email: e.JINQIAO_ADMIN_EMAIL, password: e.JINQIAO_ADMIN_PASSWORD! } : undefined,
    logLevel: e.LOG_LEVEL,
    trustProxy:
      e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY === 'true' ? ['127.0.0.1', '::1'] : e.TRUST_PROXY.split(',').map((a) => a.trim()),
    metricsToken: e.METRICS_TOKEN,
    auditSigningKeyFile: e.AUDIT_SIGNING_KEY_FILE,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    webDist: e.WEB_DIST,
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    challengeSealSecret: e.CHALLENGE_SEAL_SECRET,
    site: { operator: e.SITE_OPERATOR, contact: e.SITE_CONTACT, icp: e.SITE_ICP ?? null },
  };
}
