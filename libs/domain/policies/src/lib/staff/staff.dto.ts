import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ConnectionType } from '@socle/platform-graphql';
import { STAFF_CSV_LIMITS } from './staff-csv';

@InputType({ description: 'A staff list as CSV: a first line naming the columns, then one person per line.' })
export class ImportStaffInput {
  @Field(() => String, {
    description:
      'Columns name, email, department and optional role (French names accepted: nom, courriel, service, fonction), separated by commas or semicolons; at most 5,000 people. One bad line refuses the whole import, every bad line named.',
  })
  @IsString()
  @MinLength(1, { message: 'give the CSV text' })
  @MaxLength(STAFF_CSV_LIMITS.maxChars, { message: `must be at most ${STAFF_CSV_LIMITS.maxChars} characters` })
  csv!: string;
}

@InputType()
export class RemoveStaffMemberInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a staff id' }) staffId!: string;
}

@ObjectType('StaffMember', { description: 'A person of the organization’s staff list (no Socle account) who must know its policies.' })
export class StaffMemberObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String) department!: string;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}
export const StaffMemberConnection = ConnectionType(StaffMemberObject, 'StaffMember');

@ObjectType('StaffDuplicate', { description: 'A CSV line left out: an earlier line has the same e-mail (case-insensitive).' })
export class StaffDuplicateObject {
  @Field(() => Int) line!: number;
  @Field(() => Int) firstLine!: number;
  @Field(() => String) email!: string;
}

@ObjectType('StaffImport')
export class StaffImportObject {
  @Field(() => Int, { description: 'People added to the list.' }) created!: number;
  @Field(() => Int, { description: 'People already listed whose name, department or role changed.' }) updated!: number;
  @Field(() => Int, { description: 'People already listed, unchanged.' }) unchanged!: number;
  @Field(() => [StaffDuplicateObject]) duplicates!: StaffDuplicateObject[];
  @Field(() => Int, { description: 'People on the list after the import.' }) total!: number;
}

@ObjectType('StaffMemberRemoval')
export class StaffMemberRemovalObject {
  @Field(() => StaffMemberObject) staffMember!: StaffMemberObject;
  @Field(() => Int, { description: 'Acknowledgement links withdrawn (their mails, if not sent yet, are cancelled).' })
  linksRevoked!: number;
}
