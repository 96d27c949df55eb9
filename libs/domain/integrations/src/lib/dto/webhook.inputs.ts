import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageArgs } from '@socle/platform-graphql';

@InputType({ description: 'A new endpoint.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'Where events are POSTed: https (plain http only towards addresses the installation allows).' })
  @IsString()
  @Length(8, 2000)
  url!: string;
  @Field(() => [String], { description: 'Event types from `webhookEventTypes`.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  eventTypes!: string[];
  @Field(() => String, { nullable: true, description: 'A note for people, at most 500 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether events are sent to it from now on; default true.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

@InputType({ description: 'Fields left out (or null) keep their value. Enabling an endpoint clears why it was disabled.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint to change.' }) @IsUUID('all', { message: 'must be a webhook endpoint id' }) id!: string;
  @Field(() => String, { nullable: true, description: 'A new URL (8 to 2,000 characters; https, checked as at creation).' })
  @IsOptional()
  @IsString()
  @Length(8, 2000)
  url?: string;
  @Field(() => [String], { nullable: true, description: 'The whole new list of event types (1 to 100, no repeats).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  eventTypes?: string[];
  @Field(() => String, { nullable: true, description: 'A new note for people, at most 500 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
  @Field(() => Boolean, { nullable: true, description: 'Turns sending on or off; turning it on clears why it was disabled.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

@InputType({ description: 'An endpoint, by id.' })
export class WebhookEndpointIdInput {
  @Field(() => ID, { description: 'The endpoint’s id.' }) @IsUUID('all', { message: 'must be a webhook endpoint id' }) id!: string;
}

@InputType({ description: 'A new signing secret for an endpoint.' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: 'The endpoint’s id.' }) @IsUUID('all', { message: 'must be a webhook endpoint id' }) id!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Hours during which the previous secret still signs (both signatures are sent), 0 to 168; default 24.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(168)
  overlapHours?: number;
}

@InputType({ description: 'A delivery to send again.' })
export class ReplayWebhookDeliveryInput {
  @Field(() => ID, { description: 'The delivery’s id (its webhook-id stays the same).' })
  @IsUUID('all', { message: 'must be a webhook delivery id' })
  deliveryId!: string;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'The endpoint whose deliveries to list, newest first.' })
  @IsUUID('all', { message: 'must be a webhook endpoint id' })
  endpointId!: string;
}
