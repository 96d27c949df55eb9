import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ConnectionType, DateTimeScalar, derivedId, PageArgs } from '@socle/platform-graphql';
import type { LiveEvent } from '@socle/platform-queue';
import type { MentionEntity } from '../listening/listening.entities';
import { MentionObject, SentimentLabelEnum } from '../listening/dto/objects';
import { ALERT_MENTIONS_CAP, type Alert, type AlertSettings } from './alerts.types';
import { SPIKE_SETTING_BOUNDS } from './spike-rule';

export enum AlertKindEnum {
  NEGATIVE_SPIKE = 'NEGATIVE_SPIKE',
}
registerEnumType(AlertKindEnum, {
  name: 'AlertKind',
  description: 'NEGATIVE_SPIKE: negative mentions in the window well above the organisation’s own usual count for that window.',
  valuesMap: {
    NEGATIVE_SPIKE: { description: 'Negative mentions in the window well above the organisation’s usual count for that window.' },
  },
});

export enum AlertStatusEnum {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
}
registerEnumType(AlertStatusEnum, {
  name: 'AlertStatus',
  description:
    'OPEN (raised, nobody has looked); ACKNOWLEDGED (someone handles it; a rising spike still updates it); RESOLVED (over; final). ' +
    'One OPEN or ACKNOWLEDGED alert per kind at a time.',
  valuesMap: {
    OPEN: { description: 'Raised; nobody has looked yet.' },
    ACKNOWLEDGED: { description: 'Someone handles it; a rising spike still updates it.' },
    RESOLVED: { description: 'Over. Final.' },
  },
});

export enum AlertSensitivityEnum {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(AlertSensitivityEnum, {
  name: 'AlertSensitivity',
  description: 'How far above the usual count a window must go: HIGH 2, MEDIUM 3, LOW 4 standard deviations (and at least minCount).',
  valuesMap: {
    LOW: { description: '4 standard deviations above the usual count.' },
    MEDIUM: { description: '3 standard deviations above the usual count.' },
    HIGH: { description: '2 standard deviations above the usual count.' },
  },
});

export enum AlertProposedActionEnum {
  CRISIS_PAUSE = 'CRISIS_PAUSE',
}
registerEnumType(AlertProposedActionEnum, {
  name: 'AlertProposedAction',
  description: 'CRISIS_PAUSE: hold every scheduled publication (pausePublishingForAlert).',
  valuesMap: { CRISIS_PAUSE: { description: 'Hold every scheduled publication (pausePublishingForAlert).' } },
});

@ObjectType('Alert', {
  description: 'A crisis alert: a spike of negative mentions over the organisation’s own baseline, with the mentions behind it.',
})
export class AlertObject {
  @Field(() => ID, { description: 'Identifier of the alert.' }) id!: string;
  @Field(() => AlertKindEnum, { description: 'What was detected.' }) kind!: AlertKindEnum;
  @Field(() => AlertStatusEnum, { description: 'Where the alert stands.' }) status!: AlertStatusEnum;
  @Field(() => DateTimeScalar, { description: 'Start of the window of the strongest evaluation so far.' }) windowStart!: Date;
  @Field(() => DateTimeScalar, { description: 'End of the window of the strongest evaluation so far (UTC).' }) windowEnd!: Date;
  @Field(() => Int, { description: 'Negative mentions published in that window.' }) observedCount!: number;
  @Field(() => Float, { description: 'Usual count for that window: the mean of the same window on each day of the baseline.' })
  baselineMean!: number;
  @Field(() => Float, { description: 'Standard deviation of the counts of that window over the baseline days.' }) baselineStddev!: number;
  @Field(() => Int, { description: 'Previous days the baseline was computed over.' }) baselineDays!: number;
  @Field(() => Float, { description: 'The count the window had to reach.' }) threshold!: number;
  @Field(() => Float, { description: 'observedCount / baselineMean (the mean counted as at least 1).' }) ratio!: number;
  @Field(() => AlertSensitivityEnum, { description: 'The sensitivity in force when the spike was found.' })
  sensitivity!: AlertSensitivityEnum;
  @Field(() => Int, { description: 'Evaluations that found the spike (1 when raised; a rising spike updates the alert).' })
  detections!: number;
  @Field(() => DateTimeScalar, { description: 'When an evaluation last found the spike (UTC).' }) lastDetectedAt!: Date;
  @Field(() => Int, { description: `Mentions kept behind the alert (at most ${ALERT_MENTIONS_CAP}).` }) mentionCount!: number;
  @Field(() => AlertProposedActionEnum, {
    nullable: true,
    description:
      'What the platform proposes: CRISIS_PAUSE (pausePublishingForAlert; see crisisPauseOn for whether it is on); null when this platform has no publishing.',
  })
  proposedAction!: AlertProposedActionEnum | null;
  @Field(() => Boolean, { description: 'Whether the organisation’s crisis pause is on now (whoever started it).' }) crisisPauseOn!: boolean;
  @Field(() => ID, { nullable: true, description: 'Who paused publishing from this alert.' }) publishingPausedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When publishing was paused from this alert (UTC), or null.' })
  publishingPausedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'User id of who acknowledged the alert, or null.' }) acknowledgedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the alert was acknowledged (UTC), or null.' })
  acknowledgedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'User id of who resolved the alert, or null.' }) resolvedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the alert was resolved (UTC), or null.' }) resolvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The last note given when acknowledging or resolving.' }) note!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was raised.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the alert last changed (UTC).' }) updatedAt!: Date;
}

