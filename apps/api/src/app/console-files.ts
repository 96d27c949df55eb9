import { createReadStream, existsSync, ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Where `vite build` puts the web console (apps/console/dist). */
export const CONSOLE_DIST = resolve(__dirname, '../../../console/dist');

/**
 * The client routes of the console (apps/console/src/App.tsx): each answered with index.html, the page routes itself.
 * Agency pages live under /agency/, a client's under /organizations/:id/, pages reached from a signed link under
 * /links/; nothing of the API lives under these prefixes.
 */
export const CONSOLE_ROUTES = [
  '/',
  '/login',
  '/signup',
  '/invitations/accept',
  '/password/forgot',
  '/password/reset',
  '/portfolio',
  '/agency/*',
  '/links/*',
  '/organizations/:organizationId',
  '/organizations/:organizationId/*',
];

/**
 * Everything the console loads comes from this origin (its bundle holds every asset): scripts and connections
 * to 'self' only. Styles allow inline ones because Mantine sets its theme variables in a style element and the
 * charts position their parts with style attributes.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const DIRECTORY = Symbol('console directory');
type WithConsole = FastifyInstance & { [DIRECTORY]?: string };

/** The folder this app serves the console from. */
export function consoleDirectoryOf(fastify: FastifyInstance): string | undefined {
  return (fastify as WithConsole)[DIRECTORY];
}

export function consoleBuilt(directory: string | undefined): directory is string {
  return directory !== undefined && existsSync(join(directory, 'index.html'));
}

/** The types of what Vite builds (an unknown extension is not served). */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** A built file to send: its type and a stream of it, or null when there is no such regular file. */
export async function consoleFile(directory: string, relative: string): Promise<{ type: string; size: number; stream: ReadStream } | null> {
  const type = TYPES[extname(relative).toLowerCase()];
  if (!type) return null;
  const path = join(directory, relative);
  // The controller only passes names without a folder; this keeps any other caller inside the build too.
  if (!path.startsWith(`${resolve(directory)}${sep}`)) return null;
  try {
    const facts = await stat(path);
    if (!facts.isFile()) return null;
    return { type, size: facts.size, stream: createReadStream(path) };
  } catch {
    return null;
  }
}

/**
 * Tells the console controller where the built console is. No static-file plugin serves a folder: the
 * controller declares each route it answers, so it never shadows /graphql, /health, /metrics or another
 * API route, and a path outside those routes stays a 404. The API starts without the console built, and
 * says so.
 */
export function registerConsoleFiles(adapter: FastifyAdapter, logger: Logger, directory = CONSOLE_DIST): void {
  const fastify = adapter.getInstance();
  (fastify as WithConsole)[DIRECTORY] = directory;
  if (!consoleBuilt(directory)) {
    logger.warn(
      { directory },
      'the web console is not built (npx vite build --config apps/console/vite.config.ts): the API serves GraphQL only',
    );
  }
}
