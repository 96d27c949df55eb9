import { createHash } from 'node:crypto';
import { Injectable, UseInterceptors } from '@nestjs/common';
import { Args, ArgsType, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { badInput, conflict } from '@socle/platform-errors';
import { DateTimeScalar, derivedId, YearMonthScalar } from '@socle/platform-graphql';
import { MailOutbox } from '@socle/platform-mail';
import { StrategyAuditInterceptor } from '../../strategy-audit.interceptor';
import { zonedTime } from '../../task-force/calendar';
import type { GovernanceCtx } from '../governance.repository';
import { missing } from '../governance.service';
import { advocacyDigest, AdvocacyLocale, Digest, launchMessage, safeHttpUrl, signatureHtml, SignatureLink } from './advocacy';
import { dueDigest, nextDigestAt } from './advocacy-schedule';
import { AdvocacyRepository } from './advocacy.repository';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const NOT_BLANK = /\S/;
const blank = { message: 'must not be blank' };

@ObjectType('AdvocacyDigestPost', { description: 'One post of the monthly digest.' })
export class AdvocacyDigestPostObject {
  @Field(() => String, { description: 'Network id it was published on, e.g. "mastodon".' }) network!: string;
  @Field(() => String, { description: 'Title of the content item.' }) title!: string;
  @Field(() => String, { description: 'The text as published, ready to copy.' }) text!: string;
  @Field(() => String, { description: 'Link to the post on the network; null when the network gave none.', nullable: true }) url!:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was published (UTC).' }) publishedAt!: Date;
  @Field(() => Float, { nullable: true, description: 'Likes, reposts and replies as last measured.' }) engagement!: number | null;
}

@ObjectType('AdvocacyDigest', { description: 'The monthly mail to the staff: the best-performing posts with their text ready to share.' })
export class AdvocacyDigestObject {
  @Field(() => String, { description: 'Subject line of the mail.' }) subject!: string;
  @Field(() => String, { description: 'Plain text, ready to send.' }) text!: string;
  @Field(() => [AdvocacyDigestPostObject], { description: 'The posts, best-performing first.' }) posts!: AdvocacyDigestPostObject[];
}

@ObjectType('AdvocacyMessage', { description: 'A ready-to-send message to the staff that launches the employee advocacy programme.' })
export class AdvocacyMessageObject {
  @Field(() => String, { description: 'Subject line.' }) subject!: string;
  @Field(() => String, { description: "Plain text, in the organization's language, signed by the signer." }) text!: string;
}

@ObjectType('EmailSignature', { description: 'An e-mail signature for a member of the staff.' })
export class EmailSignatureObject {
  @Field(() => String, { description: 'An HTML snippet to paste into a mail client; every value is escaped.' }) html!: string;
}

@InputType({ description: 'The month whose digest to send.' })
export class SendAdvocacyDigestInput {
  @Field(() => YearMonthScalar, { description: 'The month, in the organization’s time zone.' })
  @IsString()
  month!: string;
}

@ObjectType('AdvocacyDigestSent', { description: 'The digest queued for sending.' })
export class AdvocacyDigestSentObject {
  @Field(() => YearMonthScalar, { description: 'The month of the digest.' }) month!: string;
  @Field(() => Int, { description: 'Members the mail was queued for.' }) recipients!: number;
}

@ObjectType('AdvocacyDigestSchedule', {
  description:
    'Whether the monthly digest goes out by itself: the previous month’s, on the first business day of each month at 09:00 in the organisation’s time zone, to every member; no mail for a month with nothing published.',
})
export class AdvocacyDigestScheduleObject {
  @Field(() => ID, { description: "Id of the organization's digest schedule: opaque and stable, one per organization." }) id!: string;
  @Field(() => Boolean, { description: 'Off until someone turns it on.' }) enabled!: boolean;
  @Field(() => YearMonthScalar, { nullable: true, description: 'The last month the digest was sent or looked at by itself.' })
  lastMonth!: string | null;
  @Field(() => String, { description: 'The organisation’s time zone, in which the schedule counts.' }) timeZone!: string;
  @Field(() => YearMonthScalar, { description: 'The month of the next digest sent by itself.' }) nextMonth!: string;
  @Field(() => DateTimeScalar, { description: 'When it goes out (when enabled).' }) nextDueAt!: Date;
}

@InputType({ description: 'Whether the digest goes out by itself.' })
export class SetAdvocacyDigestScheduleInput {
  @Field(() => Boolean, { description: 'true sends each month’s digest by itself; false stops it (sending by hand still works).' })
  @IsBoolean()
  enabled!: boolean;
}

/** What queuing a month's digest did. */
export type DigestOutcome = 'SENT' | 'ALREADY_SENT' | 'NOTHING_PUBLISHED' | 'NOT_ENABLED';

/** The same month always gives the same reference: a second send of a month is found by it. */
export function digestReference(organizationId: string, month: string): string {
  const h = createHash('sha256').update(`advocacy-digest:${organizationId}:${month}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

@ArgsType()
export class AdvocacyDigestArgs {
  @Field(() => YearMonthScalar, { description: 'The month, in the organization’s time zone.' })
  @IsString()
  month!: string;
}

@InputType({ description: 'A link shown in an e-mail signature.' })
export class SignatureLinkInput {
  @Field(() => String, { description: 'Text of the link, at most 60 characters, not blank.' })
  @IsString()
  @MaxLength(60)
  @Matches(NOT_BLANK, blank)
  label!: string;
  @Field(() => String, { description: 'An absolute http(s) URL.' }) @IsString() @MaxLength(500) url!: string;
}

@ArgsType()
export class EmailSignatureArgs {
  @Field(() => String, { nullable: true, description: 'Defaults to the caller’s name.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  name?: string;
  @Field(() => String, { description: 'The job title shown, at most 120 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  jobTitle?: string;
  @Field(() => String, { description: 'The phone number shown, at most 40 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
  @Field(() => [SignatureLinkInput], { nullable: true, description: 'Links to show; by default the organisation’s connected accounts.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SignatureLinkInput)
  links?: SignatureLinkInput[];
}

@ArgsType()
export class LaunchMessageArgs {
  @Field(() => ID, { nullable: true, description: 'The member who signs it (an executive); defaults to the caller.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  signerId?: string;
  @Field(() => String, { description: "The signer's title shown under their name, at most 120 characters.", nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  signerTitle?: string;
}

/** The employee advocacy kit (seed 001 §6): the digest (by hand or by itself each month), the signature, the launch message. */
@Injectable()
export class AdvocacyService {
  constructor(
    private readonly repo: AdvocacyRepository,
    private readonly outbox: MailOutbox,
  ) {}

  /** Queues the month's digest to every member, once per month; refused when nothing was published. */
  async sendDigest(ctx: GovernanceCtx, month: string): Promise<{ month: string; recipients: number }> {
    const { outcome, recipients } = await this.queueDigest(ctx, month, 'input.month');
    if (outcome === 'ALREADY_SENT') throw conflict(`The digest of ${month} was already sent.`, 'input.month', 'ALREADY_SENT');
    if (outcome === 'NOTHING_PUBLISHED') throw badInput('input.month', 'nothing was published that month: there is no digest to send');
    return { month, recipients };
  }

  /**
   * The digest sent by itself (the worker): queued as by hand when the organisation
   * still has it on and the month was not handled yet; the month is then recorded
   * as handled, whether the digest went now, had gone by hand, or had nothing to
   * show (no empty mail). Serialised with the sends by hand (one lock per organisation).
   */
  async sendScheduledDigest(ctx: GovernanceCtx, month: string): Promise<{ outcome: DigestOutcome; recipients: number }> {
    await this.repo.lockDigest(ctx);
    const schedule = await this.repo.schedule(ctx);
    if (!schedule.enabled) return { outcome: 'NOT_ENABLED', recipients: 0 };
    if (schedule.lastMonth !== null && schedule.lastMonth >= month) return { outcome: 'ALREADY_SENT', recipients: 0 };
    const result = await this.queueDigest(ctx, month, 'month');
    await this.repo.markHandled(ctx, month);
    return result;
  }

  private async queueDigest(
    ctx: GovernanceCtx,
    month: string,
    field: string,
  ): Promise<{ outcome: Exclude<DigestOutcome, 'NOT_ENABLED'>; recipients: number }> {
    await this.repo.lockDigest(ctx);
    const reference = digestReference(ctx.uow.organizationId, month);
    if ((await this.outbox.forReference(ctx.uow, reference)).length) return { outcome: 'ALREADY_SENT', recipients: 0 };
    const digest = await this.digest(ctx, month, field);
    if (digest.posts.length === 0) return { outcome: 'NOTHING_PUBLISHED', recipients: 0 };
    const emails = await this.repo.memberEmails(ctx);
    await this.outbox.enqueue(
      ctx.uow,
      emails.map((to) => ({ to, subject: digest.subject, text: digest.text, purpose: 'strategy.advocacy-digest', reference })),
    );
    return { outcome: 'SENT', recipients: emails.length };
  }

  async schedule(ctx: GovernanceCtx, now = new Date()): Promise<AdvocacyDigestScheduleObject> {
    const [schedule, org] = [await this.repo.schedule(ctx), await this.repo.organization(ctx)];
    // A month due and not handled yet (turned on after its first business day) goes at the worker's next tick.
    const due = dueDigest(now, org.timezone);
    const pending =
      due !== null &&
      (schedule.lastMonth === null || schedule.lastMonth < due.month) &&
      (await this.outbox.forReference(ctx.uow, digestReference(ctx.uow.organizationId, due.month))).length === 0;
    const next = due !== null && pending ? { month: due.month, dueAt: now } : nextDigestAt(now, org.timezone);
    return {
      id: derivedId('AdvocacyDigestSchedule', ctx.organizationId),
      enabled: schedule.enabled,
      lastMonth: schedule.lastMonth,
      timeZone: org.timezone,
      nextMonth: next.month,
      nextDueAt: next.dueAt,
    };
  }

  async setSchedule(ctx: GovernanceCtx, enabled: boolean): Promise<AdvocacyDigestScheduleObject> {
    await this.repo.setEnabled(ctx, enabled, ctx.actor.type === 'USER' ? ctx.actor.id : null);
    return this.schedule(ctx);
  }

  async digest(ctx: GovernanceCtx, month: string, field = 'month'): Promise<Digest> {
    const m = MONTH.exec(month);
    if (!m) throw badInput(field, 'must be a month written YYYY-MM');
    const org = await this.repo.organization(ctx);
    const year = Number(m[1]);
    const index = Number(m[2]);
    const from = zonedTime({ year, month: index, day: 1 }, 0, 0, org.timezone);
    const to = zonedTime(index === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: index + 1, day: 1 }, 0, 0, org.timezone);
    const posts = await this.repo.bestPosts(ctx, from, to);
    return advocacyDigest(
      org.locale as AdvocacyLocale,
      org.name,
      month,
      posts.map((p) => ({ ...p, engagement: p.engagement === null ? null : Number(p.engagement) })),
    );
  }

  async signature(ctx: GovernanceCtx, args: EmailSignatureArgs): Promise<string> {
    const org = await this.repo.organization(ctx);
    const name = args.name?.trim() || (ctx.actor.type === 'USER' && ctx.actor.id ? await this.repo.userName(ctx, ctx.actor.id) : null);
    if (!name) throw badInput('name', 'is required when the caller is not a member of the organization');
    let links: SignatureLink[];
    if (args.links) {
      const bad = args.links.findIndex((l) => !safeHttpUrl(l.url));
      if (bad >= 0) throw badInput(`links[${bad}].url`, 'must be an absolute http or https URL');
      links = args.links.map((l) => ({ label: l.label.trim(), url: l.url }));
    } else {
      links = (await this.repo.accounts(ctx)).map((a) => ({ label: `${a.network} ${a.handle}`, url: null }));
    }
    return signatureHtml({ name, jobTitle: args.jobTitle?.trim() || null, phone: args.phone?.trim() || null }, org.name, links);
  }

  async launch(ctx: GovernanceCtx, args: LaunchMessageArgs): Promise<{ subject: string; text: string }> {
    const org = await this.repo.organization(ctx);
    const signerId = args.signerId ?? (ctx.actor.type === 'USER' ? ctx.actor.id : null);
    const name = signerId ? await this.repo.userName(ctx, signerId) : null;
    if (!name) {
      if (args.signerId) throw missing('Member', args.signerId, 'signerId');
      throw badInput('signerId', 'give the member who signs the message');
    }
    return launchMessage(org.locale as AdvocacyLocale, org.name, { name, jobTitle: args.signerTitle?.trim() || null });
  }
}

/** Employee advocacy: the monthly digest, the e-mail signature, the launch message. Everyone in the organisation reads them. */
@UseInterceptors(StrategyAuditInterceptor)
@Resolver()
export class AdvocacyResolver {
  constructor(private readonly advocacy: AdvocacyService) {}

  @Requires('strategy.read')
  @Query(() => AdvocacyDigestObject, {
    description: 'The monthly mail of the best-performing posts of a month, with their text ready to share.',
  })
  async advocacyDigest(@OrgCtx() ctx: OrganizationContext, @Args() args: AdvocacyDigestArgs): Promise<AdvocacyDigestObject> {
    return this.advocacy.digest(ctx, args.month);
  }

  @Requires('taskForce.manage')
  @Mutation(() => AdvocacyDigestSentObject, {
    description: 'Sends the month’s digest to every member (queued mails); once per month (CONFLICT, reason ALREADY_SENT, after).',
  })
  async sendAdvocacyDigest(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        "The month. CONFLICT with reason ALREADY_SENT when that month's digest was already sent; BAD_USER_INPUT on input.month when nothing was published that month.",
    })
    input: SendAdvocacyDigestInput,
  ): Promise<AdvocacyDigestSentObject> {
    return this.advocacy.sendDigest(ctx, input.month);
  }

  @Requires('strategy.read')
  @Query(() => AdvocacyDigestScheduleObject, { description: 'Whether the monthly digest goes out by itself, and when next.' })
  async advocacyDigestSchedule(@OrgCtx() ctx: OrganizationContext): Promise<AdvocacyDigestScheduleObject> {
    return this.advocacy.schedule(ctx);
  }

  @Requires('taskForce.manage')
  @Mutation(() => AdvocacyDigestScheduleObject, {
    description: 'Turns on or off the monthly digest sent by itself (the previous month’s, first business day, 09:00 local).',
  })
  async setAdvocacyDigestSchedule(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'On or off.' }) input: SetAdvocacyDigestScheduleInput,
  ): Promise<AdvocacyDigestScheduleObject> {
    return this.advocacy.setSchedule(ctx, input.enabled);
  }

  @Requires('strategy.read')
  @Query(() => EmailSignatureObject, { description: 'An e-mail signature (HTML) with the organisation’s social links.' })
  async emailSignature(@OrgCtx() ctx: OrganizationContext, @Args() args: EmailSignatureArgs): Promise<EmailSignatureObject> {
    return { html: await this.advocacy.signature(ctx, args) };
  }

  @Requires('strategy.read')
  @Query(() => AdvocacyMessageObject, {
    description: 'The launch message from the management inviting the staff to take part (a template to adapt).',
  })
  async advocacyLaunchMessage(@OrgCtx() ctx: OrganizationContext, @Args() args: LaunchMessageArgs): Promise<AdvocacyMessageObject> {
    return this.advocacy.launch(ctx, args);
  }
}
