/**
 * Facebook Login, the OAuth flow of the Facebook and Instagram plugins
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow): the dialog's URL, then the code
 * exchanged for a short-lived user token and that one for a long-lived token (about 60 days,
 * https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 */
import { AuthorizeInput, ConnectorContext, ConnectorError, expiryAfter, OAuthStartInput, OAuthStartResult } from '@socle/connector-sdk';
import { GraphApi, withQuery } from './graph-api';

export interface FacebookLoginOptions {
  /** The network's name in messages. */
  network: string;
  graph: GraphApi;
  /** The production Graph API host, used when the account names no service. */
  graphUrl: string;
  /** The login dialog's host in production (www.facebook.com); a test server serves the dialog itself. */
  dialogHost: string;
  /** The Graph API version (v21.0). */
  version: string;
  scopes: readonly string[];
  /** The platform's Meta app (its id and secret); without them the dialog cannot start and a code cannot be exchanged. */
  clientId?: string;
  clientSecret?: string;
}

export interface FacebookLogin {
  /** The dialog: www.facebook.com/{version}/dialog/oauth in production, the service itself elsewhere. */
  start(input: OAuthStartInput): OAuthStartResult;
  /**
   * The user's long-lived token: `fields.accessToken` as given (a long-lived token made elsewhere), or `fields.code`
   * exchanged (GET /oauth/access_token with the code, then with grant_type=fb_exchange_token); with the service's origin.
   */
  userToken(ctx: ConnectorContext, input: AuthorizeInput): Promise<{ serviceUrl: string; accessToken: string; expiresAt?: string }>;
}

export function facebookLogin(options: FacebookLoginOptions): FacebookLogin {
  const { network, graph, version } = options;
  const serviceOf = (serviceUrl: string | undefined) => graph.serviceOrigin(serviceUrl?.trim() ? serviceUrl : options.graphUrl);
  const tokenCall = async (ctx: ConnectorContext, url: string, context: string) => {
    const body = graph.record(await graph.callJson(ctx, { method: 'GET', url }, context), context);
    const accessToken = graph.stringOf(body.access_token, context, 'access_token');
    const expiresIn = body.expires_in === undefined ? undefined : graph.count(body.expires_in, context, 'expires_in');
    return { accessToken, expiresAt: expiryAfter(ctx.now?.() ?? new Date(), expiresIn) };
  };
  return {
    start(input) {
      const { clientId, clientSecret } = options;
      if (!clientId || !clientSecret) {
        throw new ConnectorError(
          'REJECTED',
          `${network}: the platform has no Meta app configured (give the connector the app id and secret as clientId and clientSecret: its options in CONNECTOR_OPTIONS)`,
        );
      }
      const service = serviceOf(input.serviceUrl);
      const base = service === options.graphUrl ? options.dialogHost : service;
      const url = new URL(`${base}/${version}/dialog/oauth`);
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('redirect_uri', input.redirectUri);
      url.searchParams.set('state', input.state);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', options.scopes.join(','));
      return { authorizationUrl: url.toString(), fields: { clientId } };
    },
    async userToken(ctx, input) {
      const serviceUrl = serviceOf(input.serviceUrl);
      const fields = input.fields ?? {};
      if (fields.accessToken) return { serviceUrl, accessToken: fields.accessToken };
      if (!fields.code) throw new ConnectorError('REJECTED', `${network} authorization: an OAuth code (or a user access token) is needed`);
      const clientId = options.clientId || fields.clientId;
      const clientSecret = options.clientSecret;
      const redirectUri = input.redirectUri ?? fields.redirectUri;
      if (!clientId || !clientSecret || !redirectUri) {
        throw new ConnectorError('REJECTED', `${network} authorization: the app id, app secret and redirect URI are needed with a code`);
      }
      const tokenUrl = (query: Record<string, string>) => withQuery(`${serviceUrl}/${version}/oauth/access_token`, query);
      const short = await tokenCall(
        ctx,
        tokenUrl({ client_id: clientId, redirect_uri: redirectUri, client_secret: clientSecret, code: fields.code }),
        `${network} authorization (code exchange)`,
      );
      const long = await tokenCall(
        ctx,
        tokenUrl({
          grant_type: 'fb_exchange_token',
          client_id: clientId,
          client_secret: clientSecret,
          fb_exchange_token: short.accessToken,
        }),
        `${network} authorization (long-lived token exchange)`,
      );
      return { serviceUrl, accessToken: long.accessToken, expiresAt: long.expiresAt };
    },
  };
}
