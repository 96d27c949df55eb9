import { ConnectorContext, createHttpResponse, HttpRequest } from '@socle/connector-sdk';
import { facebookLogin } from './facebook-login';
import { graphApi } from './graph-api';

const graph = graphApi({ network: 'Plain', rateLimitCodes: [4], transientCodes: [1] });
const options = {
  network: 'Plain',
  graph,
  graphUrl: 'https://graph.example.com',
  dialogHost: 'https://www.example.com',
  version: 'v21.0',
  scopes: ['pages_show_list', 'pages_manage_posts'],
  clientId: 'app-1',
  clientSecret: 'secret-1',
};

/** A context whose network answers each request with the next of `bodies`, and keeps the requests. */
function answering(...bodies: unknown[]): ConnectorContext & { seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  return {
    seen,
    now: () => new Date('2026-12-06T12:00:00Z'),
    http: {
      request: async (request: HttpRequest) => {
        seen.push(request);
        return createHttpResponse(200, {}, Buffer.from(JSON.stringify(bodies.shift())));
      },
    },
  } as unknown as ConnectorContext & { seen: HttpRequest[] };
}

describe('Facebook Login', () => {
  it('sends production to the dialog host and a test server to itself, with the app, the state and the scopes', () => {
    const login = facebookLogin(options);
    const production = new URL(
      login.start({ serviceUrl: '', redirectUri: 'https://socle.example/cb', state: 's1', codeChallenge: 'c' }).authorizationUrl,
    );
    expect(production.origin + production.pathname).toBe('https://www.example.com/v21.0/dialog/oauth');
    expect(Object.fromEntries(production.searchParams)).toEqual({
      client_id: 'app-1',
      redirect_uri: 'https://socle.example/cb',
      state: 's1',
      response_type: 'code',
      scope: 'pages_show_list,pages_manage_posts',
    });
    const local = login.start({
      serviceUrl: 'http://127.0.0.1:9/',
      redirectUri: 'https://socle.example/cb',
      state: 's2',
      codeChallenge: 'c',
    });
    expect(local.authorizationUrl.startsWith('http://127.0.0.1:9/v21.0/dialog/oauth?')).toBe(true);
    expect(() =>
      facebookLogin({ ...options, clientSecret: undefined }).start({
        serviceUrl: '',
        redirectUri: 'https://x',
        state: 's',
        codeChallenge: 'c',
      }),
    ).toThrow('Plain: the platform has no Meta app configured');
  });

  it('exchanges a code for a short-lived token, then for a long-lived one, and dates its expiry', async () => {
    const ctx = answering({ access_token: 'short', expires_in: 3600 }, { access_token: 'long', expires_in: 5_184_000 });
    const token = await facebookLogin(options).userToken(ctx, {
      serviceUrl: 'http://127.0.0.1:9',
      redirectUri: 'https://socle.example/cb',
      fields: { code: 'c0de' },
    });
    expect(token).toEqual({ serviceUrl: 'http://127.0.0.1:9', accessToken: 'long', expiresAt: '2027-02-04T12:00:00.000Z' });
    expect(ctx.seen.map((r) => Object.fromEntries(new URL(r.url).searchParams))).toEqual([
      { client_id: 'app-1', redirect_uri: 'https://socle.example/cb', client_secret: 'secret-1', code: 'c0de' },
      { grant_type: 'fb_exchange_token', client_id: 'app-1', client_secret: 'secret-1', fb_exchange_token: 'short' },
    ]);
  });

  it('takes a token made elsewhere as it is, and refuses a code without the app or with an answer that is no token', async () => {
    await expect(facebookLogin(options).userToken(answering(), { serviceUrl: ' ', fields: { accessToken: 'given' } })).resolves.toEqual({
      serviceUrl: 'https://graph.example.com',
      accessToken: 'given',
    });
    await expect(facebookLogin(options).userToken(answering(), { serviceUrl: '', fields: {} })).rejects.toThrow(
      'an OAuth code (or a user access token) is needed',
    );
    await expect(
      facebookLogin({ ...options, clientSecret: undefined }).userToken(answering(), {
        serviceUrl: '',
        redirectUri: 'https://x',
        fields: { code: 'c' },
      }),
    ).rejects.toThrow('the app id, app secret and redirect URI are needed with a code');
    await expect(
      facebookLogin(options).userToken(answering({ access_token: 42 }), {
        serviceUrl: '',
        redirectUri: 'https://x',
        fields: { code: 'c' },
      }),
    ).rejects.toMatchObject({ kind: 'REJECTED', message: expect.stringContaining('access_token missing or not a string') });
  });
});
