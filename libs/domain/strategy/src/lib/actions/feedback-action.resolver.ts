import { UseInterceptors } from '@nestjs/common';
import {
  Args,
  ArgsType,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, ConnectionType, PageArgs, paginate } from '@socle/platform-graphql';
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
registerEnumType(FeedbackActionStatusEnum, { name: 'FeedbackActionStatus', description: 'DONE and DROPPED close the action.' });

@ObjectType('FeedbackAction', { description: 'What was decided about mentions or inbox items, and what came of it (seed 003).' })
export class FeedbackActionObject {
  @Field(() => ID) id!: string;
  @Field(() => String) decision!: string;
  @Field(() => String, { nullable: true }) followUp!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the follow-up was last written.' }) followedUpAt!: Date | null;
  @Field(() => ID, { nullable: true }) ownerId!: string | null;
  @Field(() => String, { nullable: true }) ownerName!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => FeedbackActionStatusEnum) status!: FeedbackActionStatusEnum;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => [ID]) mentionIds!: string[];
  @Field(() => [ID]) inboxItemIds!: string[];
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const FeedbackActionConnection = ConnectionType(FeedbackActionObject, 'FeedbackAction');

const toAction = (a: FeedbackActionRow): FeedbackActionObject => ({ ...a, status: a.status as FeedbackActionStatusEnum });

@InputType()
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
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) followUp?: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation member who carries it out.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  ownerId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() dueAt?: Date | null;
}

@InputType()
export class UpdateFeedbackActionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a feedback action id' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) decision?: string | null;
  @Field(() => String, { nullable: true, description: 'What was done; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  followUp?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a user id' }) ownerId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() dueAt?: Date | null;
  @Field(() => FeedbackActionStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(FeedbackActionStatusEnum)
  status?: FeedbackActionStatusEnum | null;
}

@ArgsType()
export class FeedbackActionPageArgs extends PageArgs {
  @Field(() => FeedbackActionStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(FeedbackActionStatusEnum)
  status?: FeedbackActionStatusEnum;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a mention id' }) mentionId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be an inbox item id' }) inboxItemId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a user id' }) ownerId?: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Recorded at or after.' }) @IsOptional() @IsDate() from?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Recorded before.' }) @IsOptional() @IsDate() to?: Date;
}

@ArgsType()
export class FeedbackActionIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a feedback action id' }) id!: string;
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
    return paginate(
      args,
      (keyset) =>
        this.actions.page(ctx, keyset, {
          status: args.status,
          mentionId: args.mentionId,
          inboxItemId: args.inboxItemId,
          ownerId: args.ownerId,
          from: args.from,
          to: args.to,
        }),
      (a) => [a.createdAt, a.id],
      toAction,
    );
  }

  @Requires('inbox.read')
  @Query(() => FeedbackActionObject)
  async feedbackAction(@OrgCtx() ctx: OrganizationContext, @Args() args: FeedbackActionIdArgs): Promise<FeedbackActionObject> {
    return toAction(await this.actions.get(ctx, args.id));
  }

  @Requires('inbox.handle')
  @Mutation(() => FeedbackActionObject, {
    description: 'Records the decision taken on mentions and/or inbox items of this organisation (another organisation’s id is NOT_FOUND).',
  })
  async recordFeedbackAction(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input') input: RecordFeedbackActionInput,
  ): Promise<FeedbackActionObject> {
    return toAction(await this.actions.record(ctx, input));
  }

  @Requires('inbox.handle')
  @Mutation(() => FeedbackActionObject, { description: 'Changes the fields given: status, follow-up, owner, due time, decision.' })
  async updateFeedbackAction(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input') input: UpdateFeedbackActionInput,
  ): Promise<FeedbackActionObject> {
    return toAction(await this.actions.update(ctx, input));
  }
}
