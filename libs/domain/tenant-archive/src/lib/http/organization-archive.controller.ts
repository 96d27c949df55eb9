import { Body, Controller, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage } from 'node:http';
import { AuditRepository } from '@socle/accounts';
import { CredentialVault } from '@socle/community';
import { boundaryOf, MEDIA_STORAGE, MediaStorage, MultipartReader, multipartRefusal } from '@socle/content';
import { AccessProvenBy } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { badInput, DomainError, HTTP_STATUS_OF } from '@socle/platform-errors';
import { TenantArchiveError } from '../archive-format';
import { exportOrganization } from '../export-organization';
import { importOrganization } from '../import-organization';
import { ArchiveHttpAccess, ArchiveCaller } from './archive-http-access';

/** The passphrase seals the network credentials inside the archive: long enough to resist guessing offline. */
export const PASSPHRASE_MIN_LENGTH = 12;
const PASSPHRASE_MAX_LENGTH = 1024;
/** Bytes of form fields other than `archive` read per import (the passphrase). */
const OTHER_FIELDS_MAX_BYTES = 16 * 1024;
const ARCHIVE_TOO_LARGE = 'ARCHIVE_TOO_LARGE';
const PROOF = 'bearer credentials';
const PROOF_REASON =
  'the request carries the same credentials as the GraphQL API (access token); membership in the agency is proven as the ' +
  'transaction opens and the agency-level permission (people only, never API keys) is checked before any tenant data is read or written';

type WithRequestId = FastifyRequest & { requestId?: string };

