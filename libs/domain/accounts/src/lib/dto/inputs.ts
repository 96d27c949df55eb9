import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { DateTimeScalar, PageArgs } from '@socle/platform-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AgencyRoleEnum, ApiKeyScopeEnum, LocaleEnum, OrganizationRoleEnum, OrganizationSizeEnum, OrganizationStatusEnum } from './objects';

const TIMEZONES = new Set(Intl.supportedValuesOf('timeZone').concat(['UTC']));

/** Whether an invitation's link goes by mail too (the same field on inviting and on sending a link again). */
function SendEmailField(): PropertyDecorator {
  return applyDecorators(
    Field(() => Boolean, {
      defaultValue: true,
      description:
        'Whether to mail the link to the invitee (in the language of the client, or of the inviter for an agency); the link is in the answer either way.',
    }),
    IsBoolean(),
  );
}

@InputType({ description: 'A new agency and its owner.' })
export class SignUpInput {
  @Field(() => String, { description: 'Name of the agency, 1 to 120 characters.' }) @IsString() @Length(1, 120) agencyName!: string;
  @Field(() => String, { description: "The owner's name, 1 to 120 characters." }) @IsString() @Length(1, 120) displayName!: string;
  @Field(() => String, { description: "The owner's email address (at most 254 characters), used to sign in." })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;
  @Field(() => String, { description: 'At least 12 characters; 3 kinds of characters below 16.' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
  @Field(() => LocaleEnum, { description: "The owner's language (default FR).", defaultValue: LocaleEnum.FR })
  @IsEnum(LocaleEnum)
  locale: LocaleEnum = LocaleEnum.FR;
}

@InputType({ description: 'Credentials of a person.' })
export class LogInInput {
  @Field(() => String, { description: 'Email address of the account (at most 254 characters).' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;
  @Field(() => String, { description: 'Password of the account (at most 256 characters).' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

@InputType({ description: 'The refresh token of a session.' })
export class RefreshSessionInput {
  @Field(() => String, { description: 'The refresh token last received (at most 200 characters).' })
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

@InputType({ description: 'An invitation token, and what a new account needs.' })
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The token of the invitation (at most 200 characters), from its link or its payload.' })
  @IsString()
  @MaxLength(200)
  token!: string;
  @Field(() => String, { nullable: true, description: 'For a new account.' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;
  @Field(() => String, { nullable: true, description: 'For a new account, or to prove an existing one.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;
  @Field(() => LocaleEnum, { description: 'Language of a new account (default FR); ignored for an existing account.', nullable: true })
  @IsOptional()
  @IsEnum(LocaleEnum)
  locale?: LocaleEnum;
}

@InputType({ description: 'A new client organization.' })
export class CreateOrganizationInput {
  @Field(() => String, { description: 'Name, 1 to 120 characters.' }) @IsString() @Length(1, 120) name!: string;
  @Field(() => String, { description: 'Business sector in free text, at most 120 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  sector?: string;
  @Field(() => OrganizationSizeEnum, { description: 'Size by headcount.', nullable: true })
  @IsOptional()
  @IsEnum(OrganizationSizeEnum)
  size?: OrganizationSizeEnum;
  @Field(() => LocaleEnum, { description: 'Language of its mails and generated documents (default FR).', defaultValue: LocaleEnum.FR })
  @IsEnum(LocaleEnum)
  locale: LocaleEnum = LocaleEnum.FR;
  @Field(() => String, {
    description: 'IANA time zone its dates and schedules are read in (default Europe/Paris).',
    defaultValue: 'Europe/Paris',
  })
  @IsString()
  @IsIn([...TIMEZONES], { message: 'must be an IANA time zone such as Europe/Paris' })
  timezone = 'Europe/Paris';
}

@InputType({
  description: 'Fields left out are kept. null empties sector and size, and keeps name, locale and timezone (which always have a value).',
})
export class UpdateOrganizationInput {
  @Field(() => String, { description: 'Name, 1 to 120 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;
  @Field(() => String, { description: 'Business sector in free text, at most 120 characters; null empties it.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  sector?: string;
  @Field(() => OrganizationSizeEnum, { description: 'Size by headcount; null empties it.', nullable: true })
  @IsOptional()
  @IsEnum(OrganizationSizeEnum)
  size?: OrganizationSizeEnum;
  @Field(() => LocaleEnum, { description: 'Language of its mails and generated documents.', nullable: true })
  @IsOptional()
  @IsEnum(LocaleEnum)
  locale?: LocaleEnum;
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris.', nullable: true })
  @IsOptional()
  @IsString()
  @IsIn([...TIMEZONES], { message: 'must be an IANA time zone such as Europe/Paris' })
  timezone?: string;
}

@InputType({ description: 'The organization to delete, and its name as confirmation.' })
export class DeleteOrganizationInput {
  @Field(() => ID, { description: 'The organization id.' }) @IsUUID('all', { message: 'must be an organization id' }) id!: string;
  @Field(() => String, { description: 'The organization name, typed again to confirm.' }) @IsString() @MaxLength(120) confirmName!: string;
}

@InputType({ description: 'Narrows the list of client organizations; fields left out do not filter.' })
export class OrganizationFilterInput {
  @Field(() => String, {
    description: 'Only organizations whose name contains this text, ignoring case (at most 120 characters).',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  nameContains?: string;
  @Field(() => OrganizationStatusEnum, { description: 'Only organizations with this status.', nullable: true })
  @IsOptional()
  @IsEnum(OrganizationStatusEnum)
  status?: OrganizationStatusEnum;
}

@InputType({ description: 'Who to invite into the organization and with which roles.' })
export class InviteMemberInput {
  @Field(() => String, { description: 'Email address to invite (at most 254 characters).' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;
  @Field(() => [OrganizationRoleEnum], { description: 'Roles given on acceptance: 1 to 8, no repeats.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsEnum(OrganizationRoleEnum, { each: true })
  roles!: OrganizationRoleEnum[];
  @SendEmailField() sendEmail = true;
}

@InputType({ description: "A member's new roles." })
export class ChangeMemberRolesInput {
  @Field(() => ID, { description: "The member's user id." }) @IsUUID('all', { message: 'must be a user id' }) userId!: string;
  @Field(() => [OrganizationRoleEnum], { description: 'The roles they will hold, replacing the current ones: 1 to 8, no repeats.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsEnum(OrganizationRoleEnum, { each: true })
  roles!: OrganizationRoleEnum[];
}

@InputType({ description: 'The member to remove.' })
export class RemoveMemberInput {
  @Field(() => ID, { description: "The member's user id." }) @IsUUID('all', { message: 'must be a user id' }) userId!: string;
}

@InputType({ description: 'An invitation of the organization (revokeInvitation) or of the agency (revokeAgencyInvitation).' })
export class RevokeInvitationInput {
  @Field(() => ID, { description: 'The invitation id.' }) @IsUUID('all', { message: 'must be an invitation id' }) invitationId!: string;
}

@InputType({ description: 'An invitation of the organization (resendInvitation) or of the agency (resendAgencyInvitation).' })
export class ResendInvitationInput {
  @Field(() => ID, { description: 'The invitation id.' }) @IsUUID('all', { message: 'must be an invitation id' }) invitationId!: string;
  @SendEmailField() sendEmail = true;
}

@InputType({ description: 'Who to invite into the agency and with which role.' })
export class InviteAgencyMemberInput {
  @Field(() => String, { description: 'Email address to invite (at most 254 characters).' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;
  @Field(() => AgencyRoleEnum, { description: 'ADMIN or MEMBER; an owner is made by changeAgencyMemberRole once they have joined.' })
  @IsIn([AgencyRoleEnum.ADMIN, AgencyRoleEnum.MEMBER], { message: 'must be ADMIN or MEMBER' })
  role!: AgencyRoleEnum.ADMIN | AgencyRoleEnum.MEMBER;
  @SendEmailField() sendEmail = true;
}

@InputType({ description: "A staff member's new role." })
export class ChangeAgencyMemberRoleInput {
  @Field(() => ID, { description: "The staff member's user id." }) @IsUUID('all', { message: 'must be a user id' }) userId!: string;
  @Field(() => AgencyRoleEnum, { description: 'Their new role. Only an owner grants or takes away OWNER.' })
  @IsEnum(AgencyRoleEnum)
  role!: AgencyRoleEnum;
}

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Name to recognise the key, 1 to 120 characters.' }) @IsString() @Length(1, 120) name!: string;
  @Field(() => ID, { nullable: true, description: 'Restrict the key to one client organization.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organization id' })
  organizationId?: string;
  @Field(() => [ApiKeyScopeEnum], {
    description: 'What the key may do: READ / WRITE for every module, or single modules (CONTENT_READ…); at least one scope, no repeats.',
  })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(ApiKeyScopeEnum, { each: true })
  scopes!: ApiKeyScopeEnum[];
  @Field(() => DateTimeScalar, {
    description: 'When the key stops working (in the future); left out, it does not expire.',
    nullable: true,
  })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;
}

@InputType({ description: 'The API key to revoke.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'The key id.' }) @IsUUID('all', { message: 'must be an API key id' }) id!: string;
}

@InputType({ description: "The signed-in person's own settings; fields left out keep their value." })
export class UpdateMeInput {
  @Field(() => LocaleEnum, { nullable: true, description: 'The language of the console and of the mails sent to this person.' })
  @IsOptional()
  @IsEnum(LocaleEnum)
  locale?: LocaleEnum;
  @Field(() => String, { description: 'Name shown to others, 1 to 120 characters (not blank).', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;
}

@InputType({ description: "The agency's new name." })
export class RenameAgencyInput {
  @Field(() => String, { description: 'Name, 1 to 120 characters.' }) @IsString() @Length(1, 120) name!: string;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilterInput, {
    description: 'Narrows the list; left out, every client organization of the agency.',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilterInput)
  filter?: OrganizationFilterInput;
}
