import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Public, RequestState, RequestStateParam } from '@socle/platform-auth';
import { PASSWORD_RESET_VALID_MINUTES, PasswordResetService } from './password-reset.service';

@InputType({ description: 'Who forgot their password.' })
export class RequestPasswordResetInput {
  @Field(() => String, { description: 'The e-mail address of the account (any case).' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;
}

@InputType({ description: 'A new password, with the link that allows it.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The `token` parameter of the link in the password-reset mail.' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field(() => String, { description: 'The new password, by the sign-up rules: at least 12 characters; 3 kinds of characters below 16.' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      `Mails a link to choose a new password to the account with this address, in its language; the link works once, for ${PASSWORD_RESET_VALID_MINUTES} minutes, ` +
      'and a newer request replaces it. Answers true whether or not the address has an account (it tells nobody who has one); ' +
      'at most three links an hour go to one account. RATE_LIMITED when this address asks too often.',
  })
  async requestPasswordReset(
    @Args('input', { description: 'The address of the account.' }) input: RequestPasswordResetInput,
    @RequestStateParam() state: RequestState,
  ): Promise<boolean> {
    await this.resets.request(input.email, state);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Sets a new password with the link of a password-reset mail, and signs the person out of every session (log in again). ' +
      'BAD_USER_INPUT with reason PASSWORD_RESET_LINK_INVALID on `input.token` when the link is unknown, used, replaced or expired; ' +
      'BAD_USER_INPUT on `input.password` when the password is too weak (nothing changes then, and the link still works).',
  })
  async resetPassword(
    @Args('input', { description: 'The link’s token and the new password.' }) input: ResetPasswordInput,
    @RequestStateParam() state: RequestState,
  ): Promise<boolean> {
    await this.resets.reset(input.token, input.password, state);
    return true;
  }
}
