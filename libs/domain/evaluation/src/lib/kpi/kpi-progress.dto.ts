import { ArgsType, Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';
import { KpiMeasureEnum } from '@socle/strategy';
import { IsDate, IsUUID } from 'class-validator';

export enum KpiProgressStatusEnum {
  MEASURED = 'MEASURED',
  NOT_MEASURED = 'NOT_MEASURED',
  NOT_MEASURED_YET = 'NOT_MEASURED_YET',
}
registerEnumType(KpiProgressStatusEnum, {
  name: 'KpiProgressStatus',
  description:
    'MEASURED: periods carry values. NOT_MEASURED: the KPI has no measure, or the data it needs is not collected (see reason). NOT_MEASURED_YET: the platform does not compute this measure yet.',
  valuesMap: {
    MEASURED: { description: 'Periods carry values.' },
    NOT_MEASURED: { description: 'The KPI has no measure, or the data it needs is not collected (see reason).' },
    NOT_MEASURED_YET: { description: 'The platform does not compute this measure yet.' },
  },
});

export enum KpiValueOriginEnum {
  MEASURED = 'MEASURED',
  RECORDED = 'RECORDED',
}
registerEnumType(KpiValueOriginEnum, {
  name: 'KpiValueOrigin',
  description:
    'MEASURED: computed by the platform from its data (connectors’ metrics, publications, mentions, the inbox). RECORDED: the current value people recorded for the latest date of the period (kpiValues), used when the KPI is measured by hand (no measure) or the platform has no value for the period.',
  valuesMap: {
    MEASURED: { description: 'Computed by the platform from its data.' },
    RECORDED: { description: 'Recorded by people (by hand or imported).' },
  },
});

@ArgsType()
export class KpiProgressArgs {
  @Field(() => ID, { description: 'Identifier of the KPI.' }) @IsUUID('all', { message: 'must be a KPI id' }) kpiId!: string;
  @Field(() => DateTimeScalar, { description: 'Start; the first period is cut there.' }) @IsDate() from!: Date;
  @Field(() => DateTimeScalar, { description: 'End, excluded; the last period is cut there.' }) @IsDate() to!: Date;
}

@ObjectType('KpiPeriodProgress', { description: 'One period of the KPI’s frequency (UTC calendar periods).' })
export class KpiPeriodProgressObject {
  @Field(() => DateTimeScalar, { description: 'Start of the period (UTC), or `from` when the period began before it.' }) start!: Date;
  @Field(() => DateTimeScalar, { description: 'Excluded.' }) end!: Date;
  @Field(() => Float, { nullable: true, description: 'The measured value; null when the data for this period is missing.' })
  value!: number | null;
  @Field(() => KpiValueOriginEnum, { nullable: true, description: 'Where the value comes from; null without a value.' })
  origin!: KpiValueOriginEnum | null;
  @Field(() => Float, { description: 'The KPI’s target.' }) target!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of the way from the objective’s baseline to the target: 0 at the baseline, 1 at the target.',
  })
  progress!: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'FOLLOWERS: at least the share of the way the time elapsed since the objective started asks for (a straight line to its deadline). Other measures: the period reached its target. Null without a value.',
  })
  onTrack!: boolean | null;
}

@ObjectType('KpiProgress', { description: 'A KPI’s value per period against its target.' })
export class KpiProgressObject {
  @Field(() => ID, { description: 'Identifier of the KPI.' }) kpiId!: string;
  @Field(() => KpiMeasureEnum, {
    nullable: true,
    description: 'The KPI’s measure (such as FOLLOWERS, or MANUAL for values people record); null when the KPI has none.',
  })
  measure!: KpiMeasureEnum | null;
  @Field(() => KpiProgressStatusEnum, { description: 'Whether the platform measures this KPI.' }) status!: KpiProgressStatusEnum;
  @Field(() => String, { nullable: true, description: 'Why the KPI is not measured, in plain words; null when MEASURED.' }) reason!:
    string | null;
  @Field(() => Float, { nullable: true, description: 'The objective’s baseline.' }) baseline!: number | null;
  @Field(() => Float, { description: 'The KPI’s target value.' }) target!: number;
  @Field(() => [KpiPeriodProgressObject], { description: 'One per period of the KPI’s frequency between from and to, oldest first.' })
  periods!: KpiPeriodProgressObject[];
}
