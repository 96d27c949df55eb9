import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ConnectionType, DateTimeScalar } from '@socle/platform-graphql';
import { PolicyVersionObject } from '../dto/objects';
import { MAX_LINK_DAYS } from './acknowledgement-links';
import { MAX_STAFF_PER_REQUEST } from './acknowledgements.service';

@InputType({ description: "Whom to ask to acknowledge a policy's published version, by e-mailed link." })
export class RequestPolicyAcknowledgementsInput {
  @Field(() => ID, { description: 'The policy.' }) @IsUUID('all', { message: 'must be a policy id' }) policyId!: string;

  @Field(() => [ID], { nullable: true, description: 'People of the staff list to ask; everyone listed when left out.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STAFF_PER_REQUEST, { message: `at most ${MAX_STAFF_PER_REQUEST} people per request` })
  @IsUUID('all', { each: true, message: 'must be staff ids' })
  staffIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: `Days the links stay good, 1 to ${MAX_LINK_DAYS} (default 30).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LINK_DAYS)
  expiresInDays?: number | null;
}

@ObjectType('PolicyAcknowledgementRequest', { description: 'What asking the staff to acknowledge a policy did.' })
export class PolicyAcknowledgementRequestObject {
  @Field(() => ID, { description: 'The policy.' }) policyId!: string;
  @Field(() => PolicyVersionObject, { description: 'The published version the links are for.' }) version!: PolicyVersionObject;
  @Field(() => Int, { description: 'People sent a link by e-mail.' }) requested!: number;
  @Field(() => Int, { description: 'People left out: they already acknowledged this version.' }) alreadyAcknowledged!: number;
  @Field(() => DateTimeScalar, { description: 'When the links sent stop working (UTC).' }) expiresAt!: Date;
}

@ObjectType('StaffPolicyAcknowledgement', {
  description: 'A person of the staff list and, when they did, the time they acknowledged the version.',
})
export class StaffPolicyAcknowledgementObject {
  @Field(() => ID, {
    description: "Id of this person's acknowledgement of the published version, done or pending: opaque and stable.",
  })
  id!: string;
  @Field(() => ID, { description: 'The staff member id.' }) staffId!: string;
  @Field(() => String, { description: 'Their name.' }) name!: string;
  @Field(() => String, { description: 'Their e-mail address.' }) email!: string;
  @Field(() => String, { description: 'Their department.' }) department!: string;
  @Field(() => DateTimeScalar, { description: 'When they acknowledged the version (UTC); null while pending.', nullable: true })
  acknowledgedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the latest link for this version was sent; null when none was.' })
  linkSentAt!: Date | null;
}
export const StaffPolicyAcknowledgementConnection = ConnectionType(StaffPolicyAcknowledgementObject, 'StaffPolicyAcknowledgement');

@ObjectType('StaffAcknowledgementSummary', {
  description: 'Who among the people of the staff list acknowledged the published version (through their e-mailed link).',
})
export class StaffAcknowledgementSummaryObject {
  versionId!: string | null;
  @Field(() => Int, { description: 'People on the staff list.' }) staffCount!: number;
  @Field(() => Int, { description: 'People who acknowledged the published version.' }) acknowledgedCount!: number;
  @Field(() => Int, { description: 'People who have not yet.' }) pendingCount!: number;
  @Field(() => Int, { description: 'People sent at least one link for this version.' }) linkedCount!: number;
  @Field(() => Float, { description: 'acknowledgedCount / staffCount (0 without a published version or staff).' }) share!: number;
  // Resolved field: people(first, after).
}
