import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, LocalTimeScalar } from '@socle/platform-graphql';
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
  valuesMap: {
    FR: { description: 'France: the eleven national public holidays.' },
    CH: { description: 'Switzerland: 1 August and the days most cantons keep.' },
  },
});

@InputType({ description: 'A period of work within a day.' })
export class WorkingPeriodInput {
  @Field(() => LocalTimeScalar, { description: 'Opening time, in the calendar’s time zone.' }) @IsString() start!: string;
  @Field(() => String, {
    description:
      'Closing time, after the opening: HH:MM from 00:01 to 24:00, where 24:00 is the midnight that ends the day (a string, not a LocalTime, for that reason).',
  })
  @IsString()
  @MaxLength(5)
  end!: string;
}

@InputType({ description: 'The working periods of one weekday.' })
export class WorkingDayInput {
  @Field(() => Int, { description: '1 Monday … 7 Sunday.' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @Field(() => [WorkingPeriodInput], { description: `Up to ${MAX_PERIODS_PER_DAY} periods, in order (e.g. a lunch break between two).` })
  @ArrayMaxSize(MAX_PERIODS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingPeriodInput)
  periods!: WorkingPeriodInput[];
}

@InputType({ description: "The whole business calendar, replacing the previous one. Its time zone is the organization's." })
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
  @Field(() => [DateScalar], { nullable: true, description: `Other closed days (at most ${MAX_CLOSED_DAYS}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_CLOSED_DAYS)
  @IsString({ each: true })
  closedDays?: string[];
}

@ArgsType()
export class PublicHolidaysArgs {
  @Field(() => HolidayCountryEnum, { description: 'The country.' }) @IsEnum(HolidayCountryEnum) country!: HolidayCountryEnum;
  @Field(() => Int, { description: 'The year, 1900 to 2200.' }) @IsInt() @Min(1900) @Max(2200) year!: number;
}

@ObjectType('WorkingPeriod', { description: "A period of work within a day, in the calendar's time zone." })
export class WorkingPeriodObject {
  @Field(() => LocalTimeScalar, { description: 'Opening time.' }) start!: string;
  @Field(() => String, { description: 'Closing time, HH:MM from 00:01 to 24:00 (the midnight that ends the day).' }) end!: string;
}

@ObjectType('WorkingDay', { description: 'The working periods of one weekday.' })
export class WorkingDayObject {
  @Field(() => Int, { description: '1 Monday … 7 Sunday.' }) weekday!: number;
  @Field(() => [WorkingPeriodObject], { description: 'Empty: closed that day.' }) periods!: WorkingPeriodObject[];
}

@ObjectType('BusinessCalendar', {
  description: 'Working hours, public holidays and closed days: comment-handling rules with businessHours count their delay in it.',
})
export class BusinessCalendarObject {
  @Field(() => ID, {
    description: "Id of the organization's business calendar: opaque and stable, one per organization, the default included.",
  })
  id!: string;
  @Field(() => String, { description: "IANA time zone the calendar is read in (the organization's)." }) timeZone!: string;
  @Field(() => HolidayCountryEnum, { description: 'Whose public holidays close the organization; null for none.', nullable: true })
  holidayCountry!: HolidayCountryEnum | null;
  @Field(() => [WorkingDayObject], { description: 'Seven days, Monday first.' }) days!: WorkingDayObject[];
  @Field(() => [DateScalar], { description: 'Other closed days.' }) closedDays!: string[];
  @Field(() => Boolean, { description: 'False while the default applies (Monday–Friday 09:00–18:00, the time zone’s country).' })
  custom!: boolean;
  @Field(() => DateTimeScalar, { description: 'When it was last set (UTC); null while the default applies.', nullable: true })
  updatedAt!: Date | null;
}

@ObjectType('PublicHoliday', { description: 'A public holiday.' })
export class PublicHolidayObject {
  @Field(() => DateScalar, { description: 'The day.' }) date!: string;
  @Field(() => String, { description: 'Its name in French.' }) nameFr!: string;
  @Field(() => String, { description: 'Its name in English.' }) nameEn!: string;
}
