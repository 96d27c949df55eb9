import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { AuthFrame } from '../components/AuthFrame';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

const ResetPasswordDocument = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

/** "Forgot your password?": asks for the address and says a mail is on its way (whether or not it has an account). */
export function ForgotPasswordPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [result, request] = useMutation(RequestPasswordResetDocument);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await request({ input: { email } });
    if (data?.requestPasswordReset) setSent(true);
  };
  return (
    <AuthFrame title={t('password.forgotTitle')} error={result.error}>
      {sent ? (
        <Alert color="green" role="status">
          {t('password.sent', { email })}
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">{t('password.forgotIntro')}</Text>
            <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <Button type="submit" loading={result.fetching}>
              {t('password.send')}
            </Button>
          </Stack>
        </form>
      )}
      <Text size="sm" mt="md">
        <Anchor component={Link} to="/login">
          {t('password.backToLogIn')}
        </Anchor>
      </Text>
    </AuthFrame>
  );
}

/** The page the password-reset mail links to (PUBLIC_URL/password/reset?token=…): a new password, then the log-in page. */
export function ResetPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [result, reset] = useMutation(ResetPasswordDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await reset({ input: { token, password } });
    if (data?.resetPassword) navigate('/login?reset=1', { replace: true });
  };
  return (
    <AuthFrame title={t('password.resetTitle')} error={result.error}>
      {!token ? (
        <Alert color="red" role="alert">
          {t('password.missingToken')}
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <PasswordInput
              label={t('password.new')}
              description={t('auth.passwordHint')}
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={result.fetching}>
              {t('password.save')}
            </Button>
          </Stack>
        </form>
      )}
      <Text size="sm" mt="md">
        <Anchor component={Link} to="/password/forgot">
          {t('password.askAgain')}
        </Anchor>
      </Text>
    </AuthFrame>
  );
}
