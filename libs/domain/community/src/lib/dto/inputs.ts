import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const NETWORK = /^[a-z0-9-]{1,40}$/;
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType({ description: 'One named field of a network’s credential form.' })
export class CredentialFieldInput {
  @Field(() => String, {
    description: 'The field’s name: a letter, then up to 39 letters, digits or underscores (for example accessToken).',
  })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, { message: 'must be a field name such as accessToken' })
  name!: string;
  @Field(() => String, { description: 'The field’s value, 1 to 4,000 characters. Stored encrypted, never returned.' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  value!: string;
}

@InputType({
  description: 'The network and the credentials of the account to connect. Credentials are stored encrypted and never returned.',
})
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

@InputType({ description: 'The network and the server to start an OAuth connection with.' })
export class StartNetworkOAuthInput {
  @Field(() => String, { description: 'Id of an enabled network that connects with OAuth (see `networks`, authKind oauth2).' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network id such as mastodon' })
  network!: string;
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

@InputType({ description: 'The network account to disconnect.' })
export class DisconnectNetworkAccountInput {
  @Field(() => ID, { description: 'Identifier of the network account.' })
  @IsUUID('all', { message: 'must be a network account id' })
  id!: string;
}

@InputType({ description: 'The network account to check.' })
export class CheckNetworkAccountInput {
  @Field(() => ID, { description: 'Identifier of the network account.' })
  @IsUUID('all', { message: 'must be a network account id' })
  id!: string;
}

@InputType({ description: 'The identity to connect among those a sign-in offered.' })
export class ChooseNetworkAccountTargetInput {
  @Field(() => ID, { description: 'The choice the OAuth callback answered (choice.id).' })
  @IsUUID('all', { message: 'must be a network account choice id' })
  choiceId!: string;
  @Field(() => ID, { description: 'The id of one of the choice’s targets.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  targetId!: string;
}
