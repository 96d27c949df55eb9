import { ArgsType, Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { PageArgs } from '@socle/platform-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
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

@InputType()
export class SignUpInput {
  @Field(() => String) @IsString() @Length(1, 120) agencyName!: string;
  @Field(() => String) @IsString() @Length(1, 120) displayName!: string;
  @Field(() => String) @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(254) email!: string;
  @Field(() => String, { description: 'At least 12 characters; 3 kinds of characters below 16.' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
  @Field(() => LocaleEnum, { defaultValue: LocaleEnum.fr }) @IsEnum(LocaleEnum) locale: LocaleEnum = LocaleEnum.fr;
}

@InputType()
export class LogInInput {
  @Field(() => String) @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(254) email!: string;
  @Field(() => String) @IsString() @MinLength(1) @MaxLength(256) password!: string;
}

@InputType()
export class RefreshSessionInput {
  @Field(() => String) @IsString() @MaxLength(200) refreshToken!: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String) @IsString() @MaxLength(200) token!: string;
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
  @Field(() => LocaleEnum, { nullable: true }) @IsOptional() @IsEnum(LocaleEnum) locale?: LocaleEnum;
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => String) @IsString() @Length(1, 120) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) sector?: string;
  @Field(() => OrganizationSizeEnum, { nullable: true }) @IsOptional() @IsEnum(OrganizationSizeEnum) size?: OrganizationSizeEnum;
  @Field(() => LocaleEnum, { defaultValue: LocaleEnum.fr }) @IsEnum(LocaleEnum) locale: LocaleEnum = LocaleEnum.fr;
  @Field(() => String, { defaultValue: 'Europe/Paris' })
  @IsString()
  @IsIn([...TIMEZONES], { message: 'must be an IANA time zone such as Europe/Paris' })
  timezone = 'Europe/Paris';
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 120) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) sector?: string;
  @Field(() => OrganizationSizeEnum, { nullable: true }) @IsOptional() @IsEnum(OrganizationSizeEnum) size?: OrganizationSizeEnum;
  @Field(() => LocaleEnum, { nullable: true }) @IsOptional() @IsEnum(LocaleEnum) locale?: LocaleEnum;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsIn([...TIMEZONES], { message: 'must be an IANA time zone such as Europe/Paris' })
  timezone?: string;
}

@InputType()
export class DeleteOrganizationInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an organization id' }) id!: string;
  @Field(() => String, { description: 'The organization name, typed again to confirm.' }) @IsString() @MaxLength(120) confirmName!: string;
}

@InputType()
export class OrganizationFilterInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) nameContains?: string;
  @Field(() => OrganizationStatusEnum, { nullable: true }) @IsOptional() @IsEnum(OrganizationStatusEnum) status?: OrganizationStatusEnum;
}

@InputType()
export class InviteMemberInput {
  @Field(() => String) @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(254) email!: string;
  @Field(() => [OrganizationRoleEnum])
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsEnum(OrganizationRoleEnum, { each: true })
  roles!: OrganizationRoleEnum[];
}

@InputType()
export class ChangeMemberRolesInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a user id' }) userId!: string;
  @Field(() => [OrganizationRoleEnum])
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsEnum(OrganizationRoleEnum, { each: true })
  roles!: OrganizationRoleEnum[];
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a user id' }) userId!: string;
}

@InputType()
export class InviteAgencyMemberInput {
  @Field(() => String) @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(254) email!: string;
  @Field(() => AgencyRoleEnum) @IsIn([AgencyRoleEnum.ADMIN, AgencyRoleEnum.MEMBER], { message: 'must be ADMIN or MEMBER' }) role!:
    AgencyRoleEnum.ADMIN | AgencyRoleEnum.MEMBER;
}

@InputType()
export class ChangeAgencyMemberRoleInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a user id' }) userId!: string;
  @Field(() => AgencyRoleEnum) @IsEnum(AgencyRoleEnum) role!: AgencyRoleEnum;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) @IsString() @Length(1, 120) name!: string;
  @Field(() => ID, { nullable: true, description: 'Restrict the key to one client organization.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organization id' })
  organizationId?: string;
  @Field(() => [ApiKeyScopeEnum]) @ArrayMinSize(1) @ArrayUnique() @IsEnum(ApiKeyScopeEnum, { each: true }) scopes!: ApiKeyScopeEnum[];
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() expiresAt?: Date;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an API key id' }) id!: string;
}

@InputType()
export class RenameAgencyInput {
  @Field(() => String) @IsString() @Length(1, 120) name!: string;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilterInput)
  filter?: OrganizationFilterInput;
}
