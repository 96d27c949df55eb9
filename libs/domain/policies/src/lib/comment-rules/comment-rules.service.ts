import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import type { OrganizationRole } from '@socle/platform-auth';
import { badInput } from '@socle/platform-errors';
import type { BusinessCalendar } from '../business-calendar/business-calendar';
import { readBusinessCalendar } from '../business-calendar/business-calendar.service';
import type { TenantCtx } from '../documents/policy.repository';
import { CommentHandlingRule, CommentSeverity, ResponseDue, responseDue, validateCommentRules } from './response-due';

export interface CommentHandlingRuleSet {
  rules: CommentHandlingRule[];
  updatedAt: Date | null;
  /** The organisation's business calendar, for the rules counted in business hours (pass it to `responseDue`). */
  calendar: BusinessCalendar;
}

interface Row {
  channel: string;
  severity: CommentSeverity;
  response_minutes: number;
  responsible_role: OrganizationRole;
  escalate: boolean;
  business_hours: boolean;
  reply_templates: CommentHandlingRule['replyTemplates'];
  updated_at: Date;
}

/** The organisation's comment-handling rules (one per channel and severity), edited as one set, and due times computed from them. */
@Injectable()
export class CommentRulesService {
  constructor(private readonly audit: AuditRepository) {}

  async get(ctx: TenantCtx): Promise<CommentHandlingRuleSet> {
    const rows = await ctx.uow.query<Row>(
      `SELECT channel, severity, response_minutes, responsible_role, escalate, business_hours, reply_templates, updated_at
         FROM comment_handling_rules WHERE organization_id = $1 ORDER BY position`,
      [ctx.organizationId],
    );
    return {
      rules: rows.map((r) => ({
        channel: r.channel,
        severity: r.severity,
        responseMinutes: r.response_minutes,
        responsibleRole: r.responsible_role,
        escalate: r.escalate,
        businessHours: r.business_hours,
        replyTemplates: r.reply_templates,
      })),
      updatedAt: rows.reduce<Date | null>((latest, r) => (!latest || r.updated_at > latest ? r.updated_at : latest), null),
      calendar: (await readBusinessCalendar(ctx)).calendar,
    };
  }

  /** Replaces the whole set (in the request's transaction) after validating every rule; a refused set changes nothing. */
  async set(ctx: TenantCtx, rules: CommentHandlingRule[]): Promise<CommentHandlingRuleSet> {
    const problems = validateCommentRules(rules).map((p) => ({ field: `input.rules${p.path}`, message: p.message }));
    if (problems.length > 0) throw badInput(problems);
    await ctx.uow.execute('DELETE FROM comment_handling_rules WHERE organization_id = $1', [ctx.organizationId]);
    await ctx.uow.execute(
      `INSERT INTO comment_handling_rules (organization_id, channel, severity, response_minutes, responsible_role, escalate, business_hours,
                                           reply_templates, position, updated_by)
       SELECT $1, r.channel, r.severity, r.response_minutes, r.responsible_role, r.escalate, r.business_hours, r.reply_templates, r.position, $3
         FROM jsonb_to_recordset($2::jsonb) AS r(channel text, severity text, response_minutes int, responsible_role text, escalate boolean,
                                                 business_hours boolean, reply_templates jsonb, position int)`,
      [
        ctx.organizationId,
        JSON.stringify(
          rules.map((r, position) => ({
            channel: r.channel,
            severity: r.severity,
            response_minutes: r.responseMinutes,
            responsible_role: r.responsibleRole,
            escalate: r.escalate,
            business_hours: r.businessHours,
            reply_templates: r.replyTemplates,
            position,
          })),
        ),
        ctx.actor.type === 'USER' ? ctx.actor.id : null,
      ],
    );
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'comment_rules.updated',
        targetType: 'CommentHandlingRuleSet',
        targetId: ctx.organizationId,
        metadata: { rules: rules.length },
      },
      ctx.requestId,
    );
    return this.get(ctx);
  }

  async due(ctx: TenantCtx, comment: { network: string; severity: CommentSeverity; receivedAt: Date }): Promise<ResponseDue> {
    const { rules, calendar } = await this.get(ctx);
    return responseDue(rules, comment, calendar);
  }
}
