import { ArgsType, Field, GraphQLISODateTime, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_CLOSED_DAYS, MAX_PERIODS_PER_DAY } from './business-calendar';

export enum HolidayCountryEnum {
  FR = 'FR',
  CH = 'CH',
}
registerEnumType(HolidayCountryEnum, {
  name: 'HolidayCountry',
  description:
    'Whose public holidays close the organisation. FR: the eleven national holidays. CH: 1 August and the days most cantons keep ' +
    '(1–2 January, Good Friday, Easter Monday, Ascension, Whit Monday, 25–26 December); cantonal differences go in closedDays.',
});

@InputType()
export class WorkingPeriodInput {
  @Field(() => String, { description: 'Opening time, HH:MM (00:00–23:59), in the calendar’s time zone.' })
  @IsString()
  @MaxLength(5)
  start!: string;
  @Field(() => String, { description: 'Closing time, HH:MM (up to 24:00), after the opening.' }) @IsString() @MaxLength(5) end!: string;
}

@InputType()
export class WorkingDayInput {
  @Field(() => Int, { description: '1 Monday … 7 Sunday.' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @Field(() => [WorkingPeriodInput], { description: `Up to ${MAX_PERIODS_PER_DAY} periods, in order (e.g. a lunch break between two).` })
  @ArrayMaxSize(MAX_PERIODS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingPeriodInput)
  periods!: WorkingPeriodInput[];
}

@InputType()
export class SetBusinessCalendarInput {
  @Field(() => String, { description: 'IANA time zone of the hours, e.g. Europe/Paris.' }) @IsString() @MaxLength(64) timeZone!: string;
  @Field(() => HolidayCountryEnum, { nullable: true, description: 'Public holidays to close on; null for none.' })
  @IsOptional()
  @IsEnum(HolidayCountryEnum)
  holidayCountry?: HolidayCountryEnum | null;
  @Field(() => [WorkingDayInput], { description: 'The working days; a weekday left out is closed.' })
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WorkingDayInput)
  days!: WorkingDayInput[];
  @Field(() => [String], { nullable: true, description: `Other closed days, YYYY-MM-DD (at most ${MAX_CLOSED_DAYS}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_CLOSED_DAYS)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  closedDays?: string[];
}

@ArgsType()
export class PublicHolidaysArgs {
  @Field(() => HolidayCountryEnum) @IsEnum(HolidayCountryEnum) country!: HolidayCountryEnum;
  @Field(() => Int) @IsInt() @Min(1900) @Max(2200) year!: number;
}

@ObjectType('WorkingPeriod')
export class WorkingPeriodObject {
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@ObjectType('WorkingDay')
export class WorkingDayObject {
  @Field(() => Int, { description: '1 Monday … 7 Sunday.' }) weekday!: number;
  @Field(() => [WorkingPeriodObject], { description: 'Empty: closed that day.' }) periods!: WorkingPeriodObject[];
}

@ObjectType('BusinessCalendar', {
  description: 'Working hours, public holidays and closed days: comment-handling rules with businessHours count their delay in it.',
})
export class BusinessCalendarObject {
  @Field(() => String) timeZone!: string;
  @Field(() => HolidayCountryEnum, { nullable: true }) holidayCountry!: HolidayCountryEnum | null;
  @Field(() => [WorkingDayObject], { description: 'Seven days, Monday first.' }) days!: WorkingDayObject[];
  @Field(() => [String]) closedDays!: string[];
  @Field(() => Boolean, { description: 'False while the default applies (Monday–Friday 09:00–18:00, the time zone’s country).' })
  custom!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('PublicHoliday')
export class PublicHolidayObject {
  @Field(() => String, { description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => String) nameFr!: string;
  @Field(() => String) nameEn!: string;
}
