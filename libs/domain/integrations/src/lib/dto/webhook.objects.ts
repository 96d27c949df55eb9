import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, DateTimeScalar, JSONObjectScalar } from '@socle/platform-graphql';

export enum WebhookDeliveryStatusEnum {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesMap: {
    PENDING: { description: 'Not delivered yet: an attempt is due (nextAttemptAt) or under way.' },
    DELIVERED: { description: 'An attempt got a 2xx answer in time.' },
    FAILED: { description: 'Every attempt failed; only a replay sends it again.' },
  },
});

export enum WebhookErrorClassEnum {
  TIMEOUT = 'TIMEOUT',
  NETWORK = 'NETWORK',
  REFUSED_DESTINATION = 'REFUSED_DESTINATION',
  REDIRECT = 'REDIRECT',
  HTTP_STATUS = 'HTTP_STATUS',
}
registerEnumType(WebhookErrorClassEnum, {
  name: 'WebhookErrorClass',
  description: 'Why an attempt to send an event failed.',
  valuesMap: {
    TIMEOUT: { description: 'No answer within 10 seconds.' },
    NETWORK: { description: 'The connection failed: name not resolved, refused, reset, or a TLS error.' },
    REFUSED_DESTINATION: { description: 'The address is private, loopback, link-local or a metadata address, and was not contacted.' },
    REDIRECT: { description: 'The endpoint answered with a redirect (3xx), which is never followed.' },
    HTTP_STATUS: { description: 'The endpoint answered with a status other than 2xx.' },
  },
});

@ObjectType('WebhookEventType', { description: 'A type of event an endpoint may subscribe to.' })
export class WebhookEventTypeObject {
  @Field(() => String, { description: 'The type as events carry it, e.g. `publication.published`.' }) type!: string;
  @Field(() => String, { description: 'When such an event is sent and what its `data` holds.' }) description!: string;
  @Field(() => JSONObjectScalar, { description: 'An example of the `data` of such an event.' }) example!: Record<string, unknown>;
}

@ObjectType('WebhookEndpoint', { description: 'Where events are POSTed, signed per the Standard Webhooks specification.' })
export class WebhookEndpointObject {
  @Field(() => ID, { description: 'The endpoint’s id.' }) id!: string;
  @Field(() => String, { description: 'The URL events are POSTed to.' }) url!: string;
  @Field(() => String, { description: 'A note for people (empty when none was given).' }) description!: string;
  @Field(() => [String], { description: 'The event types it receives (see `webhookEventTypes`).' }) eventTypes!: string[];
  @Field(() => Boolean, {
    description: 'Whether events are sent to it. False when a person turned it off or the platform disabled it after persistent failure.',
  })
  enabled!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the platform disabled it (persistent failure), if it did.' })
  disabledReason!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the platform disabled it (UTC); null when it did not.' })
  disabledAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Until when the previous secret still signs, after a rotation.' })
  previousSecretUntil!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('WebhookEndpointWithSecret', {
  description: 'An endpoint with its signing secret: the answer of a creation or a rotation, the only time the secret is shown.',
})
export class WebhookEndpointWithSecretObject {
  @Field(() => WebhookEndpointObject, { description: 'The endpoint.' }) endpoint!: WebhookEndpointObject;
  @Field(() => String, { description: 'The signing secret (whsec_…), in this answer only.' }) secret!: string;
}

@ObjectType({ description: 'What a deletion removed.' })
export class DeleteWebhookEndpointPayload {
  @Field(() => ID, { description: 'The id of the deleted endpoint (its deliveries and their log are deleted with it).' }) id!: string;
}

@ObjectType('WebhookAttempt', { description: 'One try of a delivery.' })
export class WebhookAttemptObject {
  @Field(() => ID, { description: 'The attempt’s id.' }) id!: string;
  @Field(() => DateTimeScalar, { description: 'When the request was sent (UTC).' }) attemptedAt!: Date;
  @Field(() => Int, { nullable: true, description: 'The HTTP status the endpoint answered; null when no answer came.' })
  httpStatus!: number | null;
  @Field(() => Int, { description: 'Milliseconds from sending the request to the answer (or to the failure).' }) latencyMs!: number;
  @Field(() => String, { description: "The start of the endpoint's answer (at most 1 024 characters)." }) responseExcerpt!: string;
  @Field(() => WebhookErrorClassEnum, { nullable: true, description: 'Why the attempt failed; null when it succeeded.' })
  errorClass!: string | null;
  @Field(() => String, { nullable: true, description: 'What went wrong, in a sentence; null when the attempt succeeded.' })
  errorMessage!: string | null;
}

@ObjectType('WebhookDelivery', {
  description: 'One event for one endpoint; its id is the webhook-id header (the same on every attempt and replay).',
})
export class WebhookDeliveryObject {
  @Field(() => ID, { description: 'The delivery’s id, sent as the `webhook-id` header.' }) id!: string;
  @Field(() => ID, { description: 'The event’s id (an agency endpoint gets one delivery per event of each client).' }) eventId!: string;
  @Field(() => String, { description: 'The event type.' }) eventType!: string;
  @Field(() => ID, { description: 'The client organisation the event happened in.' }) organizationId!: string;
  @Field(() => WebhookDeliveryStatusEnum, { description: 'Where the delivery stands.' }) status!: string;
  @Field(() => Int, { description: 'Attempts made so far (replays included).' }) attemptCount!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due (UTC); null when none is.' })
  nextAttemptAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the event was written (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When an attempt succeeded (UTC); null until one does.' })
  deliveredAt!: Date | null;
  @Field(() => [WebhookAttemptObject], { description: 'Every attempt, oldest first.' }) attempts!: WebhookAttemptObject[];
}

export const WebhookEndpointConnection = ConnectionType(WebhookEndpointObject, 'WebhookEndpoint');
export const WebhookDeliveryConnection = ConnectionType(WebhookDeliveryObject, 'WebhookDelivery');

@ObjectType('WebhookTestResult', { description: 'The outcome of a test event sent to an endpoint (not stored).' })
export class WebhookTestResultObject {
  @Field(() => Boolean, { description: 'Whether the endpoint answered with a 2xx status in time.' }) ok!: boolean;
  @Field(() => ID, { description: 'The webhook-id of the test event.' }) webhookId!: string;
  @Field(() => Int, { nullable: true, description: 'The HTTP status the endpoint answered; null when no answer came.' })
  httpStatus!: number | null;
  @Field(() => Int, { description: 'Milliseconds from sending the request to the answer (or to the failure).' }) latencyMs!: number;
  @Field(() => String, { description: "The start of the endpoint's answer (at most 1 024 characters)." }) responseExcerpt!: string;
  @Field(() => WebhookErrorClassEnum, { nullable: true, description: 'Why the test failed; null when ok.' })
  errorClass!: string | null;
  @Field(() => String, { nullable: true, description: 'What went wrong, in a sentence; null when ok.' }) errorMessage!: string | null;
}
