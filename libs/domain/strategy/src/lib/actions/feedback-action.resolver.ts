import { UseInterceptors } from '@nestjs/common';
import { Args, ArgsType, Field, ID, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, ConnectionType, DateTimeScalar, PageArgs, paginate } from '@socle/platform-graphql';
import { StrategyAuditInterceptor } from '../strategy-audit.interceptor';
import { FeedbackActionRow, LINK_LIMIT } from './feedback-action.repository';
import { FeedbackActionService } from './feedback-action.service';

const NOT_BLANK = /\S/;
const blank = { message: 'must not be blank' };

export enum FeedbackActionStatusEnum {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(FeedbackActionStatusEnum, {
  name: 'FeedbackActionStatus',
  description: 'DONE and DROPPED close the action.',
  valuesMap: {
    OPEN: { description: 'Decided, not started.' },
    IN_PROGRESS: { description: 'Being carried out.' },
    DONE: { description: 'Carried out; closes the action.' },
    DROPPED: { description: 'Given up; closes the action.' },
  },
});

@ObjectType('FeedbackAction', {
  description: 'What was decided about mentions or inbox items (feedback from the community), and what came of it.',
})
export class FeedbackActionObject {
  @Field(() => ID, { description: 'The action id.' }) id!: string;
  @Field(() => String, { description: 'The decision taken, at most 5,000 characters.' }) decision!: string;
  @Field(() => String, { description: 'What was done about it; null until written.', nullable: true }) followUp!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the follow-up was last written.' }) followedUpAt!: Date | null;
  @Field(() => ID, { description: 'The organization member who carries it out; null when nobody is named.', nullable: true }) ownerId!:
    string | null;
  @Field(() => String, { description: "The owner's display name; null when nobody is named.", nullable: true }) ownerName!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it should be done (UTC); null when no date was set.', nullable: true })
  dueAt!: Date | null;
  @Field(() => FeedbackActionStatusEnum, { description: 'Where it stands.' }) status!: FeedbackActionStatusEnum;
  @Field(() => DateTimeScalar, { description: 'When it became DONE or DROPPED (UTC); null while open.', nullable: true })
  closedAt!: Date | null;
  @Field(() => [ID], { description: 'The listening mentions it answers.' }) mentionIds!: string[];
  @Field(() => [ID], { description: 'The inbox items it answers.' }) inboxItemIds!: string[];
  @Field(() => ID, { description: 'The user who recorded it; null when recorded with an API key.', nullable: true }) createdBy!:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

export const FeedbackActionConnection = ConnectionType(FeedbackActionObject, 'FeedbackAction');

const toAction = (a: FeedbackActionRow): FeedbackActionObject => ({ ...a, status: a.status as FeedbackActionStatusEnum });

@InputType({ description: 'A decision taken on feedback: at least one mention or inbox item, at most 100 of each.' })
export class RecordFeedbackActionInput {
  @Field(() => [ID], { nullable: true, description: 'Mentions of this organisation the action answers.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LINK_LIMIT)
  @IsUUID('all', { each: true, message: 'must be mention ids' })
  mentionIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Inbox items of this organisation the action answers.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LINK_LIMIT)
  @IsUUID('all', { each: true, message: 'must be inbox item ids' })
  inboxItemIds?: string[] | null;
  @Field(() => String, { description: 'The decision taken, e.g. "Add vegan options to the menu".' })
  @IsString()
  @MaxLength(5000)
  @Matches(NOT_BLANK, blank)
  decision!: string;
  @Field(() => String, { description: 'What was done already, at most 5,000 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  followUp?: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation member who carries it out.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  ownerId?: string | null;
  @Field(() => DateTimeScalar, { description: 'When it should be done, between the years 2000 and 2100.', nullable: true })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
}

@InputType({ description: 'Fields left out are kept.' })
export class UpdateFeedbackActionInput {
  @Field(() => ID, { description: 'The action id.' }) @IsUUID('all', { message: 'must be a feedback action id' }) id!: string;
  @Field(() => String, { description: 'The decision, at most 5,000 characters, not blank.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  decision?: string | null;
  @Field(() => String, { nullable: true, description: 'What was done; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  followUp?: string | null;
  @Field(() => ID, { description: 'The organization member who carries it out; null clears it.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  ownerId?: string | null;
  @Field(() => DateTimeScalar, { description: 'When it should be done (between 2000 and 2100); null clears it.', nullable: true })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
  @Field(() => FeedbackActionStatusEnum, {
    description: 'The new status (null is refused); DONE or DROPPED sets closedAt.',
    nullable: true,
  })
  @IsOptional()
  @IsEnum(FeedbackActionStatusEnum)
  status?: FeedbackActionStatusEnum | null;
}

@ArgsType()
export class FeedbackActionPageArgs extends PageArgs {
  @Field(() => FeedbackActionStatusEnum, { description: 'Only actions with this status.', nullable: true })
  @IsOptional()
  @IsEnum(FeedbackActionStatusEnum)
  status?: FeedbackActionStatusEnum;
  @Field(() => ID, { description: 'Only actions that answer this mention.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a mention id' })
  mentionId?: string;
  @Field(() => ID, { description: 'Only actions that answer this inbox item.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an inbox item id' })
  inboxItemId?: string;
  @Field(() => ID, { description: 'Only actions carried out by this member.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  ownerId?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at or after.' }) @IsOptional() @IsDate() from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded before.' }) @IsOptional() @IsDate() to?: Date;
}

@ArgsType()
export class FeedbackActionIdArgs {
  @Field(() => ID, { description: 'The action id.' }) @IsUUID('all', { message: 'must be a feedback action id' }) id!: string;
}

/** The action log on feedback: read with the inbox, written by those who handle it. Mutations are audited. */
@UseInterceptors(StrategyAuditInterceptor)
@Resolver()
export class FeedbackActionResolver {
  constructor(private readonly actions: FeedbackActionService) {}

  @Requires('inbox.read')
  @Query(() => FeedbackActionConnection, { description: 'Actions taken on feedback, oldest first, with filters.' })
  async feedbackActions(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: FeedbackActionPageArgs,
  ): Promise<Connection<FeedbackActionObject>> {
    const filter = {
      status: args.status,
      mentionId: args.mentionId,
      inboxItemId: args.inboxItemId,
      ownerId: args.ownerId,
      from: args.from,
      to: args.to,
    };
    return paginate(
      args,
      (keyset) => this.actions.page(ctx, keyset, filter),
      (a) => [a.createdAt, a.id],
      toAction,
      () => this.actions.count(ctx, filter),
    );
  }

  @Requires('inbox.read')
  @Query(() => FeedbackActionObject, {
    nullable: true,
    description: 'One action taken on feedback. NOT_FOUND for an id of another organization.',
  })
  async feedbackAction(@OrgCtx() ctx: OrganizationContext, @Args() args: FeedbackActionIdArgs): Promise<FeedbackActionObject> {
    return toAction(await this.actions.get(ctx, args.id));
  }

  @Requires('inbox.handle')
  @Mutation(() => FeedbackActionObject, {
    description: 'Records the decision taken on mentions and/or inbox items of this organisation (another organisation’s id is NOT_FOUND).',
  })
  async recordFeedbackAction(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The decision and what it answers.' }) input: RecordFeedbackActionInput,
  ): Promise<FeedbackActionObject> {
    return toAction(await this.actions.record(ctx, input));
  }

  @Requires('inbox.handle')
  @Mutation(() => FeedbackActionObject, { description: 'Changes the fields given: status, follow-up, owner, due time, decision.' })
  async updateFeedbackAction(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The action and the fields to change.' }) input: UpdateFeedbackActionInput,
  ): Promise<FeedbackActionObject> {
    return toAction(await this.actions.update(ctx, input));
  }
}
