import { ConnectorError, createHttpResponse, UploadProgress } from '@socle/connector-sdk';
import { expectConnectorError } from '@socle/connector-sdk/testing';
import { secondsUntilPacificMidnight, youtubeError } from './api';
import { YOUTUBE_SCOPES } from './youtube.connector';
import { CHANNEL_BRAND, CHANNEL_MAIN, googleError, startYoutubeTestServer, YoutubeTestServer } from '../test/youtube.server';
import {
  CHUNK,
  codeInput,
  expiredCredentials,
  pkcePair,
  REDIRECT_URI,
  testConnector,
  testContext,
  tokenCredentials,
  videoVariant,
} from '../test/fixtures';
import createYoutubeConnector from '../index';

let server: YoutubeTestServer;
beforeAll(async () => {
  server = await startYoutubeTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.clearInjections();
  server.interruptChunks(0);
  server.setQuota(Number.MAX_SAFE_INTEGER);
});

let keys = 0;
const key = () => `spec-${++keys}`;
const chunkPuts = () =>
  server.requests.filter((request) => request.method === 'PUT' && !String(request.headers['content-range']).startsWith('bytes */'));
const statusQueries = () =>
  server.requests.filter((request) => request.method === 'PUT' && String(request.headers['content-range']).startsWith('bytes */'));
const jsonReply = (body: unknown) => createHttpResponse(200, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(body)));

