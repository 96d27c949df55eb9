/**
 * Mastodon's OAuth 2 flow: register an application on the instance, send the user to
 * `/oauth/authorize`, exchange the code at `/oauth/token`. Instances are many, so the
 * platform registers one application per instance and keeps its client id and secret.
 */
import { ConnectorError, expiryAfter } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import type { MastodonAccount, MastodonApplication, MastodonToken } from './api-types';
import { MastodonClient } from './client';
import { formBody, instanceBaseUrl } from './http-helpers';

/** What the connector needs: publish, read notifications, search, delete. */
export const MASTODON_DEFAULT_SCOPES = ['read', 'write'] as const;
/** The redirect URI for a flow where the user copies the code by hand. */
export const MASTODON_OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';

export interface MastodonAppRegistration {
  clientName: string;
  redirectUris: string[];
  scopes?: readonly string[];
  website?: string;
}

export interface MastodonRegisteredApp {
  instanceUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string[];
}

/** `POST /api/v1/apps`. */
export async function registerMastodonApp(
  ctx: ConnectorContext,
  instanceUrl: string,
  registration: MastodonAppRegistration,
): Promise<MastodonRegisteredApp> {
  if (!registration.clientName?.trim()) throw new ConnectorError('REJECTED', 'Mastodon app registration: clientName is required');
  if (!registration.redirectUris?.length)
    throw new ConnectorError('REJECTED', 'Mastodon app registration: at least one redirect URI is required');
  const scopes = [...(registration.scopes ?? MASTODON_DEFAULT_SCOPES)];
  const client = new MastodonClient(ctx, instanceUrl);
  const { data } = await client.call<MastodonApplication>('POST', '/api/v1/apps', 'Mastodon app registration', {
    form: formBody({
      client_name: registration.clientName,
      redirect_uris: registration.redirectUris.join('\n'),
      scopes: scopes.join(' '),
      website: registration.website,
    }),
  });
  if (typeof data.client_id !== 'string' || typeof data.client_secret !== 'string') {
    throw new ConnectorError('UNKNOWN', 'Mastodon app registration: the answer has no client_id / client_secret');
  }
  return {
    instanceUrl: client.baseUrl,
    clientId: data.client_id,
    clientSecret: data.client_secret,
    redirectUris: data.redirect_uris ?? (data.redirect_uri ? data.redirect_uri.split(/\s+/) : registration.redirectUris),
    scopes: data.scopes ?? scopes,
  };
}

export interface MastodonAuthorizeUrlInput {
  clientId: string;
  redirectUri: string;
  scopes?: readonly string[];
  /** Echoed back on the redirect; check it against the one you stored (CSRF). */
  state?: string;
  /** PKCE (S256) challenge, supported by Mastodon 4.3+. */
  codeChallenge?: string;
  /** Ask the user to sign in again even when a session exists. */
  forceLogin?: boolean;
}

/** The `/oauth/authorize` URL to send the user to. */
export function buildMastodonAuthorizeUrl(instanceUrl: string, input: MastodonAuthorizeUrlInput): string {
  const url = new URL(`${instanceBaseUrl(instanceUrl)}/oauth/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('scope', [...(input.scopes ?? MASTODON_DEFAULT_SCOPES)].join(' '));
  if (input.state) url.searchParams.set('state', input.state);
  if (input.codeChallenge) {
    url.searchParams.set('code_challenge', input.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  if (input.forceLogin) url.searchParams.set('force_login', 'true');
  return url.toString();
}

/** `POST /oauth/token` with any grant; the token answer as Mastodon sends it. */
export async function requestMastodonToken(
  ctx: ConnectorContext,
  instanceUrl: string,
  fields: Record<string, string | undefined>,
  context: string,
): Promise<MastodonToken> {
  const client = new MastodonClient(ctx, instanceUrl);
  const { data } = await client.call<MastodonToken>('POST', '/oauth/token', context, { form: formBody(fields) });
  if (typeof data.access_token !== 'string' || !data.access_token) {
    throw new ConnectorError('UNKNOWN', `${context}: the token answer has no access_token`);
  }
  return data;
}

/** `GET /api/v1/accounts/verify_credentials`: the account a token belongs to. */
export async function verifyMastodonToken(ctx: ConnectorContext, instanceUrl: string, accessToken: string): Promise<MastodonAccount> {
  const client = new MastodonClient(ctx, instanceUrl, accessToken);
  const { data } = await client.call<MastodonAccount>('GET', '/api/v1/accounts/verify_credentials', 'Mastodon verify credentials');
  if (typeof data.id !== 'string') throw new ConnectorError('UNKNOWN', 'Mastodon verify credentials: the answer has no account id');
  return data;
}

/** Credentials from a token answer (or a personal token) and the account it belongs to. */
export function mastodonCredentials(
  instanceUrl: string,
  account: MastodonAccount,
  token: { accessToken: string; refreshToken?: string; expiresInSeconds?: number; clientId?: string; clientSecret?: string },
  now: Date,
): Credentials {
  const secrets: Record<string, string> = {
    accessToken: token.accessToken,
    accountId: account.id,
    username: account.acct || account.username,
  };
  if (token.refreshToken) secrets.refreshToken = token.refreshToken;
  if (token.clientId) secrets.clientId = token.clientId;
  if (token.clientSecret) secrets.clientSecret = token.clientSecret;
  const credentials: Credentials = { serviceUrl: instanceBaseUrl(instanceUrl), secrets };
  const expiresAt = expiryAfter(now, token.expiresInSeconds);
  if (expiresAt) credentials.expiresAt = expiresAt;
  return credentials;
}
