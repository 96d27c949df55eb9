import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '@socle/platform-auth';
import { CONSOLE_CSP, CONSOLE_ROUTES, consoleDirectoryOf, consoleFile } from './console-files';

/** Built file names: Vite's hashed names, no folder, no leading dot. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,200}$/;

/**
 * The web console (apps/console), a single-page app on the public GraphQL API: its page at each client route
 * (never cached, so a new build is picked up at once) and its hashed files (cached for a year, immutable).
 */
@Controller()
export class ConsoleController {
  @Get(CONSOLE_ROUTES)
  @Public('the web console page: static HTML, no data (the page calls GraphQL with its own credentials)')
  async page(@Res() reply: FastifyReply): Promise<void> {
    const directory = consoleDirectoryOf(reply.server);
    void reply.header('content-security-policy', CONSOLE_CSP).header('x-content-type-options', 'nosniff');
    // One look at the file (no separate check that the console is built): missing is the unbuilt console.
    const file = directory ? await consoleFile(directory, 'index.html') : null;
    if (!file) {
      void reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send('The web console is not built: run `npx vite build --config apps/console/vite.config.ts` (npm start does it).\n');
      return;
    }
    void reply.header('cache-control', 'no-cache').type(file.type).header('content-length', file.size).send(file.stream);
  }

  @Get('assets/:name')
  @Public('the web console bundle: static scripts and styles, no data')
  async asset(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const directory = consoleDirectoryOf(reply.server);
    const file = directory && ASSET_NAME.test(name) ? await consoleFile(directory, `assets/${name}`) : null;
    if (!file) throw new NotFoundException();
    void reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(file.type)
      .header('content-length', file.size)
      .send(file.stream);
  }
}
