import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { AuthFrame } from '../components/AuthFrame';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';
import { startSession, useSession } from '../session';

const LogInDocument = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      accessToken
      refreshToken
      expiresIn
      userId
    }
  }
`);

export function LogInPage() {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, logIn] = useMutation(LogInDocument);
  const [params] = useSearchParams();
  if (session.status === 'signedIn') return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await logIn({ input: { email, password } });
    if (data) {
      startSession(data.logIn);
      navigate('/', { replace: true });
    }
  };
  return (
    <AuthFrame title={t('auth.logInTitle')} error={result.error}>
      <form onSubmit={submit}>
        <Stack>
          {params.get('reset') === '1' && (
            <Alert color="green" role="status">
              {t('password.changed')}
            </Alert>
          )}
          <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label={t('auth.password')} required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={result.fetching}>
            {t('auth.logIn')}
          </Button>
          <Anchor component={Link} to="/password/forgot" size="sm">
            {t('password.forgot')}
          </Anchor>
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/signup">
              {t('auth.signUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
