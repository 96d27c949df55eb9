import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';
import { LocaleEnum } from '@socle/accounts';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';

export enum AssessmentReportFormatEnum {
  PDF = 'PDF',
  CSV = 'CSV',
}
registerEnumType(AssessmentReportFormatEnum, {
  name: 'AssessmentReportFormat',
  description: 'PDF (for executives: scores, radar, criteria, recommendations) or CSV (one row per criterion, for spreadsheets).',
  valuesMap: {
    PDF: { description: 'A PDF document for executives: scores, radar, criteria, recommendations.' },
    CSV: { description: 'A CSV file, one row per criterion, for spreadsheets (UTF-8).' },
  },
});

/** A report's language: the platform's `Locale`. */
export const ReportLocaleEnum = LocaleEnum;
export type ReportLocaleEnum = LocaleEnum;

@InputType({ description: 'Which assessment’s report, in which format and language.' })
export class AssessmentReportInput {
  @Field(() => ID, { description: 'A finalised assessment of the organization (a draft is refused: BAD_USER_INPUT).' })
  @IsUUID('all', { message: 'must be an assessment id' })
  assessmentId!: string;

  @Field(() => AssessmentReportFormatEnum, { description: 'PDF or CSV.' })
  @IsEnum(AssessmentReportFormatEnum, { message: 'must be PDF or CSV' })
  format!: AssessmentReportFormatEnum;

  @Field(() => ReportLocaleEnum, { nullable: true, description: "Defaults to the organization's language." })
  @IsOptional()
  @IsEnum(ReportLocaleEnum, { message: 'must be FR or EN' })
  locale?: ReportLocaleEnum;
}

@ObjectType('AssessmentReportFile', {
  description: 'A generated report file, its bytes in base64. For a plain download URL, ask assessmentReportLink.',
})
export class AssessmentReportFileObject {
  @Field(() => String, { description: 'Suggested file name, e.g. rapport-maturite-acme-2025-03-13.pdf.' }) filename!: string;
  @Field(() => String, { description: 'application/pdf or text/csv; charset=utf-8.' }) contentType!: string;
  @Field(() => Int, { description: 'Size of the decoded file in bytes.' }) byteLength!: number;
  @Field(() => String, { description: 'The file, base64-encoded.' }) base64!: string;
}

@ObjectType('AssessmentReportLink', {
  description:
    'A download link for a report file: anyone holding it can download that one file until it expires, so hand it only to its reader.',
})
export class AssessmentReportLinkObject {
  @Field(() => String, { description: 'GET this URL for the file (Content-Disposition: attachment).' }) url!: string;
  @Field(() => DateTimeScalar, { description: 'The link works until then (five minutes).' }) expiresAt!: Date;
  @Field(() => String, { description: 'The file name the download will carry.' }) filename!: string;
}
