import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { parseKeyRing } from '@socle/platform-crypto';
import { encryptionKeyWeakness, secretWeakness } from './secrets';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1';

/**
 * Every variable the API and the worker read. Validated once at start: a missing
 * or malformed one stops the process with a message that names it.
 */
export class SocleConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Application role: owns nothing, no BYPASSRLS. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Migration role: owns the schema. Only migrations and the database CLI use it. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /** The Redis server. With REDIS_CLUSTER_NODES, optional: only its user, password and `rediss://` (TLS) are used. */
  @ValidateIf((config: SocleConfig) => !config.REDIS_CLUSTER_NODES || config.REDIS_URL !== undefined)
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL!: string;

  /**
   * Seeds of a Redis Cluster, comma-separated `host:port` (e.g. `10.0.0.1:6379,10.0.0.2:6379`): when set, every
   * connection (queues, rate limits, live events) is a cluster client; unset, a single Redis at REDIS_URL.
   */
  @IsOptional()
  @Matches(/^\s*(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}\s*(,\s*(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}\s*)*$/, {
    message: 'REDIS_CLUSTER_NODES must be comma-separated host:port seeds of the cluster, e.g. 10.0.0.1:6379,10.0.0.2:6379',
  })
  REDIS_CLUSTER_NODES?: string;

  /** Prefix of every BullMQ queue; wrapped in {} so a Redis Cluster keeps a queue on one slot. */
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'QUEUE_PREFIX may hold lowercase letters, digits and dashes' })
  QUEUE_PREFIX = 'socle';

  /** Time of day (UTC, HH:MM) after which the worker recomputes every organisation's live maturity score. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'LIVE_SCORES_AT must be a time of day HH:MM (UTC), e.g. 02:00' })
  LIVE_SCORES_AT = '02:00';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  /** Server-side secret mixed into API key hashes (HMAC), so a database dump alone cannot verify keys. */
  @IsString()
  @MinLength(32, { message: 'API_KEY_PEPPER must be at least 32 characters' })
  API_KEY_PEPPER!: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @IsString()
  @MaxLength(255)
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Public base URL, used in invitation links. */
  @IsString()
  PUBLIC_URL = 'http://127.0.0.1:3000';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  /** Live subscriptions (graphql-ws) one WebSocket connection may hold at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SUBSCRIPTIONS_MAX_PER_CONNECTION = 20;

  /** Largest WebSocket message the subscriptions endpoint accepts; a larger one closes the connection (1009). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  SUBSCRIPTIONS_MAX_PAYLOAD_BYTES = 64 * 1024;

  /**
   * How long a process may take to stop after SIGTERM or SIGINT: the API finishes the requests in flight, the worker
   * the jobs in hand. Past it the process exits anyway (code 1); keep it below the orchestrator's grace period.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 25_000;

  /** WebSocket connections one API process keeps open at once; more are refused (503) before the upgrade. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SUBSCRIPTIONS_MAX_CONNECTIONS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  GRAPHQL_MAX_COST = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  GRAPHQL_MAX_ALIASES = 30;

  /** Introspection and field suggestions for callers who are not signed in. Off by default in production. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  GRAPHQL_PUBLIC_INTROSPECTION?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_USER_PER_MINUTE = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_API_KEY_PER_MINUTE = 2400;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_ANONYMOUS_PER_MINUTE = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_PER_MINUTE = 10;

  /** scrypt cost (N = 2^SCRYPT_LOG_N). 15 uses 32 MiB per hash. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(20)
  SCRYPT_LOG_N = 15;

  /**
   * Keys that encrypt network credentials at rest: comma-separated `keyId:base64(32 bytes)`.
   * Checked at start by the crypto library (the apps refuse to start without it).
   */
  @IsOptional()
  @IsString()
  @Matches(/^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+\s*)*$/, {
    message: 'ENCRYPTION_KEYS must be comma-separated keyId:base64key entries (key ids: letters, digits, - or _)',
  })
  ENCRYPTION_KEYS?: string;

  /** Id (in ENCRYPTION_KEYS) of the key new encryptions use; the others still decrypt until rotated away. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'ENCRYPTION_ACTIVE_KEY must be a key id of ENCRYPTION_KEYS' })
  ENCRYPTION_ACTIVE_KEY?: string;

  /** npm packages of the enabled connectors, comma-separated. */
  @IsString()
  @Matches(/^[@a-z0-9/._,\s-]+$/, { message: 'CONNECTORS must be a comma-separated list of npm package names' })
  CONNECTORS = '@socle/plugin-bluesky,@socle/plugin-mastodon,@socle/plugin-rss';

  /**
   * Folder where connector packages are installed apart from the application (`npm install --prefix
   * <folder> <package or tarball>`): names of CONNECTORS the application does not resolve are looked up in its node_modules.
   */
  @IsOptional()
  @Matches(/^\/[^\0\n]*$/, {
    message: 'CONNECTOR_DIR must be an absolute path (the npm prefix the connector packages were installed into)',
  })
  CONNECTOR_DIR?: string;

  /**
   * Options of connector modules, as a JSON object mapping each module name of CONNECTORS to the object its factory
   * receives (a plugin never reads the environment): e.g. the platform's OAuth application at a network that does not
   * register clients on demand. Holds secrets: set it from the secret store.
   */
  @IsOptional()
  @IsString()
  @MaxLength(65_536, { message: 'CONNECTOR_OPTIONS must be at most 65,536 characters' })
  CONNECTOR_OPTIONS?: string;

  /** Hard timeout of every request to a network (headers and body). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  CONNECTOR_TIMEOUT_MS = 10_000;

  /** Outgoing mail server (smtp:// or smtps://); without it mails wait in the outbox, never lost, until one is set. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every mail the platform sends. */
  @IsString()
  @MaxLength(320)
  MAIL_FROM = 'Socle <no-reply@socle.invalid>';

  /**
   * Address ranges (CIDR, comma-separated, e.g. `127.0.0.0/8,::1/128`) that requests made for a
   * tenant (connectors, OAuth, feeds) may reach although they are private, loopback, link-local…
   * Empty (the default): every such address is refused. Cloud metadata addresses are refused whatever this says.
   */
  @IsString()
  @Matches(
    /^\s*((\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)(\/\d{1,3})?(\s*,\s*(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)(\/\d{1,3})?)*)?\s*$/,
    {
      message: 'OUTBOUND_ALLOWED_RANGES must be comma-separated address ranges such as 127.0.0.0/8,::1/128 (or empty)',
    },
  )
  OUTBOUND_ALLOWED_RANGES = '';

  /**
   * DNS servers the press room asks for the TXT record that verifies a custom domain: comma-separated addresses with an
   * optional port (`192.0.2.53,192.0.2.54:5353`, `[2001:db8::53]:53`). Empty (the default): the system's resolvers.
   */
  @IsString()
  @Matches(
    /^\s*((\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)(\s*,\s*(\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*))*)?\s*$/,
    {
      message:
        'PRESS_ROOM_DNS_SERVERS must be comma-separated IP addresses with an optional port, such as 192.0.2.53,192.0.2.54:5353 (or empty)',
    },
  )
  PRESS_ROOM_DNS_SERVERS = '';

  /** A connected account is checked again when its last check is older than this. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  NETWORK_ACCOUNT_CHECK_MINUTES = 60;

  /** The worker runs each active listening query that has not run for this long. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  LISTENING_EVERY_MINUTES = 15;

  /** The worker fetches the comments on each organisation's published posts into its inbox this often. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  INBOX_EVERY_MINUTES = 15;

  /** The worker collects the metrics (followers, posts, engagement) of each connected account this often. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  METRICS_EVERY_MINUTES = 60;

  /** The worker looks for due publications whose wake-up was lost, and expired leases, this often. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  PUBLISHING_SWEEP_SECONDS = 5;

  /** Directory of the media library's files (relative paths start at the working directory). */
  @IsString()
  @MinLength(1, { message: 'MEDIA_STORAGE_DIR must be a directory path' })
  @MaxLength(1000)
  @Matches(/^[^\0]+$/, { message: 'MEDIA_STORAGE_DIR must be a directory path' })
  MEDIA_STORAGE_DIR = 'var/media';

  /** Largest media file accepted by `POST /media`, in bytes (checked while the upload streams). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  MEDIA_MAX_BYTES = 25 * 1024 * 1024;

  /** Largest video (MP4, QuickTime) accepted by `POST /media`, in bytes (checked while the upload streams); images keep MEDIA_MAX_BYTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024 * 1024)
  MEDIA_VIDEO_MAX_BYTES = 512 * 1024 * 1024;

  /** Largest organisation archive accepted by `POST /agency/organization-archives`, in bytes (checked while the upload streams). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024 * 1024)
  ORGANIZATION_ARCHIVE_MAX_BYTES = 2 * 1024 * 1024 * 1024;

  /**
   * The queues a worker process serves (comma-separated names; empty: all). Lets an operator run
   * separate worker pools per kind of work (publishing apart from health checks, for example);
   * a worker only sweeps and reconciles the queues it serves.
   */
  @IsString()
  @Matches(/^[a-z0-9,\s-]*$/, { message: 'WORKER_QUEUES must be a comma-separated list of queue names (or empty for all)' })
  WORKER_QUEUES = '';

  /**
   * Organisations one worker process publishes for at once (publishing wake-ups taken together). A dispatch spends most
   * of its time waiting for the networks (a post takes 100–500 ms on a real instance, an upload longer), so this is far
   * above the machine's cores: with 4, posts due at the same minute for a hundred organisations went out over a minute
   * at 200 ms a call. The database work of these dispatches takes turns whatever this is (see PUBLISHING_DATABASE_TURNS).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  PUBLISHING_CONCURRENCY = 32;

  /** Dispatches of one worker process that claim or record in PostgreSQL at once; the others wait or talk to the networks. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  PUBLISHING_DATABASE_TURNS = 4;

  /**
   * Bytes of media files one worker process holds in memory at once to send them (each file is read whole before its
   * upload). A publication whose files would pass it waits for the others to be sent; one larger than this waits until
   * no other file is held, then goes alone.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024 * 1024)
  @Max(1024 * 1024 * 1024 * 1024)
  PUBLISHING_MEDIA_BUFFER_BYTES = 1024 * 1024 * 1024;

  /**
   * Port of the worker's probes (`/health/live`, `/health/ready`) and Prometheus metrics (`/metrics`) on HOST; unset,
   * the worker listens on nothing.
   * 0 takes a free port (printed at start).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT?: number;

  /** Whether this process serves `queue` (see WORKER_QUEUES). */
  servesQueue(queue: string): boolean {
    const listed = this.WORKER_QUEUES.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    return listed.length === 0 || listed.includes(queue);
  }

  get publicIntrospection(): boolean {
    return this.GRAPHQL_PUBLIC_INTROSPECTION ?? this.NODE_ENV !== 'production';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): SocleConfig {
  const known = Object.keys(new SocleConfig()).concat([
    'DATABASE_URL',
    'REDIS_URL',
    'REDIS_CLUSTER_NODES',
    'JWT_SECRET',
    'API_KEY_PEPPER',
    'DATABASE_OWNER_URL',
    'GRAPHQL_PUBLIC_INTROSPECTION',
    'ENCRYPTION_KEYS',
    'ENCRYPTION_ACTIVE_KEY',
    'WORKER_HEALTH_PORT',
    'CONNECTOR_DIR',
    'CONNECTOR_OPTIONS',
  ]);
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(SocleConfig, raw);
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  const problems = errors.map((e) => {
    const detail = Object.values(e.constraints ?? {}).join('; ');
    return raw[e.property] === undefined ? `${e.property} is required (${detail})` : `${e.property}: ${detail}`;
  });
  problems.push(...secretProblems(raw, new Set(errors.map((e) => e.property))));
  problems.push(...redisProblems(raw, new Set(errors.map((e) => e.property))));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Secrets a process must not run with: published in the repository, placeholders,
 * too short or too predictable. Checked in every process that reads the
 * configuration (API, worker, CLI, tests), whatever NODE_ENV says.
 */
function secretProblems(raw: Record<string, string>, alreadyRefused: Set<string>): string[] {
  const problems: string[] = [];
  for (const name of ['JWT_SECRET', 'API_KEY_PEPPER'] as const) {
    const weakness = raw[name] === undefined || alreadyRefused.has(name) ? null : secretWeakness(name, raw[name]);
    if (weakness) problems.push(`${name}: ${weakness}`);
  }
  if (raw.JWT_SECRET && raw.JWT_SECRET === raw.API_KEY_PEPPER) problems.push('API_KEY_PEPPER: API_KEY_PEPPER must differ from JWT_SECRET');
  if (raw.ENCRYPTION_KEYS && !alreadyRefused.has('ENCRYPTION_KEYS')) {
    try {
      const ring = parseKeyRing(raw.ENCRYPTION_KEYS, raw.ENCRYPTION_ACTIVE_KEY);
      for (const [id, key] of ring.keys) {
        const weakness = encryptionKeyWeakness('ENCRYPTION_KEYS', id, key);
        if (weakness) problems.push(weakness);
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

/** Ports out of range in REDIS_CLUSTER_NODES (the pattern checks the shape only). */
function redisProblems(raw: Record<string, string>, alreadyRefused: Set<string>): string[] {
  if (!raw.REDIS_CLUSTER_NODES || alreadyRefused.has('REDIS_CLUSTER_NODES')) return [];
  const bad = raw.REDIS_CLUSTER_NODES.split(',')
    .map((entry) => entry.trim())
    .filter((entry) => {
      const port = Number(entry.slice(entry.lastIndexOf(':') + 1));
      return port < 1 || port > 65535;
    });
  return bad.length ? [`REDIS_CLUSTER_NODES: port out of range (1 to 65535) in ${bad.join(', ')}`] : [];
}

/** For a process entry point: the configuration, or a message naming every bad variable and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(processName: string, env: Record<string, string | undefined> = process.env): SocleConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${processName}: ${error.message}\n`);
    process.exit(78);
  }
}
