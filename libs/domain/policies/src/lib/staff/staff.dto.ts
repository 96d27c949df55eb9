import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ConnectionType, DateTimeScalar } from '@socle/platform-graphql';
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

@InputType({ description: 'The person to remove from the staff list.' })
export class RemoveStaffMemberInput {
  @Field(() => ID, { description: 'The staff member id.' }) @IsUUID('all', { message: 'must be a staff id' }) staffId!: string;
}

@ObjectType('StaffMember', { description: 'A person of the organization’s staff list (no Socle account) who must know its policies.' })
export class StaffMemberObject {
  @Field(() => ID, { description: 'The staff member id.' }) id!: string;
  @Field(() => String, { description: 'Their name.' }) name!: string;
  @Field(() => String, { description: 'Their e-mail address (unique in the list, ignoring case).' }) email!: string;
  @Field(() => String, { description: 'Their department.' }) department!: string;
  @Field(() => String, { description: 'Their role or job title; null when not given.', nullable: true }) role!: string | null;
  @Field(() => DateTimeScalar, { description: 'When they were added (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When their entry last changed (UTC).' }) updatedAt!: Date;
}
export const StaffMemberConnection = ConnectionType(StaffMemberObject, 'StaffMember');

@ObjectType('StaffDuplicate', { description: 'A CSV line left out: an earlier line has the same e-mail (case-insensitive).' })
export class StaffDuplicateObject {
  @Field(() => Int, { description: 'The CSV line left out (1 is the header line).' }) line!: number;
  @Field(() => Int, { description: 'The earlier line with the same e-mail, which was kept.' }) firstLine!: number;
  @Field(() => String, { description: 'The e-mail address they share.' }) email!: string;
}

@ObjectType('StaffImport', { description: 'What an import of the staff list did.' })
export class StaffImportObject {
  @Field(() => Int, { description: 'People added to the list.' }) created!: number;
  @Field(() => Int, { description: 'People already listed whose name, department or role changed.' }) updated!: number;
  @Field(() => Int, { description: 'People already listed, unchanged.' }) unchanged!: number;
  @Field(() => [StaffDuplicateObject], { description: 'Lines left out because an earlier line has the same e-mail.' })
  duplicates!: StaffDuplicateObject[];
  @Field(() => Int, { description: 'People on the list after the import.' }) total!: number;
}

@ObjectType('StaffMemberRemoval', { description: 'A person removed from the staff list.' })
export class StaffMemberRemovalObject {
  @Field(() => StaffMemberObject, { description: 'The person as they were.' }) staffMember!: StaffMemberObject;
  @Field(() => Int, { description: 'Acknowledgement links withdrawn (their mails, if not sent yet, are cancelled).' })
  linksRevoked!: number;
}
