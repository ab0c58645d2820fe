import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** proxy-addr's names for whole ranges, which Fastify accepts beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};
const proxyList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine(
    (list) => list.every(isProxyAddress),
    'must be comma-separated IP addresses, CIDRs (10.0.0.0/8) or loopback/linklocal/uniquelocal',
  );

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Prometheus metrics without a login on their own port (unset: only GET /metrics on the API port, as admin). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  BACKUP_DIR: z.string().min(1).default('./backups'),
  /** Where the offline mail adapter delivers messages that carry a live login link; default DATA_DIR/mail. */
  MAIL_DROP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(24),
  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated addresses, CIDRs or `loopback`); empty: none,
   * the client address is the TCP peer. Any other setting would let a client choose its own address.
   */
  TRUST_PROXY: proxyList,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  COOKIE_SECURE: bool.optional(),
  SEED_SCALE: z.coerce.number().min(0).max(100).default(1),
  RUN_WORKERS: bool.default(true),
  /** Runs the embedded database in its own thread, beside HTTP; off puts it back on the main thread. */
  DATABASE_THREAD: bool.default(true),
  WEB_DIST: z.string().optional(),
  /** Partner API requests per partner per minute, all its API keys together. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Web-form lead submissions per client address per minute. */
  WEB_FORM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** PDOK Locatieserver base URL (e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1); unset: PC4 data only. */
  PDOK_LOCATIESERVER_URL: z.string().url().optional(),
  /** The manufacturer's warranty registration endpoint (installed units are POSTed to it); unset: recorded locally only. */
  WARRANTY_REGISTRATION_URL: z.string().url().optional(),
  /** Hosts or IPs (comma-separated) that webhooks may reach although private or loopback; ops decide. */
  WEBHOOK_ALLOWED_PRIVATE_HOSTS: z.string().default(''),
  /** OSRM base URL for travel times (its /table/v1/driving service); unset: haversine x road factor 1.3 at 60 km/h. */
  OSRM_URL: z.string().url().optional(),
  /** Open-Meteo base URL (e.g. https://api.open-meteo.com) for the weather on outdoor work; unset: no forecast. */
  OPEN_METEO_URL: z.string().url().optional(),
  /** Time the optimiser searches for one proposal. */
  PLANNING_OPTIMISE_SECONDS: z.coerce.number().min(0.2).max(600).default(15),
  INTAKE_REMINDER_DAYS: z.coerce.number().int().min(1).default(3),
  LEAD_SLA_HOURS: z.coerce.number().int().min(1).default(48),
  /** SMTP server for e-mail; unset: messages stay stored for ops (the offline default). */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS, required unless SMTP_REQUIRE_TLS=false. */
  SMTP_SECURE: bool.optional(),
  SMTP_REQUIRE_TLS: bool.default(true),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('ChargeCars <noreply@chargecars.nl>'),
  /** SMS gateway (MessageBird-style REST); unset: SMS stay stored for ops. */
  SMS_API_URL: z.string().url().optional(),
  SMS_API_KEY: z.string().min(1).optional(),
  SMS_ORIGINATOR: z.string().min(1).max(11).default('ChargeCars'),
  /** WhatsApp Business Cloud API (e.g. https://graph.facebook.com/v21.0); unset: WhatsApp messages stay stored. */
  WHATSAPP_API_URL: z.string().url().optional(),
  WHATSAPP_API_KEY: z.string().min(1).optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).optional(),
  /** Shared secret that providers' delivery-status callbacks are signed with (HMAC-SHA256); unset: callbacks refused. */
  MESSAGE_CALLBACK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Replies by e-mail: the inbound-parse service posts to /api/messages/inbound/email with this secret as the
   * Basic-auth password; unset: inbound mail is refused.
   */
  INBOUND_EMAIL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The address replies go to (`reply@in.example.nl`): each e-mail's Reply-To is `reply+<message id>@in.example.nl`. */
  INBOUND_EMAIL_ADDRESS: z
    .string()
    .regex(/^[^\s@+]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address without a +tag')
    .optional(),
  /** The WhatsApp app's secret, which signs its webhook (X-Hub-Signature-256); unset: the webhook is refused. */
  WHATSAPP_APP_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The token Meta sends when the webhook is subscribed (hub.verify_token). */
  WHATSAPP_VERIFY_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** Settings that only work together: naming one without the other is a mistake the start should catch. */
const TOGETHER: [string, string[]][] = [
  ['SMTP_USER', ['SMTP_HOST', 'SMTP_PASSWORD']],
  ['SMTP_PASSWORD', ['SMTP_USER']],
  ['SMS_API_URL', ['SMS_API_KEY']],
  ['SMS_API_KEY', ['SMS_API_URL']],
  ['WHATSAPP_API_URL', ['WHATSAPP_API_KEY', 'WHATSAPP_PHONE_NUMBER_ID']],
  ['WHATSAPP_API_KEY', ['WHATSAPP_API_URL']],
  ['WHATSAPP_PHONE_NUMBER_ID', ['WHATSAPP_API_URL']],
];

export type Config = Omit<z.infer<typeof envSchema>, 'PUBLIC_URL' | 'COOKIE_SECURE' | 'MAIL_DROP_DIR'> & {
  PUBLIC_URL: string;
  COOKIE_SECURE: boolean;
  MAIL_DROP_DIR: string;
};

export class ConfigError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start; a wrong value stops the start with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })));
  }
  const c = parsed.data;
  const missing = TOGETHER.flatMap(([given, needs]) =>
    c[given as keyof typeof c] === undefined
      ? []
      : needs
          .filter((n) => c[n as keyof typeof c] === undefined)
          .map((n) => ({ variable: n, message: `required when ${given} is set` })),
  );
  if (missing.length) throw new ConfigError(missing);
  const publicUrl = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  return {
    ...c,
    MAIL_DROP_DIR: c.MAIL_DROP_DIR ?? path.join(c.DATA_DIR, 'mail'),
    PUBLIC_URL: publicUrl,
    COOKIE_SECURE: c.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
  };
}