describe('YouTube upload (resumable protocol)', () => {
  it('uploads a video in several chunks of 256 KiB and reports progress', async () => {
    const reports: UploadProgress[] = [];
    const connector = testConnector();
    const before = chunkPuts().length;
    const size = Math.floor(CHUNK * 2.5);
    const post = await connector.publish({ ...testContext(), progress: (report) => reports.push(report) }, tokenCredentials(server), {
      variant: videoVariant('Three chunks', size),
      idempotencyKey: key(),
    });
    const puts = chunkPuts().slice(before);
    expect(puts.map((request) => request.headers['content-range'])).toEqual([
      `bytes 0-${CHUNK - 1}/${size}`,
      `bytes ${CHUNK}-${2 * CHUNK - 1}/${size}`,
      `bytes ${2 * CHUNK}-${size - 1}/${size}`,
    ]);
    // 0 before the first chunk, then what each 308's Range confirmed, then the whole file on the final 200.
    expect(reports).toEqual([0, CHUNK, 2 * CHUNK, size].map((sentBytes) => ({ media: 0, sentBytes, totalBytes: size })));
    const video = server.videos.get(post.externalId);
    expect(video).toMatchObject({ title: 'Socle conformance video', description: 'Three chunks', privacyStatus: 'unlisted', bytes: size });
    expect(post.url).toBe(`https://www.youtube.com/watch?v=${post.externalId}`);
    const start = server.requests
      .filter((request) => request.method === 'POST' && request.url.pathname === '/upload/youtube/v3/videos')
      .pop();
    expect(start?.headers['x-upload-content-length']).toBe(String(size));
    expect(start?.headers['x-upload-content-type']).toBe('video/mp4');
    expect(start?.url.searchParams.get('part')).toBe('snippet,status');
  });

  it('asks for the status after an interrupted chunk and resumes from the Range Google holds', async () => {
    const size = CHUNK * 2;
    server.interruptChunks(1);
    const queries = statusQueries().length;
    const reports: number[] = [];
    const post = await testConnector().publish(
      { ...testContext(), progress: ({ sentBytes }) => reports.push(sentBytes) },
      tokenCredentials(server),
      {
        variant: videoVariant('Resumed', size),
        idempotencyKey: key(),
      },
    );
    // The interrupted chunk reports nothing; the status query's Range (half a chunk) does, and the rest goes on from there.
    expect(reports).toEqual([0, CHUNK / 2, CHUNK / 2 + CHUNK, size]);
    expect(statusQueries().length).toBe(queries + 1);
    expect(statusQueries().pop()?.headers['content-range']).toBe(`bytes */${size}`);
    // Half of the first chunk arrived: the next chunk starts there.
    expect(chunkPuts().slice(-2)[0].headers['content-range']).toBe(`bytes ${CHUNK / 2}-${CHUNK / 2 + CHUNK - 1}/${size}`);
    expect(server.videos.get(post.externalId)?.bytes).toBe(size);
  });

  it('resumes after a connection reset in the middle of the upload', async () => {
    const size = CHUNK * 3;
    let injected = false;
    const reports: number[] = [];
    const progress = ({ sentBytes }: UploadProgress) => {
      reports.push(sentBytes);
      if (sentBytes === CHUNK && !injected) {
        injected = true;
        server.inject({ type: 'reset' });
      }
    };
    const post = await testConnector().publish({ ...testContext(), progress }, tokenCredentials(server), {
      variant: videoVariant('Reset', size),
      idempotencyKey: key(),
    });
    expect(injected).toBe(true);
    // The reset chunk reports nothing; the status query confirms what Google held (one chunk) and the upload goes on
    // from there: the reports never go back below a figure Google gave.
    expect(reports).toEqual([0, CHUNK, CHUNK, 2 * CHUNK, size]);
    expect(reports.every((sent, index) => index === 0 || sent >= reports[index - 1])).toBe(true);
    expect(server.videos.get(post.externalId)?.bytes).toBe(size);
  });

  it('gives up with TRANSIENT after the configured number of resumes', async () => {
    server.interruptChunks(10);
    const connector = testConnector({ maxResumes: 2 });
    const count = server.videos.size;
    const error = await expectConnectorError(
      connector.publish(testContext(), tokenCredentials(server), { variant: videoVariant('Broken', CHUNK * 4), idempotencyKey: key() }),
      'TRANSIENT',
    );
    expect(error.message).toMatch(/gave up/);
    expect(server.videos.size).toBe(count);
  });

  it('refuses a session URI on another host (it would be sent the token)', async () => {
    server.answerNext((request) => request.method === 'POST' && request.url.pathname.startsWith('/upload/'), {
      status: 200,
      headers: { location: 'https://elsewhere.example/upload?upload_id=1' },
      body: '',
    });
    const error = await expectConnectorError(
      testConnector().publish(testContext(), tokenCredentials(server), { variant: videoVariant('Elsewhere'), idempotencyKey: key() }),
      'UNKNOWN',
    );
    expect(error.message).toMatch(/another host/);
  });

  it('reads a malformed Range header as a clear ConnectorError', async () => {
    server.answerNext((request) => request.method === 'PUT', { status: 308, headers: { range: 'pages=1-2' }, body: '' });
    const error = await expectConnectorError(
      testConnector().publish(testContext(), tokenCredentials(server), {
        variant: videoVariant('Bad range', CHUNK * 2),
        idempotencyKey: key(),
      }),
      'UNKNOWN',
    );
    expect(error.message).toMatch(/Range/);
  });

  it('reads an expired upload session (404) as TRANSIENT: a new publish starts a new upload', async () => {
    server.answerNext((request) => request.method === 'PUT', googleError(404, 'notFound', 'Not Found', 'global'));
    const error = await expectConnectorError(
      testConnector().publish(testContext(), tokenCredentials(server), { variant: videoVariant('Expired session'), idempotencyKey: key() }),
      'TRANSIENT',
    );
    expect(error.message).toMatch(/session expired/);
  });

  it('schedules a video with publishAt as a private one', async () => {
    const variant = videoVariant('Later');
    variant.options = { ...variant.options, privacyStatus: 'public', publishAt: '2030-01-01T10:00:00Z' };
    const post = await testConnector().publish(testContext(), tokenCredentials(server), { variant, idempotencyKey: key() });
    expect(server.videos.get(post.externalId)).toMatchObject({ privacyStatus: 'private', publishAt: '2030-01-01T10:00:00.000Z' });
  });

  it('publishes one video for one idempotency key', async () => {
    const connector = testConnector();
    const idempotencyKey = key();
    const count = server.videos.size;
    const [first, second] = await Promise.all([
      connector.publish(testContext(), tokenCredentials(server), { variant: videoVariant('Once'), idempotencyKey }),
      connector.publish(testContext(), tokenCredentials(server), { variant: videoVariant('Once'), idempotencyKey }),
    ]);
    expect(second).toEqual(first);
    expect(server.videos.size).toBe(count + 1);
  });

  it('finds a published video by title and description after a restart (no memory of the key)', async () => {
    const publishedAfter = new Date(Date.now() - 5000).toISOString();
    const variant = videoVariant(`Find me ${key()}`);
    const post = await testConnector().publish(testContext(), tokenCredentials(server), { variant, idempotencyKey: key() });
    const found = await testConnector().findPublished(testContext(), tokenCredentials(server), {
      idempotencyKey: key(),
      variant,
      publishedAfter,
    });
    expect(found).toEqual(post);
  });
});