export const AlertConnection = ConnectionType(AlertObject, 'Alert');

@ObjectType('AlertSettings', { description: 'How the organisation’s crisis alerts are raised (defaults until someone changes them).' })
export class AlertSettingsObject {
  @Field(() => ID, {
    description: "Id of the organization's alert settings: opaque and stable, one per organization, the defaults included.",
  })
  id!: string;
  @Field(() => Boolean, { description: 'Whether alerts are raised at all.' }) enabled!: boolean;
  @Field(() => AlertSensitivityEnum, { description: 'How far above the usual count a window must go.' }) sensitivity!: AlertSensitivityEnum;
  @Field(() => Int, { description: 'Fewest negative mentions in a window that may raise an alert.' }) minCount!: number;
  @Field(() => Int, { description: 'Length of the window, in minutes.' }) windowMinutes!: number;
  @Field(() => Int, { description: 'Previous days whose same window make the baseline.' }) baselineDays!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When mentions were last evaluated for a spike (UTC), or null.' })
  lastEvaluatedAt!: Date | null;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who last changed the settings; null for the defaults or when not changed by a person.',
  })
  updatedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the settings were last changed (UTC); null for the defaults.' })
  updatedAt!: Date | null;
}

@ArgsType()
export class AlertPageArgs extends PageArgs {
  @Field(() => AlertStatusEnum, { nullable: true, description: 'Only alerts in this status.' })
  @IsOptional()
  @IsEnum(AlertStatusEnum)
  status?: AlertStatusEnum;
  @Field(() => AlertKindEnum, { nullable: true, description: 'Only alerts of this kind.' })
  @IsOptional()
  @IsEnum(AlertKindEnum)
  kind?: AlertKindEnum;
}

@ArgsType()
export class AlertArgs {
  @Field(() => ID, { description: 'Identifier of the alert.' }) @IsUUID('all', { message: 'must be an alert id' }) id!: string;
}

@ArgsType()
export class AlertMentionsArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many, 1 to ${ALERT_MENTIONS_CAP} (default 20): the most reached, then the newest.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ALERT_MENTIONS_CAP)
  first?: number;
}

@InputType({ description: 'An alert, by id.' })
export class AlertIdInput {
  @Field(() => ID, { description: 'Identifier of the alert.' }) @IsUUID('all', { message: 'must be an alert id' }) id!: string;
}

