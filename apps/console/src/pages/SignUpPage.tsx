import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { AuthFrame } from '../components/AuthFrame';
import { graphql } from '../gql';
import { toApiLocale } from '../i18n/api-locale';
import { useLocaleChoice, useT } from '../i18n/locale';
import { startSession, useSession } from '../session';

const SignUpDocument = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      refreshToken
      expiresIn
      userId
    }
  }
`);

/** A new agency and its owner; the account's language is the one shown while signing up. */
export function SignUpPage() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const navigate = useNavigate();
  const session = useSession();
  const [form, setForm] = useState({ agencyName: '', displayName: '', email: '', password: '' });
  const [result, signUp] = useMutation(SignUpDocument);
  if (session.status === 'signedIn') return <Navigate to="/" replace />;

  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [name]: e.currentTarget.value }),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await signUp({ input: { ...form, locale: toApiLocale(locale) } });
    if (data) {
      startSession(data.signUp);
      navigate('/', { replace: true });
    }
  };
  return (
    <AuthFrame title={t('auth.signUpTitle')} error={result.error}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('auth.agencyName')} required {...field('agencyName')} />
          <TextInput label={t('auth.displayName')} required {...field('displayName')} />
          <TextInput label={t('auth.email')} type="email" required {...field('email')} />
          <PasswordInput label={t('auth.password')} description={t('auth.passwordHint')} required {...field('password')} />
          <Button type="submit" loading={result.fetching}>
            {t('auth.signUp')}
          </Button>
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('auth.logIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
