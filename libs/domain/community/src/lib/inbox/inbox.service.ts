import { WebhookEvents } from '@socle/platform-webhooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { checkPublishedPost, ConnectorError } from '@socle/connector-sdk';
import type { ConnectorContext, ConnectorRegistry, Credentials } from '@socle/connector-sdk';
import type { KeysetPage } from '@socle/platform-graphql';
import { badInput, DomainError } from '@socle/platform-errors';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { COMMENT_SEVERITIES, CommentRulesService, responseDue, type CommentSeverity, type ReplyTemplate } from '@socle/policies';
import { describeFailure } from '../connector-errors';
import { CONNECTOR_CONTEXT, CONNECTOR_REGISTRY, observe, scrub } from '../connectors';
import { CredentialVault } from '../credential-vault';
import { NetworkAccountRepository, TenantCtx } from '../repositories';
import { InboxFilter, InboxPatch, InboxRepository } from './inbox.repository';
import { SEVERITY_REASONS } from './severity';
import {
  canMoveInbox,
  INBOX_ALREADY_ANSWERED,
  INBOX_CANNOT_REPLY,
  INBOX_CLOSED_STATUSES,
  INBOX_ITEM_CHANGED,
  INBOX_ITEM_CLOSED,
  INBOX_TRANSITION_NOT_ALLOWED,
  InboxItem,
  InboxNote,
  InboxReply,
  InboxStatus,
} from './inbox.types';

export interface InboxMoveOptions {
  /** The statuses the caller expects the item in; any status the workflow allows otherwise. */
  from?: readonly InboxStatus[];
  /** The audit action: `inbox.<verb>` (a bare verb is prefixed). */
  action: string;
  details?: Record<string, unknown>;
  patch?: InboxPatch;
  /** The input field a refusal names (`input.id` by default). */
  field?: string;
}

/** The outcome of one attempt to send a reply. */
export type ReplyOutcome =
  | { sent: true; reply: InboxReply }
  /** Refused for good (the text, the account): the reply is FAILED and the item may be answered again. */
  | { sent: false; final: true; reply: InboxReply; error: DomainError }
  /** A passing failure (time-out, 5xx, 429): the reply stays PENDING and is sent again, with the same key. */
  | { sent: false; final: false; busy: false; reply: InboxReply; error: DomainError }
  /**
   * Another sender holds the reply's lease: the network was not called here, and nothing failed. The reply is
   * as that sender leaves it for now (PENDING); if it is still PENDING once the lease ends, the reconciler queues it again.
   */
  | { sent: false; final: false; busy: true; reply: InboxReply };

/**
 * The shortest lease a sender takes on a reply before calling the network. One connector `reply` may make several
 * requests (a session, the post answered, the reply itself), each bounded by the HTTP client's timeout
 * (CONNECTOR_TIMEOUT_MS, by default the SDK's DEFAULT_TIMEOUT_MS of 10 s). The lease must outlast the whole call, or
 * a second sender could post while the first is still waiting for the network; a sender that stopped frees the reply
 * when it ends, so it stays within minutes.
 */
export const MIN_REPLY_LEASE_MS = 120_000;

/** How long a sender holds a reply: the minimum, or ten request timeouts when the timeout is set longer. */
export function replyLeaseMsOf(config: Pick<SocleConfig, 'CONNECTOR_TIMEOUT_MS'>): number {
  return Math.max(MIN_REPLY_LEASE_MS, config.CONNECTOR_TIMEOUT_MS * 10);
}

export function inboxTransitionRefused(item: Pick<InboxItem, 'id' | 'status'>, to: InboxStatus, field = 'input.id'): DomainError {
  const reason = item.status === 'ANSWERED' ? INBOX_ALREADY_ANSWERED : INBOX_TRANSITION_NOT_ALLOWED;
  return new DomainError('CONFLICT', `Inbox item ${item.id} is ${item.status} and cannot go to ${to}. Nothing was changed.`, {
    field,
    reason,
    details: { status: item.status, to },
  });
}