@InputType({ description: 'An alert to move, and an optional note.' })
export class AlertMoveInput {
  @Field(() => ID, { description: 'Identifier of the alert.' }) @IsUUID('all', { message: 'must be an alert id' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Why, for the team (kept on the alert and in the audit log).' })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(2000)
  note?: string;
}

@InputType({ description: 'The settings to change; fields left out keep their value.' })
export class SetAlertSettingsInput {
  @Field(() => Boolean, { nullable: true, description: 'Whether alerts are raised at all.' }) @IsOptional() @IsBoolean() enabled?: boolean;
  @Field(() => AlertSensitivityEnum, { nullable: true, description: 'How far above the usual count a window must go.' })
  @IsOptional()
  @IsEnum(AlertSensitivityEnum)
  sensitivity?: AlertSensitivityEnum;
  @Field(() => Int, { nullable: true, description: `${SPIKE_SETTING_BOUNDS.minCount[0]} to ${SPIKE_SETTING_BOUNDS.minCount[1]}.` })
  @IsOptional()
  @IsInt()
  @Min(SPIKE_SETTING_BOUNDS.minCount[0])
  @Max(SPIKE_SETTING_BOUNDS.minCount[1])
  minCount?: number;
  @Field(() => Int, {
    nullable: true,
    description: `${SPIKE_SETTING_BOUNDS.windowMinutes[0]} to ${SPIKE_SETTING_BOUNDS.windowMinutes[1]}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(SPIKE_SETTING_BOUNDS.windowMinutes[0])
  @Max(SPIKE_SETTING_BOUNDS.windowMinutes[1])
  windowMinutes?: number;
  @Field(() => Int, { nullable: true, description: `${SPIKE_SETTING_BOUNDS.baselineDays[0]} to ${SPIKE_SETTING_BOUNDS.baselineDays[1]}.` })
  @IsOptional()
  @IsInt()
  @Min(SPIKE_SETTING_BOUNDS.baselineDays[0])
  @Max(SPIKE_SETTING_BOUNDS.baselineDays[1])
  baselineDays?: number;
}

/** The alert as clients see it; `crisisPauseOn` and whether the pause exists are read once per request by the resolver. */
export function toAlertObject(alert: Alert, pause: { available: boolean; on: boolean }): AlertObject {
  return {
    ...alert,
    kind: alert.kind as AlertKindEnum,
    status: alert.status as AlertStatusEnum,
    sensitivity: alert.sensitivity as AlertSensitivityEnum,
    proposedAction: pause.available ? AlertProposedActionEnum.CRISIS_PAUSE : null,
    crisisPauseOn: pause.on,
  };
}

export function toAlertSettingsObject(organizationId: string, settings: AlertSettings): AlertSettingsObject {
  return { id: derivedId('AlertSettings', organizationId), ...settings, sensitivity: settings.sensitivity as AlertSensitivityEnum };
}

export function toAlertMentionObject(m: MentionEntity): MentionObject {
  return {
    id: m.id,
    source: m.source,
    externalId: m.externalId,
    accountId: m.accountId,
    authorHandle: m.authorHandle,
    authorName: m.authorName,
    authorReach: m.authorReach,
    text: m.text,
    url: m.url,
    publishedAt: m.publishedAt,
    publishedAtEstimated: m.publishedAtEstimated,
    language: m.language,
    sentimentScore: m.sentimentScore,
    sentiment: m.sentimentLabel as SentimentLabelEnum | null,
    reach: m.reach,
    queryIds: m.queryIds,
    createdAt: m.createdAt,
  };
}

export enum AlertChangeEnum {
  RAISED = 'RAISED',
  UPDATED = 'UPDATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}
registerEnumType(AlertChangeEnum, {
  name: 'AlertChange',
  description:
    'RAISED (a new alert); UPDATED (measured again while unresolved: the spike goes on); STATUS_CHANGED (acknowledged or resolved).',
  valuesMap: {
    RAISED: { description: 'A new alert was raised.' },
    UPDATED: { description: 'An unresolved alert was measured again: the spike goes on.' },
    STATUS_CHANGED: { description: 'The alert was acknowledged or resolved.' },
  },
});

@ObjectType('AlertEvent', {
  description:
    'A change of a crisis alert, as it was committed: its id and the fields that change. Read the alert itself (alert) for the rest.',
})
export class AlertEventObject {
  @Field(() => AlertChangeEnum, { description: 'What happened to the alert.' }) change!: AlertChangeEnum;
  @Field(() => ID, { description: 'The alert’s id.' }) alertId!: string;
  @Field(() => ID, { description: 'The client organisation of the alert.' }) organizationId!: string;
  @Field(() => AlertKindEnum, { description: 'The kind of alert.' }) kind!: AlertKindEnum;
  @Field(() => AlertStatusEnum, { description: 'Its status after this change.' }) status!: AlertStatusEnum;
  @Field(() => Int, { nullable: true, description: 'Negative mentions in the window (when measured: RAISED and UPDATED).' })
  observedCount!: number | null;
  @Field(() => DateTimeScalar, { description: 'When the change was committed.' }) occurredAt!: Date;
}

/** What a live event of the alert topic says, as the subscription answers it. */
export function toAlertEventObject(event: LiveEvent): AlertEventObject {
  const f = event.fields;
  return {
    change: event.change as AlertChangeEnum,
    alertId: event.id,
    organizationId: event.organizationId,
    kind: f.kind as AlertKindEnum,
    status: f.status as AlertStatusEnum,
    observedCount: typeof f.observedCount === 'number' ? f.observedCount : null,
    occurredAt: new Date(event.occurredAt),
  };
}
