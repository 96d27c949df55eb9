import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, DateScalar, DateTimeScalar } from '@socle/platform-graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export enum KpiValueSourceEnum {
  MANUAL = 'MANUAL',
  CSV_IMPORT = 'CSV_IMPORT',
  CONNECTOR = 'CONNECTOR',
}
registerEnumType(KpiValueSourceEnum, {
  name: 'KpiValueSource',
  description:
    'Where a value comes from: MANUAL (entered one at a time), CSV_IMPORT (a file), CONNECTOR (reserved for values recorded by a connector; none is written today: the platform’s own measures are computed by kpiProgress, not stored as values).',
  valuesMap: {
    MANUAL: { description: 'Entered one at a time (recordKpiValue).' },
    CSV_IMPORT: { description: 'Imported from a CSV file (importKpiValues).' },
    CONNECTOR: { description: 'Reserved for values recorded by a connector; no value carries it today.' },
  },
});

const DATE = 'The day measured, or the first day of the period the value is for.';

@InputType({ description: 'One value of a KPI for a date.' })
export class RecordKpiValueInput {
  @Field(() => ID, { description: 'Identifier of a KPI of the organisation’s strategy.' }) @IsString() @MaxLength(100) kpiId!: string;
  @Field(() => DateScalar, { description: DATE }) @IsString() date!: string;
  @Field(() => String, {
    description: 'A decimal number as text (at most 15 digits before the point and 6 after), so it is stored exactly as written.',
  })
  @IsString()
  @MaxLength(40)
  value!: string;
  @Field(() => String, { nullable: true, description: 'Where the figure comes from, at most 1,000 characters.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: 'KPI values as CSV text.' })
export class ImportKpiValuesInput {
  @Field(() => ID, { nullable: true, description: 'The KPI every line is for: the file may then leave out its kpi column.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(100)
  kpiId?: string | null;
  @Field(() => String, {
    description:
      'CSV text, at most 500,000 characters and 10,000 values: a header `kpi,date,value,note` (any order; kpi optional with kpiId; note optional), then one value per line. Separator comma, or semicolon with a decimal comma. Any bad line refuses the whole file (BAD_USER_INPUT with reason CSV_INVALID, or NOT_FOUND with reason CSV_UNKNOWN_KPI for a KPI not of the organisation; extensions.lines lists line, column and message).',
  })
  @IsString()
  @MaxLength(500_000)
  csv!: string;
}

@ArgsType()
export class KpiValuesArgs {
  @Field(() => ID, { description: 'Identifier of a KPI of the organisation’s strategy.' }) @IsString() @MaxLength(100) kpiId!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Dates on or after.' })
  @IsOptional()
  @IsString()
  from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Dates on or before.' })
  @IsOptional()
  @IsString()
  to?: string;
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;
  @Field(() => String, { nullable: true, description: 'Cursor of the last value of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ObjectType('KpiValue', { description: 'A value recorded for a KPI. Never changed: a correction is a newer value for the same date.' })
export class KpiValueObject {
  @Field(() => ID, { description: 'Identifier of the value.' }) id!: string;
  @Field(() => ID, { description: 'The KPI.' }) kpiId!: string;
  @Field(() => DateScalar, { description: DATE }) date!: string;
  @Field(() => Float, { description: 'The value, as recorded (up to 6 decimals).' }) value!: number;
  @Field(() => KpiValueSourceEnum, { description: 'How the value was recorded.' }) source!: KpiValueSourceEnum;
  @Field(() => String, { nullable: true, description: 'Where the figure comes from, or null.' }) note!: string | null;
  @Field(() => ID, { nullable: true, description: 'The person who entered it (null for an API key).' }) enteredBy!: string | null;
  @Field(() => ID, { nullable: true, description: 'The CSV import it came with.' }) importId!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the value was recorded (UTC).' }) createdAt!: Date;
  @Field(() => Boolean, { description: 'The newest value recorded for its date: the one progress reads; older ones are its history.' })
  current!: boolean;
}

export const KpiValueConnection = ConnectionType(KpiValueObject, 'KpiValue');

@ObjectType('KpiValueImport', { description: 'The result of a CSV import.' })
export class KpiValueImportObject {
  @Field(() => ID, { description: 'Identifier of the import; each value stored carries it.' }) importId!: string;
  @Field(() => Int, { description: 'Values stored.' }) imported!: number;
  @Field(() => [KpiValueObject], { description: 'The values stored, in the order of the file.' }) values!: KpiValueObject[];
}
