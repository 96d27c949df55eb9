import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const NETWORK = /^[a-z0-9-]{1,40}$/;
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType()
export class CredentialFieldInput {
  @Field(() => String)
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, { message: 'must be a field name such as accessToken' })
  name!: string;
  @Field(() => String) @IsString() @MinLength(1) @MaxLength(4000) value!: string;
}

@InputType()
export class ConnectNetworkAccountInput {
  @Field(() => String, { description: 'Id of an enabled network (see `networks`).' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network id such as mastodon' })
  network!: string;

  @Field(() => String, { description: 'Instance, PDS or feed URL.' })
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  serviceUrl!: string;

  @Field(() => String, { nullable: true, description: 'A personal access token.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  accessToken?: string;

  @Field(() => String, { nullable: true, description: 'Handle, DID or e-mail (app-password networks).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  identifier?: string;

  @Field(() => String, { nullable: true, description: 'An app password.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  appPassword?: string;

  @Field(() => String, { nullable: true, description: 'Feed URL (feeds; defaults to serviceUrl).' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  feedUrl?: string;

  @Field(() => [CredentialFieldInput], { nullable: true, description: 'Any other field the network’s form needs.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CredentialFieldInput)
  fields?: CredentialFieldInput[];
}

@InputType()
export class StartNetworkOAuthInput {
  @Field(() => String) @IsString() @Matches(NETWORK, { message: 'must be a network id such as mastodon' }) network!: string;
  @Field(() => String, { description: 'The instance URL.' })
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  serviceUrl!: string;
  @Field(() => String, { nullable: true, description: 'Where the network sends the user back; defaults to this API’s /oauth/callback.' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  redirectUri?: string;
}

@InputType()
export class DisconnectNetworkAccountInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a network account id' }) id!: string;
}

@InputType()
export class CheckNetworkAccountInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a network account id' }) id!: string;
}
