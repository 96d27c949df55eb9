import { ConnectorError, createHttpResponse, UploadProgress } from '@socle/connector-sdk';
import { expectConnectorError, makePng } from '@socle/connector-sdk/testing';
import { FacebookTestServer, graphError, PUBLISHABLE_PAGE_ID, startFacebookTestServer, videoUploadPhase } from '../test/facebook.server';
import { pageCredentials, testConnector, testContext } from '../test/fixtures';
import { videoResumeOffsets, videoServiceUrl } from './api';
import { facebookManifest, FACEBOOK_PHOTO_MAX_BYTES, FACEBOOK_VIDEO_MAX_BYTES } from './manifest';

let server: FacebookTestServer;
let keys = 0;
const key = () => `video-${++keys}`;
const CHUNK = 4096;

beforeAll(async () => {
  server = await startFacebookTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.clearInjections();
  server.setVideoChunkBytes(CHUNK);
});

/** A file that starts like an MP4 (an `ftyp` box), `size` bytes long, each byte telling its position. */
function mp4(size: number): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 7) % 251;
  data.set([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
  return data;
}
const video = (size: number, mimeType = 'video/mp4') => ({ mimeType, data: mp4(size) });
const transfers = () => server.requests.filter((request) => request.method === 'POST' && videoUploadPhase(request).phase === 'transfer');

describe('the video upload host', () => {
  it('is graph-video.facebook.com for the production Graph API, the service itself for any other', () => {
    expect(videoServiceUrl('https://graph.facebook.com')).toBe('https://graph-video.facebook.com');
    expect(videoServiceUrl('https://graph.facebook.com/')).toBe('https://graph-video.facebook.com');
    expect(videoServiceUrl('http://127.0.0.1:4567')).toBe('http://127.0.0.1:4567');
  });
});

describe('video on a Page (resumable upload)', () => {
  it('uploads a video in the chunks Meta asks for, reports progress after each, and publishes it with its description and title', async () => {
    const size = CHUNK * 2 + 1000;
    const reports: UploadProgress[] = [];
    const before = transfers().length;
    const post = await testConnector().publish({ ...testContext(), progress: (report) => reports.push(report) }, pageCredentials(server), {
      variant: { text: 'Our new oven, in action', media: [video(size)], options: { title: 'The oven' } },
      idempotencyKey: key(),
    });
    expect(
      transfers()
        .slice(before)
        .map((request) => videoUploadPhase(request).startOffset),
    ).toEqual([0, CHUNK, 2 * CHUNK]);
    expect(reports).toEqual([0, CHUNK, 2 * CHUNK, size].map((sentBytes) => ({ media: 0, sentBytes, totalBytes: size })));
    const published = server.videos.get(post.externalId);
    expect(published).toMatchObject({ pageId: PUBLISHABLE_PAGE_ID, description: 'Our new oven, in action', title: 'The oven' });
    expect(Buffer.compare(published?.data ?? Buffer.alloc(0), Buffer.from(mp4(size)))).toBe(0);
    // Video.permalink_url is a path: the connector makes it a www.facebook.com URL.
    expect(post.url).toBe(`https://www.facebook.com/${PUBLISHABLE_PAGE_ID}/videos/${post.externalId}/`);
    const phases = server.requests.filter((request) => request.url.pathname === `/v21.0/${PUBLISHABLE_PAGE_ID}/videos`);
    expect(phases.slice(-5).map((request) => videoUploadPhase(request).phase)).toEqual([
      'start',
      'transfer',
      'transfer',
      'transfer',
      'finish',
    ]);
  });

  it('sends a QuickTime file as such, and a throwing progress listener does not stop the upload', async () => {
    const post = await testConnector().publish(
      {
        ...testContext(),
        progress: () => {
          throw new Error('display failed');
        },
      },
      pageCredentials(server),
      { variant: { text: 'mov', media: [video(CHUNK + 1, 'video/quicktime')] }, idempotencyKey: key() },
    );
    expect(server.videos.get(post.externalId)?.data.byteLength).toBe(CHUNK + 1);
    expect(transfers().at(-1)?.text()).toContain('Content-Type: video/quicktime');
  });

  it('a chunk answered with 500 fails the publish TRANSIENT, and nothing is published', async () => {
    const count = server.videos.size;
    server.answerNext((request) => videoUploadPhase(request).phase === 'transfer' && videoUploadPhase(request).startOffset === CHUNK, {
      status: 500,
      body: { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2 } },
    });
    const reports: number[] = [];
    const error = await expectConnectorError(
      testConnector().publish({ ...testContext(), progress: ({ sentBytes }) => reports.push(sentBytes) }, pageCredentials(server), {
        variant: { text: 'Never published', media: [video(CHUNK * 3)] },
        idempotencyKey: key(),
      }),
      'TRANSIENT',
    );
    expect(error.status).toBe(500);
    expect(error.message).toContain(`bytes ${CHUNK}-${2 * CHUNK - 1}`);
    // Only what Meta confirmed was reported.
    expect(reports).toEqual([0, CHUNK]);
    expect(server.videos.size).toBe(count);
    // The failed chunk was the last call: no finish phase.
    const last = server.requests[server.requests.length - 1];
    expect(videoUploadPhase(last).phase).toBe('transfer');
  });

  it('a chunk that stalls past the timeout is TRANSIENT', async () => {
    // Once the session is open (the report at 0), the next request (the first chunk) stalls.
    const progress = ({ sentBytes }: UploadProgress) => {
      if (sentBytes === 0) server.inject({ type: 'slow', delayMs: 1000 });
    };
    const count = server.videos.size;
    const before = transfers().length;
    await expectConnectorError(
      testConnector().publish({ ...testContext(200), progress }, pageCredentials(server), {
        variant: { text: 'Slow', media: [video(CHUNK * 2)] },
        idempotencyKey: key(),
      }),
      'TRANSIENT',
    );
    expect(server.videos.size).toBe(count);
    // The stalled chunk reaches the server, which runs its handler 1000 ms after it arrived: wait for it to arrive, then
    // past that, so that it meets no later test's planned answer (on a loaded machine the next tests had begun by then,
    // and one of their planned answers went to this chunk).
    for (let waited = 0; transfers().length === before && waited < 3000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(transfers().length).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });

  it('a wrong offset is answered with the offsets Meta holds, and the upload resumes from them', async () => {
    const size = CHUNK * 3;
    // Meta acknowledges the second chunk but loses it: the third starts at an offset it does not hold.
    let lost = false;
    const reports: number[] = [];
    const progress = ({ sentBytes }: UploadProgress) => {
      reports.push(sentBytes);
      if (sentBytes === CHUNK && !lost) {
        lost = true;
        server.loseNextVideoChunk();
      }
    };
    const before = transfers().length;
    const post = await testConnector().publish({ ...testContext(), progress }, pageCredentials(server), {
      variant: { text: 'Resumed video', media: [video(size)] },
      idempotencyKey: key(),
    });
    expect(
      transfers()
        .slice(before)
        .map((request) => videoUploadPhase(request).startOffset),
    ).toEqual([0, CHUNK, 2 * CHUNK, CHUNK, 2 * CHUNK]);
    expect(reports).toEqual([0, CHUNK, 2 * CHUNK, 2 * CHUNK, 3 * CHUNK]);
    expect(Buffer.compare(server.videos.get(post.externalId)?.data ?? Buffer.alloc(0), Buffer.from(mp4(size)))).toBe(0);
  });

  it('gives up TRANSIENT when the offsets keep being wrong', async () => {
    const wrong = {
      status: 400,
      body: {
        error: {
          message: 'There was a problem uploading your video. Please try uploading it again. error_data:{start_offset:0,end_offset:4096}',
          type: 'OAuthException',
          code: 6001,
          error_subcode: 1363037,
        },
      },
    };
    for (let i = 0; i < 3; i++) server.answerNext((request) => videoUploadPhase(request).phase === 'transfer', wrong);
    const count = server.videos.size;
    const error = await expectConnectorError(
      testConnector({ videoOffsetResumes: 2 }).publish(testContext(), pageCredentials(server), {
        variant: { text: 'Stuck', media: [video(CHUNK * 2)] },
        idempotencyKey: key(),
      }),
      'TRANSIENT',
    );
    expect(error.message).toContain('1363037');
    expect(server.videos.size).toBe(count);
  });

  it('offsets outside the file, or that do not move forward, are a clear ConnectorError', async () => {
    server.answerNext((request) => videoUploadPhase(request).phase === 'start', {
      status: 200,
      body: { upload_session_id: '1', video_id: '2', start_offset: '0', end_offset: '999999999' },
    });
    const outside = await expectConnectorError(
      testConnector().publish(testContext(), pageCredentials(server), {
        variant: { text: 'x', media: [video(CHUNK)] },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
    expect(outside.message).toMatch(/outside the \d+-byte file/);
    server.answerNext((request) => videoUploadPhase(request).phase === 'transfer', {
      status: 200,
      body: { start_offset: '0', end_offset: String(CHUNK) },
    });
    const stuck = await expectConnectorError(
      testConnector().publish(testContext(), pageCredentials(server), {
        variant: { text: 'y', media: [video(CHUNK * 2)] },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
    expect(stuck.message).toMatch(/did not move forward/);
    server.answerNext((request) => videoUploadPhase(request).phase === 'start', {
      status: 200,
      body: { upload_session_id: [], video_id: '2' },
    });
    await expectConnectorError(
      testConnector().publish(testContext(), pageCredentials(server), {
        variant: { text: 'z', media: [video(CHUNK)] },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
  });

  it('Meta refusing the file at the start (too small) is REJECTED with its message', async () => {
    // validate() refuses it first; publish is called anyway to see Meta's answer read.
    const error = await expectConnectorError(
      testConnector().publish(testContext(), pageCredentials(server), {
        variant: { text: 'tiny', media: [video(100)] },
        idempotencyKey: key(),
      }),
      'REJECTED',
    );
    expect(error.message).toContain('1363022');
  });

  it('finds a published video by its description, deletes it, and reads its reactions and comments', async () => {
    const connector = testConnector();
    const variant = { text: `Found again ${key()}`, media: [video(CHUNK)] };
    const post = await connector.publish(testContext(), pageCredentials(server), { variant, idempotencyKey: key() });
    // Another process (no memory of the key) finds it among the Page's videos.
    const found = await testConnector().findPublished(testContext(), pageCredentials(server), {
      idempotencyKey: 'other',
      variant,
      publishedAfter: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(found).toEqual(post);
    const [metrics] = await connector.fetchMetrics(testContext(), pageCredentials(server), [post.externalId]);
    expect(metrics).toMatchObject({ externalId: post.externalId, likes: 3, replies: 0, reposts: 0 });
    await connector.delete(testContext(), pageCredentials(server), post.externalId);
    expect(server.videos.has(post.externalId)).toBe(false);
  });

  it('refuses a video in a comment', async () => {
    const post = await testConnector().publish(testContext(), pageCredentials(server), {
      variant: { text: 'parent' },
      idempotencyKey: key(),
    });
    await expectConnectorError(
      testConnector().reply(testContext(), pageCredentials(server), post.externalId, { text: 'clip', media: [video(CHUNK)] }, key()),
      'REJECTED',
    );
  });
});

describe('video validation', () => {
  const connector = testConnector();

  it('the manifest takes MP4 and QuickTime, with the video size as its single bound', () => {
    expect(facebookManifest.media.types).toEqual(expect.arrayContaining(['video/mp4', 'video/quicktime', 'image/jpeg']));
    expect(facebookManifest.media.maxBytes).toBe(FACEBOOK_VIDEO_MAX_BYTES);
  });

  it('refuses a video beside a photo, and two videos', () => {
    const png = { mimeType: 'image/png', data: makePng(2, 2) };
    expect(connector.validate({ text: 'v', media: [video(2048)] })).toEqual([]);
    expect(connector.validate({ text: 'v', media: [video(2048), png] })).toEqual([
      expect.objectContaining({ rule: 'media.mixed', path: 'media' }),
    ]);
    expect(connector.validate({ text: 'v', media: [video(2048), video(2048)] })).toEqual([
      expect.objectContaining({ rule: 'media.too-many', path: 'media' }),
    ]);
  });

  it('keeps photos to their own 10 MB while a larger video passes, and refuses a video under 1 KB', () => {
    const bigPhoto = { mimeType: 'image/jpeg', data: new Uint8Array(FACEBOOK_PHOTO_MAX_BYTES + 1) };
    expect(connector.validate({ text: 'p', media: [bigPhoto] })).toEqual([
      expect.objectContaining({ rule: 'media.too-large', path: 'media[0]' }),
    ]);
    const bigVideo = { mimeType: 'video/mp4', data: new Uint8Array(FACEBOOK_PHOTO_MAX_BYTES + 1) };
    expect(connector.validate({ text: 'v', media: [bigVideo] })).toEqual([]);
    expect(connector.validate({ text: 'v', media: [video(1000)] })).toEqual([
      expect.objectContaining({ rule: 'media.too-small', path: 'media[0]' }),
    ]);
  });

  it('refuses a video with a link, and a title that is not text', () => {
    expect(connector.validate({ text: 'v', media: [video(2048)], options: { link: 'https://socle.app' } })).toEqual([
      expect.objectContaining({ rule: 'options.link' }),
    ]);
    expect(connector.validate({ text: 'v', media: [video(2048)], options: { title: 3 } })).toEqual([
      expect.objectContaining({ rule: 'options.value', path: 'options.title' }),
    ]);
  });
});

describe('resume offsets of an invalid-offset answer (subcode 1363037)', () => {
  const answer = (error: Record<string, unknown>) => createHttpResponse(400, {}, Buffer.from(JSON.stringify({ error })));

  it('reads them from the message, as the error page shows them', () => {
    const message =
      'There was a problem uploading your video. Please try uploading it again. error_data:{start_offset:0,end_offset:392695}';
    expect(videoResumeOffsets(answer({ message, code: 6001, error_subcode: 1363037 }))).toEqual({ start: 0, end: 392695 });
  });

  it('reads them from an error_data object or JSON text', () => {
    expect(
      videoResumeOffsets(answer({ message: 'x', error_subcode: 1363037, error_data: { start_offset: '10', end_offset: '20' } })),
    ).toEqual({ start: 10, end: 20 });
    expect(videoResumeOffsets(answer({ message: 'x', error_subcode: 1363037, error_data: '{"start_offset":5,"end_offset":6}' }))).toEqual({
      start: 5,
      end: 6,
    });
  });

  it('ignores other subcodes, missing or reversed offsets, and bodies that are not JSON', () => {
    expect(videoResumeOffsets(answer({ message: 'start_offset:0,end_offset:9', error_subcode: 1363019 }))).toBeUndefined();
    expect(videoResumeOffsets(answer({ message: 'start_offset:9,end_offset:1', error_subcode: 1363037 }))).toBeUndefined();
    expect(videoResumeOffsets(answer({ message: 'no offsets here', error_subcode: 1363037 }))).toBeUndefined();
    expect(videoResumeOffsets(createHttpResponse(400, {}, Buffer.from('<html>')))).toBeUndefined();
  });

  it('maps a 1363037 answer it cannot resume from to TRANSIENT', async () => {
    server.answerNext(
      (request) => videoUploadPhase(request).phase === 'transfer',
      graphError(400, 6001, 'Bad offset, no data', { subcode: 1363037 }),
    );
    const error = await expectConnectorError(
      testConnector().publish(testContext(), pageCredentials(server), {
        variant: { text: 'q', media: [video(CHUNK)] },
        idempotencyKey: key(),
      }),
      'TRANSIENT',
    );
    expect(error).toBeInstanceOf(ConnectorError);
  });
});
