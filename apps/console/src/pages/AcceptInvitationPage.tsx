import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { AuthFrame } from '../components/AuthFrame';
import { graphql } from '../gql';
import { toApiLocale } from '../i18n/api-locale';
import { useLocaleChoice, useT } from '../i18n/locale';
import { startSession, useSession } from '../session';

const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      newAccount
      userId
      session {
        accessToken
        refreshToken
        expiresIn
        userId
      }
    }
  }
`);

/** The page the invitation email links to (PUBLIC_URL/invitations/accept?token=…). */
export function AcceptInvitationPage() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const navigate = useNavigate();
  const session = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [result, accept] = useMutation(AcceptInvitationDocument);
  const signedIn = session.status === 'signedIn';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = signedIn ? { token } : { token, password, displayName: displayName || undefined, locale: toApiLocale(locale) };
    const { data } = await accept({ input });
    if (!data) return;
    if (data.acceptInvitation.session) startSession(data.acceptInvitation.session);
    navigate('/', { replace: true });
  };
  return (
    <AuthFrame title={t('invitation.title')} error={result.error}>
      {!token ? (
        <Alert color="red" role="alert">
          {t('invitation.missingToken')}
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">{signedIn ? t('invitation.signedInIntro') : t('invitation.intro')}</Text>
            {!signedIn && (
              <>
                <TextInput label={t('auth.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
                <PasswordInput
                  label={t('auth.password')}
                  description={t('auth.passwordHint')}
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
              </>
            )}
            <Button type="submit" loading={result.fetching}>
              {t('invitation.accept')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
