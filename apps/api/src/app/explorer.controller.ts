import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '@socle/platform-auth';
import { consoleFile } from './console-files';
import { EXPLORER_CSP, explorerDirectoryOf } from './explorer';

/** Built file names: Vite's hashed names, no folder, no leading dot. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,200}$/;

/** The API explorer's hashed files (its page is the landing page of /graphql), cached for a year, immutable. */
@Controller()
export class ExplorerController {
  @Get('explorer/assets/:name')
  @Public('the API explorer bundle: static scripts and styles, no data')
  async asset(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const directory = explorerDirectoryOf(reply.server);
    const file = directory && ASSET_NAME.test(name) ? await consoleFile(directory, `assets/${name}`) : null;
    if (!file) throw new NotFoundException();
    void reply
      .header('content-security-policy', EXPLORER_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(file.type)
      .header('content-length', file.size)
      .send(file.stream);
  }
}