describe('YouTube validation', () => {
  const connector = testConnector();
  const rules = (variant: Parameters<typeof connector.validate>[0]) => connector.validate(variant).map((violation) => violation.rule);

  it('accepts a video with a title', () => {
    expect(connector.validate(videoVariant())).toEqual([]);
  });
  it('requires a title, at most 100 characters, without < or >', () => {
    expect(rules({ ...videoVariant(), options: {} })).toContain('youtube.title.missing');
    expect(rules(videoVariant('x', 10, 't'.repeat(101)))).toContain('youtube.title.too-long');
    expect(rules(videoVariant('x', 10, '👋'.repeat(100)))).toEqual([]);
    expect(rules(videoVariant('x', 10, 'a <b>'))).toContain('youtube.title.angle-brackets');
  });
  it('limits the description to 5000 bytes without < or >', () => {
    expect(rules(videoVariant('é'.repeat(2501)))).toContain('text.too-many-bytes');
    expect(rules(videoVariant('a > b'))).toContain('youtube.description.angle-brackets');
  });
  it('needs exactly one video of an accepted type', () => {
    expect(rules({ text: 'x', options: { title: 't' } })).toContain('youtube.video.missing');
    const two = videoVariant();
    two.media = [...(two.media ?? []), ...(two.media ?? [])];
    expect(rules(two)).toContain('media.too-many');
    expect(rules({ ...videoVariant(), media: [{ mimeType: 'image/png', data: new Uint8Array(4) }] })).toContain('media.type');
  });
  it('checks privacyStatus and publishAt', () => {
    expect(rules({ ...videoVariant(), options: { title: 't', privacyStatus: 'friends' } })).toContain('youtube.privacy');
    expect(rules({ ...videoVariant(), options: { title: 't', publishAt: 'tomorrow' } })).toContain('youtube.publish-at');
  });
  it('rejects an invalid variant before any request', async () => {
    const count = server.requests.length;
    await expectConnectorError(
      connector.publish(testContext(), tokenCredentials(server), {
        variant: { text: 'no video', options: { title: 't' } },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
    expect(server.requests.length).toBe(count);
  });
});

describe('YouTube reading and replying', () => {
  it('deletes a video, and a second delete is REJECTED (videoNotFound)', async () => {
    const post = await testConnector().publish(testContext(), tokenCredentials(server), {
      variant: videoVariant('Bye'),
      idempotencyKey: key(),
    });
    await testConnector().delete(testContext(), tokenCredentials(server), post.externalId);
    expect(server.videos.has(post.externalId)).toBe(false);
    const error = await expectConnectorError(testConnector().delete(testContext(), tokenCredentials(server), post.externalId), 'REJECTED');
    expect(error.message).toMatch(/videoNotFound/);
  });

  it('pages through the comments of a video', async () => {
    const post = await testConnector().publish(testContext(), tokenCredentials(server), {
      variant: videoVariant('Talk'),
      idempotencyKey: key(),
    });
    server.addComments(post.externalId, 130);
    const first = await testConnector().fetchComments(testContext(), tokenCredentials(server), post.externalId);
    expect(first.items).toHaveLength(100);
    expect(first.cursor).toBeDefined();
    expect(first.items[0]).toMatchObject({
      authorHandle: '@viewer1',
      authorName: 'Viewer 1',
      text: 'Comment 1',
      inReplyTo: post.externalId,
    });
    expect(first.items[0].url).toBe(`https://www.youtube.com/watch?v=${post.externalId}&lc=${first.items[0].externalId}`);
    const second = await testConnector().fetchComments(testContext(), tokenCredentials(server), post.externalId, first.cursor);
    expect(second.items).toHaveLength(30);
    expect(second.cursor).toBeUndefined();
    const ids = new Set([...first.items, ...second.items].map((item) => item.externalId));
    expect(ids.size).toBe(130);
  });

  it('comments on a video and replies to a comment', async () => {
    const connector = testConnector();
    const post = await connector.publish(testContext(), tokenCredentials(server), {
      variant: videoVariant('Reply'),
      idempotencyKey: key(),
    });
    const comment = await connector.reply(testContext(), tokenCredentials(server), post.externalId, { text: 'First!' }, key());
    expect(comment.url).toBe(`https://www.youtube.com/watch?v=${post.externalId}&lc=${comment.externalId}`);
    const answer = await connector.reply(testContext(), tokenCredentials(server), comment.externalId, { text: 'Thanks' }, key());
    expect(server.comments.find((entry) => entry.id === answer.externalId)).toMatchObject({ parentId: comment.externalId, text: 'Thanks' });
    expect(answer.url).toContain(`&lc=${answer.externalId}`);
  });

  it('reads views, likes and comments of videos', async () => {
    const post = await testConnector().publish(testContext(), tokenCredentials(server), {
      variant: videoVariant('Stats'),
      idempotencyKey: key(),
    });
    const video = server.videos.get(post.externalId);
    if (video) Object.assign(video, { views: 321, likes: 12 });
    server.addComments(post.externalId, 3);
    const [metrics] = await testConnector().fetchMetrics(testContext(), tokenCredentials(server), [post.externalId, 'gone0000000']);
    expect(metrics).toMatchObject({ externalId: post.externalId, impressions: 321, likes: 12, replies: 3, reposts: 0 });
  });

  it("reads the channel's subscribers and videos, of the chosen channel when there is one", async () => {
    const mine = await testConnector().fetchAccountMetrics(testContext(), tokenCredentials(server));
    expect(mine.followers).toBe(1200);
    expect(mine.posts).toBe([...server.videos.values()].filter((video) => video.channelId === CHANNEL_MAIN).length);
    const creds = tokenCredentials(server);
    const brand = await testConnector().fetchAccountMetrics(testContext(), {
      ...creds,
      secrets: { ...creds.secrets, channelId: CHANNEL_BRAND },
    });
    expect(brand).toMatchObject({ followers: 87, posts: 0 });
  });

  it('lists the channels of the Google account as targets bound to their channel id', async () => {
    const creds = tokenCredentials(server);
    const targets = await testConnector().listTargets(testContext(), creds);
    expect(targets.map(({ id, kind, name, handle, url }) => ({ id, kind, name, handle, url }))).toEqual([
      { id: CHANNEL_MAIN, kind: 'channel', name: 'Socle Agency', handle: '@socleagency', url: 'https://www.youtube.com/@socleagency' },
      { id: CHANNEL_BRAND, kind: 'channel', name: 'Socle Brand', handle: '@soclebrand', url: 'https://www.youtube.com/@soclebrand' },
    ]);
    expect(targets[1].credentials).toEqual({ serviceUrl: server.baseUrl, secrets: { ...creds.secrets, channelId: CHANNEL_BRAND } });
  });

  it('searches public videos by keywords, and asks for keywords', async () => {
    server.addMentions(2);
    const page = await testConnector().fetchMentions(testContext(), tokenCredentials(server), { keywords: ['socle'], limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0].url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=/);
    expect(page.items[0].text).toMatch(/socle/);
    await expectConnectorError(testConnector().fetchMentions(testContext(), tokenCredentials(server), {}), 'REJECTED');
  });
});

describe('YouTube OAuth', () => {
  it('sends the user to the consent page with PKCE, offline access and the three scopes', async () => {
    const { codeChallenge } = pkcePair();
    const started = await testConnector().oauth.start(
      testContext(),
      { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, state: 's1', codeChallenge },
      {
        getOrRegister: () => Promise.reject(new Error('not used')),
      },
    );
    const url = new URL(started.authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${server.baseUrl}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      scope: YOUTUBE_SCOPES.join(' '),
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      state: 's1',
    });
    const production = await testConnector().oauth.start(
      testContext(),
      { serviceUrl: '', redirectUri: REDIRECT_URI, state: 's2', codeChallenge },
      {
        getOrRegister: () => Promise.reject(new Error('not used')),
      },
    );
    expect(production.authorizationUrl.startsWith('https://accounts.google.com/o/oauth2/v2/auth?')).toBe(true);
  });

  it('says what is missing when the platform has no Google client', async () => {
    const error = await expectConnectorError(
      createYoutubeConnector().oauth?.start(
        testContext(),
        { serviceUrl: '', redirectUri: REDIRECT_URI, state: 's', codeChallenge: 'c' },
        {
          getOrRegister: () => Promise.reject(new Error('not used')),
        },
      ) ?? Promise.resolve(),
      'REJECTED',
    );
    expect(error.message).toMatch(/clientId and clientSecret/);
  });

  it('exchanges the code with its PKCE verifier, and refuses a wrong verifier', async () => {
    const input = codeInput(server);
    const credentials = await testConnector().authorize(testContext(), input);
    expect(credentials.secrets.accessToken).toMatch(/^ya29\./);
    expect(credentials.secrets.refreshToken).toMatch(/^1\/\//);
    expect(Date.parse(credentials.expiresAt ?? '')).toBeGreaterThan(Date.now());
    const wrong = codeInput(server);
    const error = await expectConnectorError(
      testConnector().authorize(testContext(), { ...wrong, fields: { ...wrong.fields, codeVerifier: pkcePair().codeVerifier } }),
      'AUTH_EXPIRED',
    );
    expect(error.message).toMatch(/invalid_grant/);
  });

  it('refreshes an expired token and keeps the refresh token Google does not renew', async () => {
    const expired = expiredCredentials(server);
    await expectConnectorError(testConnector().fetchAccountMetrics(testContext(), expired), 'AUTH_EXPIRED');
    const withChannel = { ...expired, secrets: { ...expired.secrets, channelId: CHANNEL_BRAND } };
    const refreshed = await testConnector().refresh(testContext(), withChannel);
    expect(refreshed.secrets.refreshToken).toBe(expired.secrets.refreshToken);
    expect(refreshed.secrets.channelId).toBe(CHANNEL_BRAND);
    expect(refreshed.secrets.accessToken).not.toBe(expired.secrets.accessToken);
    expect((await testConnector().fetchAccountMetrics(testContext(), refreshed)).followers).toBe(87);
  });

  it('reads a revoked refresh token (invalid_grant) as AUTH_EXPIRED', async () => {
    const revoked = { serviceUrl: server.baseUrl, secrets: { accessToken: 'ya29.old', refreshToken: '1//revoked' } };
    await expectConnectorError(testConnector().refresh(testContext(), revoked), 'AUTH_EXPIRED');
  });
});

describe('YouTube errors', () => {
  it('answers quotaExceeded with RATE_LIMITED until midnight Pacific time', async () => {
    server.setQuota(1000);
    const now = new Date('2026-01-15T20:00:00Z'); // noon in Los Angeles (PST)
    const error = await expectConnectorError(
      testConnector().publish({ ...testContext(), now: () => now }, tokenCredentials(server), {
        variant: videoVariant('Quota'),
        idempotencyKey: key(),
      }),
      'RATE_LIMITED',
    );
    expect(error.retryAfterSeconds).toBe(12 * 3600);
    expect(error.message).toMatch(/quotaExceeded/);
  });

  it('counts until midnight Pacific daylight time in summer', () => {
    expect(secondsUntilPacificMidnight(new Date('2026-07-15T19:00:00Z'))).toBe(12 * 3600);
    expect(secondsUntilPacificMidnight(new Date('2026-07-16T06:59:00Z'))).toBe(60);
  });

  it.each([
    [googleError(403, 'rateLimitExceeded', 'Too many requests'), 'RATE_LIMITED'],
    [googleError(403, 'userRateLimitExceeded', 'Slow down'), 'RATE_LIMITED'],
    [googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.'), 'AUTH_EXPIRED'],
    [googleError(403, 'forbidden', 'The video cannot be deleted.'), 'REJECTED'],
    [googleError(400, 'invalidTitle', 'The request metadata specifies an invalid video title.'), 'REJECTED'],
    [googleError(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.'), 'REJECTED'],
    [googleError(503, 'backendError', 'Backend Error'), 'TRANSIENT'],
    [googleError(401, 'authError', 'Invalid Credentials'), 'AUTH_EXPIRED'],
  ])('maps Google error %# to its kind', (reply, kind) => {
    const body = Buffer.from(JSON.stringify(reply.body));
    const error = youtubeError(createHttpResponse(reply.status ?? 500, { 'content-type': 'application/json' }, body), 'YouTube test');
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe(kind);
    if (kind === 'REJECTED') expect(error.networkReason).toMatch(/video/);
    if (kind === 'RATE_LIMITED') expect(error.retryAfterSeconds).toBe(60);
  });

  it.each([
    ['metrics whose statistics are not an object', () => jsonReply({ items: [{ id: 'abcdefghijk', statistics: 'many' }] })],
    ['channels whose items are not a list', () => jsonReply({ items: { id: 'x' } })],
    ['a count that is not a number', () => jsonReply({ items: [{ id: 'abcdefghijk', statistics: { viewCount: 'lots' } }] })],
  ])('turns %s into a clear ConnectorError', async (_label, reply) => {
    const response = reply();
    server.answerNext((request) => request.method === 'GET', { status: 200, headers: response.headers, body: response.body });
    const connector = testConnector();
    const run = _label.startsWith('channels')
      ? connector.listTargets(testContext(), tokenCredentials(server))
      : connector.fetchMetrics(testContext(), tokenCredentials(server), ['abcdefghijk']);
    const error = await expectConnectorError(run, 'UNKNOWN');
    expect(error.message).toMatch(/unexpected answer from YouTube/);
  });

  it('reads a final upload answer without a video id as a clear ConnectorError', async () => {
    server.answerNext((request) => request.method === 'PUT', { status: 200, body: { kind: 'youtube#video', id: 42 } });
    const error = await expectConnectorError(
      testConnector().publish(testContext(), tokenCredentials(server), { variant: videoVariant('No id'), idempotencyKey: key() }),
      'UNKNOWN',
    );
    expect(error.message).toMatch(/video id/);
  });
});