/** `"Boulangerie Exportée"` → `boulangerie-exportee`: a file name every system accepts. */
export function archiveFileName(organizationName: string, at: Date): string {
  const slug = organizationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'organization'}-${at.toISOString().slice(0, 10)}.socle.tar.gz`;
}

export function checkedPassphrase(value: unknown): string {
  if (typeof value !== 'string' || value.length < PASSPHRASE_MIN_LENGTH)
    throw badInput('passphrase', `give a passphrase of at least ${PASSPHRASE_MIN_LENGTH} characters`);
  if (value.length > PASSPHRASE_MAX_LENGTH)
    throw badInput('passphrase', `give a passphrase of at most ${PASSPHRASE_MAX_LENGTH} characters`);
  return value;
}

/**
 * An agency hands a client over, or takes one in, without an operator:
 *
 * - `POST /organizations/:id/archive` (JSON `{ "passphrase": … }`) answers the organisation's archive, streamed as it is
 *   produced (`application/gzip`), to the owners and administrators of its agency;
 * - `POST /agency/organization-archives` (multipart: `archive`, `passphrase`) imports one into the caller's agency
 *   (`X-Socle-Agency`, or the caller's first agency), for its owners, and answers the new organisation (201).
 *
 * Both are people-only (`humansOnly` permissions): the archive holds the client's network credentials, sealed with the
 * passphrase, and API keys never handle credentials. Both are written to the agency's audit log, never the passphrase.
 */
@Controller()
export class OrganizationArchiveController {
  private readonly logger = new Logger('OrganizationArchive');

  constructor(
    private readonly access: ArchiveHttpAccess,
    private readonly units: UnitOfWorkFactory,
    private readonly audit: AuditRepository,
    private readonly vault: CredentialVault,
    private readonly config: SocleConfig,
    @Inject(MEDIA_STORAGE) private readonly media: MediaStorage,
  ) {}

  @Post('organizations/:id/archive')
  @AccessProvenBy(PROOF, PROOF_REASON)
  async exportArchive(
    @Param('id') organizationId: string,
    @Body() body: unknown,
    @Req() request: WithRequestId,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const requestId = request.requestId ?? '';
    try {
      const caller = await this.access.forOrganization(request, organizationId, 'agency.organizations.export', requestId);
      const passphrase = checkedPassphrase((body as { passphrase?: unknown } | null | undefined)?.passphrase);
      const [organization] = await this.units.runInOrganization(organizationId, (uow) =>
        uow.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [organizationId]),
      );
      const output = new PassThrough();
      const exported = exportOrganization(this.units, { organizationId, passphrase, output, vault: this.vault, media: this.media });
      // Tables and files are staged before the first byte: a refusal until then is still an answer of its own.
      await Promise.race([once(output, 'readable'), exported]);
      // Recorded once the archive is staged, before it leaves: a download the client then breaks off was still handed out.
      await this.record(caller, 'organization.exported', organizationId, requestId, { name: organization?.name ?? null });
      exported.catch((error: unknown) => {
        this.logger.error(`request ${requestId}: export of ${organizationId} failed while streaming: ${describe(error)}`);
        output.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const filename = archiveFileName(organization?.name ?? '', new Date());
      return reply
        .status(200)
        .type('application/gzip')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(output);
    } catch (error) {
      return this.fail(reply, error, requestId);
    }
  }

  @Post('agency/organization-archives')
  @RouteConfig({ streamedMultipart: true })
  @AccessProvenBy(PROOF, PROOF_REASON)
  async importArchive(@Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const requestId = request.requestId ?? '';
    const directory = await mkdtemp(join(tmpdir(), 'socle-upload-'));
    try {
      const caller = await this.access.forAgency(request, 'agency.organizations.import', requestId);
      const boundary = boundaryOf(request.headers['content-type']);
      const file = join(directory, 'archive.tar.gz');
      const fields = await this.receive(request.raw, boundary, file);
      const passphrase = checkedPassphrase(fields.passphrase);
      if (!fields.archive) throw badInput('archive', 'the form has no `archive` file');
      const summary = await importOrganization(this.units, {
        input: createReadStream(file),
        targetAgencyId: caller.agencyId,
        passphrase,
        vault: this.vault,
        media: this.media,
      });
      await this.record(caller, 'organization.imported', summary.organizationId, requestId, {
        name: summary.name,
        mediaFiles: summary.mediaFiles,
        peopleMatched: summary.peopleMatched,
        peopleCreated: summary.peopleCreated,
        notices: summary.notices,
      });
      return reply.status(201).type('application/json; charset=utf-8').send({
        id: summary.organizationId,
        name: summary.name,
        rows: summary.rows,
        mediaFiles: summary.mediaFiles,
        peopleMatched: summary.peopleMatched,
        peopleCreated: summary.peopleCreated,
        notices: summary.notices,
      });
    } catch (error) {
      // The body may not have been read to its end: do not keep the connection for another request.
      return this.fail(reply.header('connection', 'close'), error, requestId);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  /** Streams the `archive` part to `file`, refused once it passes the cap; keeps the small `passphrase` field. */
  private async receive(body: IncomingMessage, boundary: string, file: string): Promise<{ archive: boolean; passphrase?: string }> {
    const reader = new MultipartReader(boundary);
    const max = this.config.ORGANIZATION_ARCHIVE_MAX_BYTES;
    let archive = false;
    let current: string | undefined;
    let size = 0;
    let otherBytes = 0;
    const fields = new Map<string, Buffer[]>();
    async function* archiveBytes(): AsyncGenerator<Buffer> {
      // Not destroyed on an early refusal: the answer must still reach the client over this socket.
      for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        for (const event of reader.push(chunk)) {
          if (event.kind === 'part') {
            current = event.headers.name ?? undefined;
            if (current === 'archive' && archive) throw multipartRefusal('send one archive per request');
            if (current === 'archive') archive = true;
          } else if (event.kind === 'data') {
            if (current === 'archive') {
              if ((size += event.data.length) > max)
                throw new DomainError('BAD_USER_INPUT', `The archive is larger than ${max} bytes (ORGANIZATION_ARCHIVE_MAX_BYTES).`, {
                  field: 'archive',
                  reason: ARCHIVE_TOO_LARGE,
                });
              yield event.data;
            } else {
              if ((otherBytes += event.data.length) > OTHER_FIELDS_MAX_BYTES)
                throw multipartRefusal(`fields other than archive exceed ${OTHER_FIELDS_MAX_BYTES} bytes`);
              const name = current ?? '';
              fields.set(name, [...(fields.get(name) ?? []), Buffer.from(event.data)]);
            }
          } else if (event.kind === 'partEnd') {
            current = undefined;
          }
        }
      }
      reader.end();
    }
    await pipeline(Readable.from(archiveBytes(), { objectMode: false }), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    const passphrase = fields.get('passphrase');
    return { archive, passphrase: passphrase ? Buffer.concat(passphrase).toString('utf8') : undefined };
  }

  private async record(
    caller: ArchiveCaller,
    action: string,
    organizationId: string,
    requestId: string,
    metadata: Record<string, unknown>,
  ): Promise<void> {
    await this.units.run({ agencyId: caller.agencyId }, (uow) =>
      this.audit.recordInAgency(
        uow,
        caller.agencyId,
        caller.actor,
        { action, organizationId, targetType: 'Organization', targetId: organizationId, metadata },
        requestId,
      ),
    );
  }

  /** The API's error shape (`errors[0].extensions.code`, `field`, `reason`, `requestId`); the archive's refusals are 400, or 409 when it is already here. */
  private fail(reply: FastifyReply, error: unknown, requestId: string): FastifyReply {
    if (reply.sent) return reply;
    let refusal = error;
    if (error instanceof TenantArchiveError)
      refusal = new DomainError(error.conflict ? 'CONFLICT' : 'BAD_USER_INPUT', error.message, {
        field: 'archive',
        reason: 'ARCHIVE_REFUSED',
      });
    if (refusal instanceof DomainError) {
      const status = refusal.reason === ARCHIVE_TOO_LARGE ? 413 : HTTP_STATUS_OF[refusal.code];
      if (status >= 500) this.logger.error(`request ${requestId}: ${refusal.message}`);
      if (refusal.retryAfterSeconds !== undefined) void reply.header('retry-after', String(refusal.retryAfterSeconds));
      return reply
        .status(status)
        .type('application/json; charset=utf-8')
        .send({ errors: [{ message: refusal.message, extensions: { ...refusal.facts(), requestId } }] });
    }
    this.logger.error(`request ${requestId}: ${describe(error)}`);
    return reply
      .status(500)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL', requestId } }] });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
