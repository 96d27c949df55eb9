import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { DomainError, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { MailOutbox } from '@socle/platform-mail';
import { AcknowledgementsRepository } from '../acknowledgements/acknowledgements.repository';
import type { TenantCtx } from '../documents/policy.repository';
import { parseStaffCsv } from './staff-csv';
import { StaffRepository, StaffRow } from './staff.repository';

export interface StaffImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Lines left out because an earlier line of the CSV has the same e-mail. */
  duplicates: { line: number; firstLine: number; email: string }[];
  /** People on the list after the import. */
  total: number;
}

/**
 * The organisation's staff list: the people without a Socle account who must
 * know its policies. Imported from CSV (all or nothing: one bad line refuses
 * the import, every bad line named), one person per e-mail; removing a person
 * withdraws their open links and the mails not sent yet.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly acks: AcknowledgementsRepository,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditRepository,
  ) {}

  async import(ctx: TenantCtx, csv: string): Promise<StaffImportResult> {
    const parsed = parseStaffCsv(csv);
    if (parsed.problems.length) {
      const problems = parsed.problems.map((p) => ({
        field: 'input.csv',
        message: `${p.line > 0 ? `line ${p.line}` : 'the CSV'}${p.column ? `, ${p.column}` : ''}: ${p.message}`,
      }));
      throw new DomainError('BAD_USER_INPUT', `The staff list was not imported (${problems.length} problem(s)); nothing was changed.`, {
        field: 'input.csv',
        problems,
        details: { lines: parsed.problems },
      });
    }
    const counts = await this.staff.upsert(ctx, parsed.rows, parsed.hasRole);
    const total = await this.staff.count(ctx);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'policy.staff_imported',
        targetType: 'Organization',
        targetId: ctx.uow.organizationId,
        metadata: { ...counts, duplicates: parsed.duplicates.length, total },
      },
      ctx.requestId,
    );
    return { ...counts, duplicates: parsed.duplicates, total };
  }

  page(ctx: TenantCtx, page: KeysetPage): Promise<StaffRow[]> {
    return this.staff.page(ctx, page);
  }

  count(ctx: TenantCtx): Promise<number> {
    return this.staff.count(ctx);
  }

  async remove(ctx: TenantCtx, id: string): Promise<{ staff: StaffRow; linksRevoked: number }> {
    const removed = await this.staff.remove(ctx, id);
    if (!removed) throw notFound('Staff member', id);
    const links = await this.acks.revokeOpenLinksOf(ctx, id);
    await this.outbox.cancelFor(ctx.uow, links);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action: 'policy.staff_removed', targetType: 'StaffMember', targetId: id, metadata: { linksRevoked: links.length } },
      ctx.requestId,
    );
    return { staff: removed, linksRevoked: links.length };
  }
}
