import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { derivedId } from '@socle/platform-graphql';
import { CommentRulesService, CommentHandlingRuleSet } from './comment-rules/comment-rules.service';
import { ContentRulesService } from './content-rules-store/content-rules.service';
import { CheckContentInput, CommentResponseDueInput, SetCommentHandlingRulesInput, SetContentRulesInput } from './dto/inputs';
import {
  CommentHandlingRuleSetObject,
  CommentResponseDueObject,
  CommentSeverityEnum,
  ContentCheckObject,
  ContentRuleKindEnum,
  ContentRuleSetObject,
  ContentSeverityEnum,
  PolicyLanguageEnum,
  ResponseDueSourceEnum,
  ResponsibleRoleEnum,
} from './dto/objects';

const toRuleSet = (organizationId: string, set: CommentHandlingRuleSet): CommentHandlingRuleSetObject => ({
  id: derivedId('CommentHandlingRuleSet', organizationId),
  rules: set.rules.map((r) => ({
    channel: r.channel,
    severity: r.severity as CommentSeverityEnum,
    responseMinutes: r.responseMinutes,
    businessHours: r.businessHours,
    responsibleRole: r.responsibleRole as ResponsibleRoleEnum,
    escalate: r.escalate,
    replyTemplates: r.replyTemplates.map((t) => ({ language: t.language as PolicyLanguageEnum, text: t.text })),
  })),
  updatedAt: set.updatedAt,
});

@Resolver()
export class CommentRulesResolver {
  constructor(private readonly rules: CommentRulesService) {}

  @Requires('policies.read')
  @Query(() => CommentHandlingRuleSetObject, {
    description: 'The comment-handling rules (response delay, responsible role, escalation, reply templates by channel and severity).',
  })
  async commentHandlingRules(@OrgCtx() ctx: OrganizationContext): Promise<CommentHandlingRuleSetObject> {
    return toRuleSet(ctx.organizationId, await this.rules.get(ctx));
  }

  @Requires('policies.edit')
  @Mutation(() => CommentHandlingRuleSetObject, {
    description: 'Replaces the comment-handling rules; one rule per channel ("*" or a network) and severity.',
  })
  async setCommentHandlingRules(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The whole set of rules.' }) input: SetCommentHandlingRulesInput,
  ): Promise<CommentHandlingRuleSetObject> {
    return toRuleSet(
      ctx.organizationId,
      await this.rules.set(
        ctx,
        input.rules.map((r) => ({
          channel: r.channel,
          severity: r.severity,
          responseMinutes: r.responseMinutes,
          responsibleRole: r.responsibleRole,
          escalate: r.escalate ?? false,
          businessHours: r.businessHours ?? false,
          replyTemplates: (r.replyTemplates ?? []).map((t) => ({ language: t.language, text: t.text })),
        })),
      ),
    );
  }

  @Requires('policies.read')
  @Query(() => CommentResponseDueObject, {
    description: 'When a comment must be answered and by whom: the network’s rule, else the "*" rule, else the documented default.',
  })
  async commentResponseDue(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: "The comment's network, severity and arrival time." }) input: CommentResponseDueInput,
  ): Promise<CommentResponseDueObject> {
    const due = await this.rules.due(ctx, { network: input.network, severity: input.severity, receivedAt: input.receivedAt ?? new Date() });
    return {
      dueAt: due.dueAt,
      responseMinutes: due.responseMinutes,
      businessHours: due.businessHours,
      responsibleRole: due.responsibleRole as ResponsibleRoleEnum,
      escalate: due.escalate,
      templates: due.templates.map((t) => ({ language: t.language as PolicyLanguageEnum, text: t.text })),
      source: due.source as ResponseDueSourceEnum,
      channel: due.channel,
    };
  }
}

@Resolver()
export class ContentRulesResolver {
  constructor(private readonly rules: ContentRulesService) {}

  @Requires('policies.read')
  @Query(() => ContentRuleSetObject, { description: 'The content rules checked on every draft, and those derived from the brand voice.' })
  async contentRules(@OrgCtx() ctx: OrganizationContext): Promise<ContentRuleSetObject> {
    const [set, derived] = [await this.rules.get(ctx), await this.rules.brandVoiceRules(ctx)];
    return {
      id: derivedId('ContentRuleSet', ctx.organizationId),
      rules: set.rules as unknown as Record<string, unknown>[],
      brandVoiceRules: derived as unknown as Record<string, unknown>[],
      version: set.version,
      updatedAt: set.updatedAt,
    };
  }

  @Requires('contentRules.manage')
  @Mutation(() => ContentRuleSetObject, {
    description: 'Replaces the content rules. Every problem is reported with its path (input.rules[2].words[4]); nothing is stored then.',
  })
  async setContentRules(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The whole list of rules.' }) input: SetContentRulesInput,
  ): Promise<ContentRuleSetObject> {
    const set = await this.rules.set(ctx, input.rules);
    const derived = await this.rules.brandVoiceRules(ctx);
    return {
      id: derivedId('ContentRuleSet', ctx.organizationId),
      rules: set.rules as unknown as Record<string, unknown>[],
      brandVoiceRules: derived as unknown as Record<string, unknown>[],
      version: set.version,
      updatedAt: set.updatedAt,
    };
  }

  @Requires('content.check')
  @Query(() => ContentCheckObject, {
    description: 'Checks a text against the content rules, the brand voice and (with `network`) the network’s text limits.',
  })
  async checkContent(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The text, and optionally its network and kind of content.' }) input: CheckContentInput,
  ): Promise<ContentCheckObject> {
    const result = await this.rules.check(ctx, input);
    return {
      blocked: result.blocked,
      violations: result.violations.map((v) => ({
        ruleId: v.ruleId,
        kind: v.kind as ContentRuleKindEnum,
        severity: v.severity as ContentSeverityEnum,
        start: v.start,
        end: v.end,
        message: v.message,
      })),
    };
  }
}
