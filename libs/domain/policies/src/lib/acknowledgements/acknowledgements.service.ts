import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import type { Actor } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { isUuid, UnitOfWorkFactory } from '@socle/platform-database';
import { badInput, DomainError, FieldProblem, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { MailOutbox, OutgoingMail } from '@socle/platform-mail';
import { policyRefusal } from '../errors';
import { KIND_NAMES, PolicyKind, PolicyLanguage, PolicySection } from '../documents/policy-model';
import { PolicyRepository, PolicyVersionRow, TenantCtx } from '../documents/policy.repository';
import { StaffRepository, StaffRow } from '../staff/staff.repository';
import { AcknowledgementLinks, DEFAULT_LINK_DAYS, MAX_LINK_DAYS } from './acknowledgement-links';
import { AcknowledgementLinkRow, AcknowledgementsRepository, StaffAcknowledgementRow } from './acknowledgements.repository';

/** Why a link is refused: 404 (not a link of this server, or another organisation's), 410 (expired, used, revoked), 409 (a newer version is in force). */
export type AcknowledgementLinkRefusal = 'LINK_UNKNOWN' | 'LINK_EXPIRED' | 'LINK_USED' | 'LINK_REVOKED' | 'LINK_OUTDATED';

const linkRefused = (reason: AcknowledgementLinkRefusal, message: string) =>
  new DomainError(reason === 'LINK_UNKNOWN' ? 'NOT_FOUND' : 'CONFLICT', `${message} Nothing was recorded.`, { reason });

/** Who acts through a link: no account, so the platform records it (the person is named in the audit). */
const LINK_ACTOR: Actor = { type: 'SYSTEM', id: null };

export const MAX_STAFF_PER_REQUEST = 5000;

export interface AcknowledgementRequestResult {
  policyId: string;
  version: PolicyVersionRow;
  /** People sent a link now. */
  requested: number;
  /** People left out: they already acknowledged this version. */
  alreadyAcknowledged: number;
  expiresAt: Date;
}

export interface AcknowledgementLinkPreview {
  recipientName: string;
  policy: { id: string; kind: PolicyKind; language: PolicyLanguage; version: number; title: string; sections: PolicySection[] };
  expiresAt: Date;
}

export interface StaffAcknowledgementSummary {
  versionId: string | null;
  staffCount: number;
  acknowledgedCount: number;
  linkedCount: number;
}

/**
 * Policies known by everyone: people of the staff list acknowledge the
 * published version of a policy through a signed link sent by e-mail. A link
 * is per person and version, expiring and single-use; the mail is written to
 * the outbox in the transaction that issues the link. A new version needs a
 * new acknowledgement (links of an older version are refused).
 */
@Injectable()
export class AcknowledgementsService {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly staff: StaffRepository,
    private readonly acks: AcknowledgementsRepository,
    private readonly links: AcknowledgementLinks,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditRepository,
    private readonly config: SocleConfig,
    private readonly units: UnitOfWorkFactory,
  ) {}

  async request(
    ctx: TenantCtx,
    input: { policyId: string; staffIds?: string[] | null; expiresInDays?: number | null },
  ): Promise<AcknowledgementRequestResult> {
    const days = input.expiresInDays ?? DEFAULT_LINK_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS)
      throw badInput('input.expiresInDays', `must be a whole number of days from 1 to ${MAX_LINK_DAYS}`);
    const problems: FieldProblem[] = [];
    if (input.staffIds) {
      if (input.staffIds.length === 0)
        problems.push({ field: 'input.staffIds', message: 'give at least one person, or leave it out for everyone' });
      if (input.staffIds.length > MAX_STAFF_PER_REQUEST)
        problems.push({ field: 'input.staffIds', message: `at most ${MAX_STAFF_PER_REQUEST} people per request` });
      input.staffIds.slice(0, MAX_STAFF_PER_REQUEST).forEach((id, i) => {
        if (!isUuid(id)) problems.push({ field: `input.staffIds[${i}]`, message: 'must be a staff id' });
      });
      if (problems.length) throw badInput(problems.slice(0, 20));
    }
    // One campaign of a policy at a time; the policy is this organisation's or it is not found.
    const doc = await this.policies.lockDocument(ctx, input.policyId);
    if (!doc) throw notFound('Policy', input.policyId);
    const version = await this.policies.publishedVersion(ctx, input.policyId);
    if (!version) {
      throw policyRefusal(
        'NOT_PUBLISHED',
        'input.policyId',
        'This policy has no published version: publish it before asking the staff to acknowledge it.',
      );
    }
    const ids = input.staffIds ? [...new Set(input.staffIds)] : null;
    const people = await this.staff.active(ctx, ids);
    if (ids && input.staffIds) {
      const found = new Set(people.map((p) => p.id));
      const missing = input.staffIds
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => !found.has(id))
        .slice(0, 20)
        .map(({ i }) => ({ field: `input.staffIds[${i}]`, message: 'is not on this organization’s staff list' }));
      if (missing.length) throw badInput(missing);
    }
    const done = await this.acks.acknowledgedAmong(
      ctx,
      version.id,
      people.map((p) => p.id),
    );
    const toAsk = people.filter((p) => !done.has(p.id));
    const expiresAt = new Date(Date.now() + days * 86_400_000);
    const { issued, revoked } = await this.acks.issueLinks(
      ctx,
      { id: version.id, policyId: version.policyId, number: version.number },
      toAsk.map((p) => p.id),
      expiresAt,
    );
    const byId = new Map(toAsk.map((p) => [p.id, p]));
    const mails: OutgoingMail[] = issued.map((link) =>
      this.mailFor(ctx, byId.get(link.staffId) as StaffRow, link, version, doc.kind, doc.language),
    );
    // Mails of the replaced links that have not left yet would carry a dead link: they are cancelled.
    await this.outbox.cancelFor(ctx.uow, revoked);
    await this.outbox.enqueue(ctx.uow, mails);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'policy.acknowledgements_requested',
        targetType: 'Policy',
        targetId: input.policyId,
        metadata: { versionId: version.id, number: version.number, requested: issued.length, alreadyAcknowledged: done.size, expiresAt },
      },
      ctx.requestId,
    );
    return { policyId: input.policyId, version, requested: issued.length, alreadyAcknowledged: done.size, expiresAt };
  }

  async summary(ctx: TenantCtx, versionId: string | null): Promise<StaffAcknowledgementSummary> {
    const counts = await this.acks.counts(ctx, versionId);
    return {
      versionId,
      staffCount: counts.staff,
      acknowledgedCount: versionId ? counts.acknowledged : 0,
      linkedCount: versionId ? counts.linked : 0,
    };
  }

  async people(ctx: TenantCtx, versionId: string | null, page: KeysetPage): Promise<(StaffAcknowledgementRow & { createdAt: Date })[]> {
    if (!versionId) return [];
    return this.acks.pageStaff(ctx, versionId, page);
  }

  /** How many people `people` lists over all its pages: none without a published version. */
  async countPeople(ctx: TenantCtx, versionId: string | null): Promise<number> {
    if (!versionId) return 0;
    return this.acks.countStaff(ctx);
  }

  // ------------------------------------------------------------------ through a link, without an account

  async previewByLink(token: string): Promise<AcknowledgementLinkPreview> {
    const claims = this.claimsOf(token);
    return this.units.runInOrganization(claims.organizationId, async (uow) => {
      const ctx: TenantCtx = { uow, organizationId: uow.organizationId, actor: LINK_ACTOR };
      const { link, person, version, kind, language } = await this.openLink(ctx, claims.linkId, false);
      return {
        recipientName: person.name,
        policy: { id: version.policyId, kind, language, version: version.number, title: version.title, sections: version.sections },
        expiresAt: link.expiresAt,
      };
    });
  }

  async acknowledgeByLink(
    token: string,
    requestId?: string,
  ): Promise<{ acknowledgedAt: Date; policyId: string; version: number; title: string }> {
    const claims = this.claimsOf(token);
    return this.units.runInOrganization(claims.organizationId, async (uow) => {
      const ctx: TenantCtx = { uow, organizationId: uow.organizationId, actor: LINK_ACTOR, requestId };
      const { link, person, version } = await this.openLink(ctx, claims.linkId, true);
      if (!(await this.acks.useLink(ctx, link.id))) throw linkRefused('LINK_USED', 'This link was already used.');
      const acknowledgedAt = await this.acks.acknowledge(ctx, link);
      await this.audit.recordInOrganization(
        uow,
        LINK_ACTOR,
        {
          action: 'policy.acknowledged_by_staff',
          targetType: 'Policy',
          targetId: version.policyId,
          metadata: { via: 'acknowledgement link', linkId: link.id, staffId: person.id, versionId: version.id, number: version.number },
        },
        requestId,
      );
      return { acknowledgedAt, policyId: version.policyId, version: version.number, title: version.title };
    });
  }

  // ------------------------------------------------------------------ internals

  private claimsOf(token: string) {
    const checked = this.links.verify(token);
    if ('refused' in checked) {
      throw checked.refused === 'expired'
        ? linkRefused('LINK_EXPIRED', 'This link has expired: ask for a new one.')
        : linkRefused('LINK_UNKNOWN', 'This is not an acknowledgement link of this server.');
    }
    return checked.claims;
  }

  /** The link, its person and version, still good: not used, revoked or expired, the person still listed, the version still the one in force. */
  private async openLink(ctx: TenantCtx, linkId: string, lock: boolean) {
    const link = await this.acks.findLink(ctx, linkId, lock);
    if (!link) throw linkRefused('LINK_UNKNOWN', 'This is not an acknowledgement link of this server.');
    if (link.usedAt) throw linkRefused('LINK_USED', 'This link was already used.');
    if (link.revokedAt) throw linkRefused('LINK_REVOKED', 'This link was replaced or withdrawn: use the latest one you received.');
    if (link.expiresAt.getTime() <= Date.now()) throw linkRefused('LINK_EXPIRED', 'This link has expired: ask for a new one.');
    const person = await this.staff.findActive(ctx, link.staffId);
    if (!person) throw linkRefused('LINK_REVOKED', 'This link was withdrawn.');
    const version = await this.policies.findVersion(ctx, link.versionId);
    if (!version || version.status !== 'PUBLISHED') {
      throw linkRefused(
        'LINK_OUTDATED',
        'A newer version of this policy is in force: it needs an acknowledgement of its own, ask for a new link.',
      );
    }
    const doc = await this.policies.findDocument(ctx, link.policyId);
    if (!doc) throw linkRefused('LINK_UNKNOWN', 'The policy of this link no longer exists.');
    return { link, person, version, kind: doc.kind, language: doc.language };
  }

  private mailFor(
    ctx: TenantCtx,
    person: StaffRow,
    link: AcknowledgementLinkRow,
    version: PolicyVersionRow,
    kind: PolicyKind,
    language: PolicyLanguage,
  ): OutgoingMail {
    const token = this.links.sign({ organizationId: ctx.uow.organizationId, linkId: link.id, expiresAt: link.expiresAt.getTime() });
    const url = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/policy-acknowledgements/${token}`;
    const title = version.title.replace(/\s+/g, ' ').trim();
    const until = link.expiresAt.toISOString().slice(0, 10);
    const subject =
      language === 'fr'
        ? `À lire et confirmer : ${title} (version ${version.number})`
        : `Please read and acknowledge: ${title} (version ${version.number})`;
    const text =
      language === 'fr'
        ? [
            `Bonjour ${person.name},`,
            '',
            `Votre organisation vous demande de prendre connaissance de sa ${KIND_NAMES[kind].fr}, « ${title} » (version ${version.number}), et de le confirmer.`,
            '',
            `Lire et confirmer : ${url}`,
            '',
            `Ce lien personnel est valable jusqu’au ${until} et ne sert qu’une fois. Ne le transférez pas.`,
          ].join('\n')
        : [
            `Hello ${person.name},`,
            '',
            `Your organisation asks you to read its ${KIND_NAMES[kind].en}, "${title}" (version ${version.number}), and to confirm you did.`,
            '',
            `Read and acknowledge: ${url}`,
            '',
            `This personal link works until ${until} and only once. Do not forward it.`,
          ].join('\n');
    return { to: person.email, subject: subject.slice(0, 300), text, purpose: 'policies.acknowledgement', reference: link.id };
  }
}
