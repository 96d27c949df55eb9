import { Controller, Get, Headers, Logger, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { DomainError } from '@socle/platform-errors';
import { AccessProvenBy } from '@socle/platform-auth';
import { NetworkAccountService } from './network-account.service';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Where a network sends the user back after an OAuth consent. The state names
 * its organisation, so the tenant is set before the state is looked up (by the
 * hash of its secret, single use). Answers a small page, or JSON when asked.
 */
@Controller('oauth')
export class OAuthCallbackController {
  private readonly logger = new Logger('OAuthCallback');

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly accounts: NetworkAccountService,
  ) {}

  @Get('callback')
  @AccessProvenBy(
    'OAuth state',
    'the single-use state names its organisation and was issued, with its secret, to a caller allowed to manage the accounts; it is looked up by its hash before anything is read or written',
  )
  async callback(
    @Query('state') state: unknown,
    @Query('code') code: unknown,
    @Query('error') denied: unknown,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const json = (accept ?? '').includes('application/json');
    const answer = (
      status: number,
      body: {
        ok: boolean;
        message: string;
        account?: { id: string; network: string; handle: string };
        choice?: {
          id: string;
          network: string;
          expiresAt: string;
          targets: { id: string; kind: string; name: string; handle: string | null; url: string | null }[];
        };
      },
    ) => {
      if (json) return void reply.status(status).type('application/json; charset=utf-8').send(body);
      const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Socle</title></head><body><p>${escapeHtml(body.message)}</p></body></html>`;
      return void reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    };
    if (typeof state !== 'string' || !this.accounts.organizationOfState(state))
      return answer(400, { ok: false, message: 'This link is not a connection started here.' });
    if (typeof denied === 'string' && denied) return answer(400, { ok: false, message: 'The network did not authorize the connection.' });
    if (typeof code !== 'string' || !code || code.length > 2000)
      return answer(400, { ok: false, message: 'The network sent no authorization code.' });
    const organizationId = (this.accounts.organizationOfState(state) as { organizationId: string }).organizationId;
    try {
      // The state names its organisation; completeOAuth takes it (single use, by its hash) before anything else.
      const outcome = await this.units.runInOrganization(organizationId, (uow) => this.accounts.completeOAuth(uow, state, code));
      if (outcome.choice) {
        const { choice } = outcome;
        if (!json) {
          // A browser: on to the console's accounts page, where a member picks the page (the modal reads the choice).
          const where = `/organizations/${organizationId}/accounts?choice=${choice.id}`;
          const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Socle</title></head><body><p><a href="${escapeHtml(where)}">Choose the page, organisation or channel to connect.</a></p></body></html>`;
          return void reply
            .status(303)
            .header('location', where)
            .header('cache-control', 'no-store')
            .type('text/html; charset=utf-8')
            .send(html);
        }
        // The choice is made by a signed-in member (chooseNetworkAccountTarget): this page only says so.
        return answer(200, {
          ok: true,
          message: `Signed in. This sign-in may publish as ${choice.targets.length} pages, organisations or channels: choose the one to connect in Socle (${choice.targets
            .slice(0, 5)
            .map((t) => t.name)
            .join(', ')}${choice.targets.length > 5 ? ', …' : ''}).`,
          choice: { id: choice.id, network: choice.network, expiresAt: choice.expiresAt.toISOString(), targets: choice.targets },
        });
      }
      const { account } = outcome;
      return answer(200, {
        ok: true,
        message: `Connected ${account.handle}. You can close this page.`,
        account: { id: account.id, network: account.network, handle: account.handle },
      });
    } catch (error) {
      if (error instanceof DomainError) return answer(400, { ok: false, message: error.message });
      this.logger.error(`OAuth callback failed: ${error instanceof Error ? error.name : 'error'}`);
      return answer(500, { ok: false, message: 'Connecting the account failed; nothing was stored.' });
    }
  }
}