/**
 * The inbox's rules. Every status change goes through `move`: the workflow
 * table (held a second time by a trigger), a compare-and-set on the status read
 * (of two concurrent moves the second is CONFLICT), an audit entry `inbox.<verb>`.
 * A reply is claimed in the database (one live reply per item), committed,
 * then sent with no transaction open, under a key derived from its row, by
 * the one sender holding its lease.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger('Inbox');
  private readonly replyLeaseMs: number;
  /** Names this process in the leases it takes (with a random part per send). */
  private readonly senderId = `${hostname()}:${process.pid}`;

  constructor(
    private readonly inbox: InboxRepository,
    private readonly audit: AuditRepository,
    private readonly accounts: NetworkAccountRepository,
    private readonly vault: CredentialVault,
    private readonly rules: CommentRulesService,
    @Inject(CONNECTOR_REGISTRY) private readonly registry: ConnectorRegistry,
    @Inject(CONNECTOR_CONTEXT) private readonly connectorContext: ConnectorContext,
    private readonly webhooks: WebhookEvents,
    config: SocleConfig,
  ) {
    this.replyLeaseMs = replyLeaseMsOf(config);
  }

  page(ctx: TenantCtx, filter: InboxFilter, page: KeysetPage): Promise<InboxItem[]> {
    return this.inbox.page(ctx, filter, page);
  }

  /** How many items the filter keeps, all pages together. */
  count(ctx: TenantCtx, filter: InboxFilter): Promise<number> {
    return this.inbox.count(ctx, filter);
  }

  async get(ctx: TenantCtx, id: string, field = 'id'): Promise<InboxItem> {
    const item = await this.inbox.find(ctx, id);
    if (!item) throw new DomainError('NOT_FOUND', `Inbox item ${id} was not found.`, { field });
    return item;
  }

  notes(ctx: TenantCtx, itemId: string): Promise<InboxNote[]> {
    return this.inbox.notes(ctx, itemId);
  }

  replies(ctx: TenantCtx, itemId: string): Promise<InboxReply[]> {
    return this.inbox.replies(ctx, itemId);
  }

  /** The one place an inbox item's status changes. */
  async move(ctx: TenantCtx, id: string, to: InboxStatus, options: InboxMoveOptions): Promise<InboxItem> {
    const field = options.field ?? 'input.id';
    const current = await this.get(ctx, id, field);
    if ((options.from && !options.from.includes(current.status)) || !canMoveInbox(current.status, to))
      throw inboxTransitionRefused(current, to, field);
    const moved = await this.inbox.transition(ctx, id, current.status, to, options.patch);
    if (!moved) {
      // Moved by someone else between the read and the update: report the state it is in now.
      throw inboxTransitionRefused((await this.inbox.find(ctx, id)) ?? current, to, field);
    }
    const action = options.action.startsWith('inbox.') ? options.action : `inbox.${options.action}`;
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action,
        targetType: 'InboxItem',
        targetId: id,
        metadata: { from: current.status, to, ...(options.details ?? {}) },
      },
      ctx.requestId,
    );
    if (to === 'ASSIGNED')
      await this.webhooks.emit(ctx.uow, 'inbox_item.assigned', { inboxItemId: id, assigneeId: moved.assigneeId ?? null });
    if (to === 'ANSWERED') await this.webhooks.emit(ctx.uow, 'inbox_item.answered', { inboxItemId: id, answeredBy: ctx.actor.id });
    return moved;
  }

  async assign(ctx: TenantCtx, id: string, assigneeId: string): Promise<InboxItem> {
    await this.get(ctx, id, 'input.id');
    if (!(await this.inbox.isMember(ctx, assigneeId))) throw badInput('input.assigneeId', 'must be a member of the organization');
    return this.move(ctx, id, 'ASSIGNED', { action: 'assigned', patch: { assigneeId }, details: { assigneeId } });
  }

  async dismiss(ctx: TenantCtx, id: string, reason: string | null): Promise<InboxItem> {
    return this.move(ctx, id, 'DISMISSED', { action: 'dismissed', details: reason ? { reason } : {} });
  }

  /** By hand, to a role (by default the responsible role of the item's rule). */
  async escalate(ctx: TenantCtx, id: string, role: OrganizationRole | null, reason: string | null): Promise<InboxItem> {
    if (role && !(ORGANIZATION_ROLES as readonly string[]).includes(role)) throw badInput('input.role', 'must be an organization role');
    const item = await this.get(ctx, id, 'input.id');
    const to = role ?? item.responsibleRole;
    return this.move(ctx, id, 'ESCALATED', {
      action: 'escalated',
      patch: { escalatedTo: to },
      details: { role: to, by: 'hand', ...(reason ? { reason } : {}) },
    });
  }

  /**
   * A member reclassifies an item: its severity, the due time counted from when
   * it was received under that severity's rule, and the rule's responsible role.
   * Optimistic: `version` must be the item's (else CONFLICT INBOX_ITEM_CHANGED,
   * with the current version); an ANSWERED or DISMISSED item keeps its severity
   * (CONFLICT INBOX_ITEM_CLOSED). The update is conditional on both, so of two
   * people changing it at once one wins.
   */
  async setSeverity(ctx: TenantCtx, id: string, severity: CommentSeverity, version: number): Promise<InboxItem> {
    if (!(COMMENT_SEVERITIES as readonly string[]).includes(severity))
      throw badInput('input.severity', 'must be LOW, NORMAL, HIGH or CRISIS');
    const current = await this.get(ctx, id, 'input.id');
    const refusal = (item: InboxItem): DomainError =>
      INBOX_CLOSED_STATUSES.includes(item.status)
        ? new DomainError('CONFLICT', `Inbox item ${id} is ${item.status}: its severity no longer changes. Nothing was changed.`, {
            field: 'input.id',
            reason: INBOX_ITEM_CLOSED,
            details: { status: item.status },
          })
        : new DomainError('CONFLICT', `Inbox item ${id} was changed by someone else (now version ${item.version}). Nothing was changed.`, {
            field: 'input.version',
            reason: INBOX_ITEM_CHANGED,
            details: { version: item.version },
          });
    if (INBOX_CLOSED_STATUSES.includes(current.status) || current.version !== version) throw refusal(current);
    const { rules, calendar } = await this.rules.get(ctx);
    const due = responseDue(rules, { network: current.source, severity, receivedAt: current.receivedAt }, calendar);
    const changed = await this.inbox.setSeverity(ctx, id, version, {
      severity,
      reason: SEVERITY_REASONS.manual,
      dueAt: due.dueAt,
      responsibleRole: due.responsibleRole,
      setBy: ctx.actor.type === 'USER' ? ctx.actor.id : null,
    });
    // Changed by someone else between the read and the update: report the state it is in now.
    if (!changed) throw refusal((await this.inbox.find(ctx, id)) ?? current);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'inbox.severity_set',
        targetType: 'InboxItem',
        targetId: id,
        metadata: {
          from: current.severity,
          to: severity,
          previousReason: current.severityReason,
          dueAt: due.dueAt.toISOString(),
          responsibleRole: due.responsibleRole,
        },
      },
      ctx.requestId,
    );
    return changed;
  }

  async addNote(ctx: TenantCtx, itemId: string, text: string): Promise<InboxNote> {
    await this.get(ctx, itemId, 'input.itemId');
    const note = await this.inbox.addNote(ctx, itemId, text, ctx.actor.type === 'USER' ? ctx.actor.id : null);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'inbox.note_added',
        targetType: 'InboxItem',
        targetId: itemId,
        metadata: { noteId: note.id },
      },
      ctx.requestId,
    );
    return note;
  }

  /** The reply templates of the rule that applies to this network and severity (or every rule's, without a network). */
  async replyTemplates(
    ctx: TenantCtx,
    network: string | null,
    severity: InboxItem['severity'] | null,
  ): Promise<(ReplyTemplate & { channel: string; severity: string })[]> {
    const { rules } = await this.rules.get(ctx);
    return rules
      .filter((rule) => (!severity || rule.severity === severity) && (!network || rule.channel === network || rule.channel === '*'))
      .filter(
        (rule, _, all) =>
          !network || rule.channel === network || !all.some((other) => other.channel === network && other.severity === rule.severity),
      )
      .flatMap((rule) => rule.replyTemplates.map((template) => ({ ...template, channel: rule.channel, severity: rule.severity })));
  }

  /**
   * Answers an item: claims its one live reply (CONFLICT `INBOX_ALREADY_ANSWERED`
   * when another reply is being sent or was sent), commits the claim, then sends
   * it. A passing network failure leaves the reply PENDING (the worker sends it
   * again with the same key); a refusal marks it FAILED and is BAD_USER_INPUT.
   * When another sender already holds the reply, the item is returned as it is
   * (the reply PENDING): that sender's outcome is recorded on the reply.
   */
  async reply(ctx: TenantCtx, itemId: string, text: string): Promise<InboxItem> {
    const item = await this.get(ctx, itemId, 'input.itemId');
    if (!canMoveInbox(item.status, 'ANSWERED')) throw inboxTransitionRefused(item, 'ANSWERED', 'input.itemId');
    const account = item.networkAccountId ? await this.accounts.find(ctx, item.networkAccountId) : null;
    const connector = account ? this.registry.get(account.network) : undefined;
    if (!account || !connector?.reply || !connector.manifest.capabilities.reply) {
      throw new DomainError('CONFLICT', 'The account this item came to is disconnected or its network cannot reply through the platform.', {
        field: 'input.itemId',
        reason: INBOX_CANNOT_REPLY,
      });
    }
    const violations = connector.validate({ text });
    if (violations.length) throw badInput(violations.map((v) => ({ field: 'input.text', message: v.message })));
    const claimed = await this.inbox.claimReply(ctx, {
      id: randomUUID(),
      itemId,
      networkAccountId: account.id,
      text,
      createdBy: ctx.actor.type === 'USER' ? ctx.actor.id : null,
    });
    if (!claimed) {
      throw new DomainError('CONFLICT', `Inbox item ${itemId} is being answered or was answered by someone else. Nothing was changed.`, {
        field: 'input.itemId',
        reason: INBOX_ALREADY_ANSWERED,
      });
    }
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'inbox.reply_started',
        targetType: 'InboxItem',
        targetId: itemId,
        metadata: { replyId: claimed.id },
      },
      ctx.requestId,
    );
    // The claim is durable before the network is called: a crash now leaves a PENDING reply the worker sends (same key).
    await ctx.uow.commitAndContinue();
    const outcome = await this.send(ctx, claimed.id);
    if (!outcome.sent && outcome.final) {
      await ctx.uow.commitAndContinue();
      throw outcome.error;
    }
    return this.get(ctx, itemId, 'input.itemId');
  }

  /**
   * Sends a PENDING reply (from the API right after its claim, or the worker
   * later): leases it in one statement and commits before the network call,
   * records the outcome in a short transaction (which ends the lease). Of two
   * senders at once, the one without the lease does not call the network
   * (`busy`), so a network that ignores keys still gets one post; the key, the
   * row's, covers a sender whose lease ended while it was still calling. A
   * reply already SENT is left alone.
   */
  async send(ctx: TenantCtx, replyId: string): Promise<ReplyOutcome> {
    const reply = await this.inbox.findReply(ctx, replyId);
    if (!reply) throw new DomainError('NOT_FOUND', `Reply ${replyId} was not found.`);
    if (reply.status === 'SENT') return { sent: true, reply };
    const item = await this.get(ctx, reply.itemId);
    const account = reply.networkAccountId ? await this.accounts.findWithCredentials(ctx, reply.networkAccountId) : null;
    const connector = account ? this.registry.get(account.network) : undefined;
    // The sender's lease, once taken: what it records after the call ends only its own lease, never a later sender's.
    let lease: string | null = null;
    const fail = async (message: string, error: DomainError): Promise<ReplyOutcome> => {
      const recorded = reply.status !== 'PENDING' || (await this.inbox.markFailed(ctx, replyId, message, lease));
      const now = (await this.inbox.findReply(ctx, replyId)) ?? reply;
      // Not recorded: another sender holds the reply, or recorded it meanwhile; its outcome stands.
      if (!recorded && now.status === 'SENT') return { sent: true, reply: now };
      if (!recorded && now.status === 'PENDING') return { sent: false, final: false, busy: true, reply: now };
      return { sent: false, final: true, reply: now, error };
    };
    if (reply.status === 'FAILED')
      return { sent: false, final: true, reply, error: new DomainError('CONFLICT', 'This reply failed.', { reason: INBOX_CANNOT_REPLY }) };
    if (!account?.credentialsCiphertext || !connector?.reply) {
      return fail(
        'the account was disconnected or cannot reply',
        new DomainError('CONFLICT', 'The account is disconnected or cannot reply.', {
          field: 'input.itemId',
          reason: INBOX_CANNOT_REPLY,
        }),
      );
    }
    let credentials: Credentials;
    try {
      credentials = this.vault.open(ctx.organizationId, account.id, account.credentialsCiphertext);
    } catch {
      return fail(
        'credentials cannot be decrypted',
        new DomainError('CONFLICT', 'The account must be connected again.', { field: 'input.itemId', reason: INBOX_CANNOT_REPLY }),
      );
    }
    lease = `${this.senderId}/${randomBytes(6).toString('hex')}`;
    if (!(await this.inbox.leaseReply(ctx, replyId, this.replyLeaseMs, lease))) {
      // Someone else is sending it (or has just recorded it): report it as it is now, without calling the network.
      const now = (await this.inbox.findReply(ctx, replyId)) ?? reply;
      return now.status === 'SENT' ? { sent: true, reply: now } : { sent: false, final: false, busy: true, reply: now };
    }
    await ctx.uow.commitAndContinue();
    const { ctx: connectorCtx, observation } = observe(this.connectorContext);
    const send = connector.reply.bind(connector);
    try {
      // The network's answer is remote input: an id the platform cannot keep is a call of unknown outcome (sent again with
      // the same key, whose network answers the same reply); a URL it cannot keep, or not http(s), is dropped.
      const checked = checkPublishedPost(
        await send(connectorCtx, credentials, item.externalId, { text: reply.text }, reply.idempotencyKey),
      );
      if ('problem' in checked) throw new ConnectorError('UNKNOWN', `${checked.problem}: the reply cannot be recorded`);
      const post = checked.post;
      if (await this.inbox.markSent(ctx, replyId, post)) {
        const now = await this.inbox.find(ctx, item.id);
        if (now && canMoveInbox(now.status, 'ANSWERED')) {
          await this.move(ctx, item.id, 'ANSWERED', {
            action: 'answered',
            patch: { firstResponseAt: new Date(), answeredBy: reply.createdBy },
            details: { replyId, externalId: post.externalId },
          });
        }
      }
      await ctx.uow.commitAndContinue();
      return { sent: true, reply: (await this.inbox.findReply(ctx, replyId)) ?? reply };
    } catch (error) {
      if (!(error instanceof ConnectorError)) {
        const name = error instanceof Error ? error.name : typeof error;
        this.logger.warn(`reply ${replyId}: connector ${account.network} failed unexpectedly (${scrub(name, credentials.secrets)})`);
        await this.inbox.noteError(ctx, replyId, `unexpected failure (${scrub(name, credentials.secrets)})`, lease);
        await ctx.uow.commitAndContinue();
        return {
          sent: false,
          final: false,
          busy: false,
          reply,
          error: new DomainError('UPSTREAM_UNAVAILABLE', 'The network failed unexpectedly; the reply will be sent again.'),
        };
      }
      const described = scrub(describeFailure(error, credentials.serviceUrl, observation, credentials.secrets), credentials.secrets);
      if (error.kind === 'REJECTED' || error.kind === 'AUTH_EXPIRED') {
        const message = error.kind === 'REJECTED' && error.networkReason ? scrub(error.networkReason, credentials.secrets) : described;
        const outcome = await fail(
          `${error.kind}: ${message}`,
          error.kind === 'REJECTED'
            ? badInput('input.text', `the network refused the reply: ${message}`)
            : new DomainError('CONFLICT', 'The network refused the account: connect it again, then answer.', {
                field: 'input.itemId',
                reason: INBOX_CANNOT_REPLY,
              }),
        );
        await ctx.uow.commitAndContinue();
        return outcome;
      }
      await this.inbox.noteError(ctx, replyId, `${error.kind}: ${described}`, lease);
      await ctx.uow.commitAndContinue();
      return {
        sent: false,
        final: false,
        busy: false,
        reply,
        error: new DomainError(
          'UPSTREAM_UNAVAILABLE',
          `The network did not answer properly (${described}); the reply will be sent again.`,
          {
            details: { networkErrorKind: error.kind },
          },
        ),
      };
    }
  }

  /** The SLA sweep of one organisation: open items past due go to their rule's responsible role, once. */
  async escalateOverdue(ctx: TenantCtx, limit = 500): Promise<number> {
    const overdue = await this.inbox.overdueForUpdate(ctx, limit);
    let count = 0;
    for (const item of overdue) {
      const moved = await this.inbox.transition(ctx, item.id, item.status, 'ESCALATED', { escalatedTo: item.responsibleRole });
      if (!moved) continue;
      count += 1;
      await this.audit.recordInOrganization(
        ctx.uow,
        ctx.actor,
        {
          action: 'inbox.escalated',
          targetType: 'InboxItem',
          targetId: item.id,
          metadata: { from: item.status, to: 'ESCALATED', role: item.responsibleRole, by: 'sla', dueAt: item.dueAt.toISOString() },
        },
        ctx.requestId,
      );
      await this.webhooks.emit(ctx.uow, 'inbox_item.overdue', {
        inboxItemId: item.id,
        dueAt: item.dueAt.toISOString(),
        escalatedTo: item.responsibleRole,
      });
    }
    return count;
  }
}
