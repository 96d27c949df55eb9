/**
 * The resumable upload protocol (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol):
 * 1. POST the metadata to /upload/youtube/v3/videos?uploadType=resumable with X-Upload-Content-Length/Type; the
 *    session URI comes back in `Location`.
 * 2. PUT the bytes in chunks (multiples of 256 KiB but the last) with `Content-Range: bytes a-b/total`; Google
 *    answers 308 Resume Incomplete with `Range: bytes=0-n` (what it holds) until the last, then 200/201 with the video.
 * 3. When a chunk is interrupted (5xx, connection reset, timeout), ask how far it got with an empty PUT and
 *    `Content-Range: bytes * /total` (no space), and resume from the `Range` it gives.
 *
 * Progress goes to `ctx.progress`: 0 before the first chunk, then what Google says it holds (the `Range` of each 308,
 * the status query's included) and the whole file on the final 200/201. Only Google's figures are reported, so after an
 * interruption the reports go on from what Google confirmed.
 */
import { ConnectorContext, ConnectorError, HttpResponse, isConnectorError, parseJson } from '@socle/connector-sdk';
import { bearer, send, serviceOrigin, shapeError, uploadUrl, youtubeError } from './api';

/** Chunks are multiples of 256 KiB (the protocol page above, "Upload the video file in chunks"). */
export const UPLOAD_CHUNK_UNIT = 256 * 1024;

export interface UploadOptions {
  serviceUrl: string;
  accessToken: string;
  metadata: Record<string, unknown>;
  data: Uint8Array;
  mimeType: string;
  chunkSize: number;
  maxResumes: number;
  /** The attachment's index in the variant, as `ctx.progress` reports it. */
  mediaIndex: number;
}

const CONTEXT = 'YouTube upload';

/** How many bytes Google holds, from `Range: bytes=0-<last>`; 0 when it sent none (nothing received yet). */
function receivedBytes(response: HttpResponse, total: number): number {
  const range = response.headers['range'];
  if (range === undefined) return 0;
  const match = /^bytes=0-(\d{1,15})$/.exec(range.trim());
  if (!match) throw shapeError(CONTEXT, `the Range header ${JSON.stringify(range.slice(0, 60))} is not bytes=0-<n>`);
  const received = Number(match[1]) + 1;
  if (received > total) throw shapeError(CONTEXT, `Google holds ${received} bytes of a ${total}-byte file`);
  return received;
}

/** A failure a resume can get past: Google's 5xx, or the connection dropping or stalling. */
function resumable(error: unknown): boolean {
  return isConnectorError(error) && error.kind === 'TRANSIENT';
}

/** Starts the session; returns its URI, which must stay on the upload host (it is sent the token). */
async function startSession(ctx: ConnectorContext, options: UploadOptions): Promise<string> {
  const url = uploadUrl(options.serviceUrl);
  const response = await send(
    ctx,
    {
      method: 'POST',
      url,
      headers: {
        ...bearer(options.accessToken),
        'content-type': 'application/json; charset=UTF-8',
        'x-upload-content-length': String(options.data.byteLength),
        'x-upload-content-type': options.mimeType,
      },
      body: JSON.stringify(options.metadata),
    },
    `${CONTEXT} (start)`,
  );
  const location = response.headers['location'];
  if (!location) throw shapeError(`${CONTEXT} (start)`, 'no Location header with the session URI');
  let session: URL;
  try {
    session = new URL(location, url);
  } catch {
    throw shapeError(`${CONTEXT} (start)`, 'the Location header is not a URL');
  }
  if (session.origin !== serviceOrigin(options.serviceUrl)) {
    throw shapeError(`${CONTEXT} (start)`, `the session URI is on another host (${session.origin})`);
  }
  return session.toString();
}

/** Uploads the file and returns the video resource Google answers with at the end. */
export async function resumableUpload(ctx: ConnectorContext, options: UploadOptions): Promise<unknown> {
  const total = options.data.byteLength;
  const session = await startSession(ctx, options);
  const auth = bearer(options.accessToken);
  let offset = 0;
  let resumes = 0;
  const progress = (sentBytes: number) => {
    ctx.logger?.debug('YouTube upload progress', { sentBytes, totalBytes: total });
    try {
      ctx.progress?.({ media: options.mediaIndex, sentBytes, totalBytes: total });
    } catch {
      // A progress listener's failure does not stop the upload.
    }
  };
  const finish = (response: HttpResponse): unknown => {
    progress(total);
    return parseJson<unknown>(response, CONTEXT);
  };
  progress(0);

  for (;;) {
    let response: HttpResponse;
    try {
      const end = Math.min(offset + options.chunkSize, total);
      response = await ctx.http.request({
        method: 'PUT',
        url: session,
        headers: { ...auth, 'content-type': options.mimeType, 'content-range': `bytes ${offset}-${end - 1}/${total}` },
        body: options.data.subarray(offset, end),
      });
      if (response.status >= 500) throw youtubeError(response, CONTEXT, ctx.now?.() ?? new Date());
    } catch (error) {
      if (!resumable(error)) throw error;
      // Interrupted: ask Google how far it got, a bounded number of times.
      response = await queryStatus(ctx, session, total, auth, error as ConnectorError, () => ++resumes <= options.maxResumes);
      ctx.logger?.info('YouTube upload resumed', { resumes });
    }
    if (response.status === 200 || response.status === 201) return finish(response);
    if (response.status === 404 || response.status === 410) {
      // The session expired (about a week, or Google dropped it): the upload must start again with a new one
      // (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol#Resume_Upload).
      throw new ConnectorError(
        'TRANSIENT',
        `${CONTEXT}: the upload session expired (HTTP ${response.status}); publishing again starts a new upload`,
        {
          status: response.status,
        },
      );
    }
    if (response.status !== 308) throw youtubeError(response, CONTEXT, ctx.now?.() ?? new Date());
    const received = receivedBytes(response, total);
    offset = received;
    progress(offset);
  }
}

/** The status query of an interrupted upload, retried while `allowed` says so; TRANSIENT when it runs out. */
async function queryStatus(
  ctx: ConnectorContext,
  session: string,
  total: number,
  auth: Record<string, string>,
  cause: ConnectorError,
  allowed: () => boolean,
): Promise<HttpResponse> {
  let last = cause;
  while (allowed()) {
    try {
      const response = await ctx.http.request({
        method: 'PUT',
        url: session,
        headers: { ...auth, 'content-range': `bytes */${total}` },
        body: new Uint8Array(0),
      });
      if (response.status < 500) return response;
      last = youtubeError(response, CONTEXT, ctx.now?.() ?? new Date());
    } catch (error) {
      if (!resumable(error)) throw error;
      last = error as ConnectorError;
    }
  }
  throw new ConnectorError('TRANSIENT', `${CONTEXT}: gave up after too many interruptions (${last.message})`, {
    status: last.status,
    networkReason: last.networkReason,
    retryAfterSeconds: last.retryAfterSeconds,
  });
}
