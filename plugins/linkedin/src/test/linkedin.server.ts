/**
 * A loopback server that plays LinkedIn for the tests (127.0.0.1, free port): the OAuth 2 authorisation
 * and token endpoints of www.linkedin.com and the versioned Community Management API of api.linkedin.com
 * (`/rest`), both at one base URL, plus the upload URLs the Images and Videos APIs hand out. Each behaviour
 * follows the documentation page cited next to it. The SDK's LoopbackServer adds rate limits, 500s,
 * HTML pages, truncated bodies and stalls on demand (`inject`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';
import type { ConformanceServer, InjectedFailure } from '@socle/connector-sdk/testing';

export const CLIENT_ID = '86test0client0id';
export const CLIENT_SECRET = 'test-client-secret-3f9a1c7e5b2d';
/** Administers ORG_BAKERY and ORG_CYCLES, and is only an analyst of ORG_MUTUAL. */
export const AGENCY_MEMBER = 'urn:li:person:agency01';
/** Administers ORG_BAKERY only. */
export const SOLO_MEMBER = 'urn:li:person:solo02';
export const ORG_BAKERY = 'urn:li:organization:2414183';
export const ORG_CYCLES = 'urn:li:organization:5515715';
export const ORG_MUTUAL = 'urn:li:organization:7303032';

/** Access tokens live 60 days, programmatic refresh tokens 365 days. */
const ACCESS_TOKEN_SECONDS = 60 * 24 * 3600;
const REFRESH_TOKEN_SECONDS = 365 * 24 * 3600;
/** An authorisation code is valid for 30 minutes and once. */
const CODE_SECONDS = 30 * 60;

interface Organization {
  urn: string;
  id: number;
  localizedName: string;
  vanityName: string;
  followers: number;
}

interface Acl {
  roleAssignee: string;
  organization: string;
  role: 'ADMINISTRATOR' | 'ANALYST' | 'CONTENT_ADMIN';
  state: 'APPROVED' | 'REQUESTED' | 'REVOKED';
}

export interface StoredPost {
  urn: string;
  author: string;
  commentary: string;
  content?: Record<string, unknown>;
  visibility: string;
  createdAt: number;
  stats: { likes: number; comments: number; shares: number; impressions: number };
}

export interface StoredComment {
  id: string;
  urn: string;
  object: string;
  actor: string;
  text: string;
  createdAt: number;
  parentComment?: string;
}

interface Image {
  urn: string;
  owner: string;
  uploadToken: string;
  bytes?: Buffer;
}

/**
 * A video of the Videos API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api):
 * registered with its size, uploaded in parts of 4 MB, finalized with the parts' ETags, then processed.
 */
export interface StoredVideo {
  urn: string;
  owner: string;
  fileSizeBytes: number;
  uploadToken: string;
  parts: Array<{ token: string; firstByte: number; lastByte: number; etag?: string; bytes?: Buffer }>;
  status: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';
  /** Status reads answered PROCESSING after the finalize. */
  readsProcessing: number;
  endsIn: 'AVAILABLE' | 'PROCESSING_FAILED';
}

/** The Videos API's bounds (same page): 75 KB to 500 MB, parts of 4 MB. */
const VIDEO_MIN_BYTES = 75 * 1024;
const VIDEO_MAX_BYTES = 500 * 1024 * 1024;
const VIDEO_PART_BYTES = 4 * 1024 * 1024;

interface AccessToken {
  member: string;
  expiresAt: number;
  revoked: boolean;
}

interface RefreshToken {
  member: string;
  expiresAt: number;
  revoked: boolean;
}

interface Code {
  member: string;
  redirectUri: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export interface LinkedinTestServerOptions {
  /** Whether a refresh answers with the refresh token (LinkedIn does); false to test the connector keeps the old one. */
  refreshReturnsRefreshToken?: boolean;
}

/** Body of a versioned API error: `{ status, serviceErrorCode, code, message }`. */
function apiError(status: number, code: string, message: string, serviceErrorCode?: number): LoopbackReply {
  // https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
  return { status, body: { status, ...(serviceErrorCode !== undefined ? { serviceErrorCode } : {}), code, message } };
}

/** A 422 of the Posts API, with LinkedIn's input errors. */
function unprocessable(message: string, code: string): LoopbackReply {
  return {
    status: 422,
    body: {
      status: 422,
      code: 'UNPROCESSABLE_ENTITY',
      errorDetailType: 'com.linkedin.common.error.BadRequest',
      message,
      errorDetails: { inputErrors: [{ description: message, input: {}, code }] },
    },
  };
}

function formOf(request: LoopbackRequest): URLSearchParams {
  return new URLSearchParams(request.text());
}

function jsonOf(request: LoopbackRequest): Record<string, unknown> | undefined {
  try {
    const value = request.json<unknown>();
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** `List(a,b)` of a Rest.li 2.0 query, its values decoded. */
function restliList(value: string | null): string[] {
  const match = /^List\((.*)\)$/.exec(value ?? '');
  if (!match || !match[1]) return [];
  return match[1].split(',').map((entry) => decodeSegment(entry) ?? entry);
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export class LinkedinTestServer implements ConformanceServer {
  readonly organizations = new Map<string, Organization>();
  readonly acls: Acl[] = [];
  readonly posts = new Map<string, StoredPost>();
  readonly comments: StoredComment[] = [];
  readonly images = new Map<string, Image>();
  readonly videos = new Map<string, StoredVideo>();
  private videoPartFailures = new Map<number, number>();
  private misreportedEtags = new Set<number>();
  private videoPlan: { readsProcessing: number; endsIn: StoredVideo['endsIn'] } = { readsProcessing: 0, endsIn: 'AVAILABLE' };
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly codes = new Map<string, Code>();
  private signedIn?: string;
  private sequence = 7_100_000_000;
  private uploadFailures: number[] = [];
  private dailyLimit?: number;
  private readonly callsToday = new Map<string, number>();

  private constructor(
    private readonly loop: LoopbackServer,
    private readonly options: LinkedinTestServerOptions,
  ) {}

  static async start(options: LinkedinTestServerOptions = {}): Promise<LinkedinTestServer> {
    const holder: { server?: LinkedinTestServer } = {};
    const loop = await LoopbackServer.start((request) => (holder.server as LinkedinTestServer).handle(request));
    const server = new LinkedinTestServer(loop, options);
    holder.server = server;
    server.seed();
    return server;
  }

  get baseUrl(): string {
    return this.loop.baseUrl;
  }

  /** Every request received, oldest first. */
  get requests(): LoopbackRequest[] {
    return this.loop.requests;
  }

  inject(failure: InjectedFailure, times?: number): void {
    this.loop.inject(failure, times);
  }

  clearInjections(): void {
    this.loop.clearInjections();
    this.uploadFailures = [];
    this.videoPartFailures.clear();
    this.misreportedEtags.clear();
    this.videoPlan = { readsProcessing: 0, endsIn: 'AVAILABLE' };
  }

  close(): Promise<void> {
    return this.loop.close();
  }

  // ---------------------------------------------------------------- test controls

  private seed(): void {
    const organizations: Organization[] = [
      { urn: ORG_BAKERY, id: 2414183, localizedName: 'Boulangerie Dupont', vanityName: 'boulangerie-dupont', followers: 1287 },
      { urn: ORG_CYCLES, id: 5515715, localizedName: 'Cycles Léman SA', vanityName: 'cycles-leman', followers: 5310 },
      { urn: ORG_MUTUAL, id: 7303032, localizedName: 'Mutuelle des Alpes', vanityName: 'mutuelle-des-alpes', followers: 20412 },
    ];
    for (const organization of organizations) this.organizations.set(organization.urn, organization);
    this.acls.push(
      { roleAssignee: AGENCY_MEMBER, organization: ORG_BAKERY, role: 'ADMINISTRATOR', state: 'APPROVED' },
      { roleAssignee: AGENCY_MEMBER, organization: ORG_CYCLES, role: 'ADMINISTRATOR', state: 'APPROVED' },
      { roleAssignee: AGENCY_MEMBER, organization: ORG_MUTUAL, role: 'ANALYST', state: 'APPROVED' },
      { roleAssignee: SOLO_MEMBER, organization: ORG_BAKERY, role: 'ADMINISTRATOR', state: 'APPROVED' },
    );
  }

  /** The member signed in at linkedin.com, who consents on the authorisation page. */
  signIn(member: string): void {
    this.signedIn = member;
  }

  /** An access token of `member`, as the code exchange would issue. */
  createAccessToken(member: string, lifetimeSeconds = ACCESS_TOKEN_SECONDS): string {
    const token = `AQ${randomBytes(18).toString('base64url')}`;
    this.accessTokens.set(token, { member, expiresAt: Date.now() + lifetimeSeconds * 1000, revoked: false });
    return token;
  }

  createRefreshToken(member: string): string {
    const token = `AQR${randomBytes(18).toString('base64url')}`;
    this.refreshTokens.set(token, { member, expiresAt: Date.now() + REFRESH_TOKEN_SECONDS * 1000, revoked: false });
    return token;
  }

  expireAccessToken(token: string): void {
    const entry = this.accessTokens.get(token);
    if (entry) entry.expiresAt = Date.now() - 1000;
  }

  /** The member revoked the application: its access and refresh tokens stop working. */
  revokeMember(member: string): void {
    for (const entry of this.accessTokens.values()) if (entry.member === member) entry.revoked = true;
    for (const entry of this.refreshTokens.values()) if (entry.member === member) entry.revoked = true;
  }

  /** The next `times` image uploads (PUT) answer `status`. */
  failUploads(status: number, times = 1): void {
    for (let i = 0; i < times; i++) this.uploadFailures.push(status);
  }

  /** The upload of video part `index` (0-based) answers `status` instead of storing it (once). */
  failVideoPart(index: number, status: number): void {
    this.videoPartFailures.set(index, status);
  }

  /** The upload of video part `index` answers an ETag that is not the one kept: the finalize then refuses the list. */
  misreportEtag(index: number): void {
    this.misreportedEtags.add(index);
  }

  /** How the next finalized videos are processed: `readsProcessing` status reads of PROCESSING, then `endsIn`. */
  planVideos(readsProcessing: number, endsIn: StoredVideo['endsIn'] = 'AVAILABLE'): void {
    this.videoPlan = { readsProcessing, endsIn };
  }

  /** Calls a member may make to `/rest` before 429 (LinkedIn's daily member limit), counted from now. */
  setDailyMemberLimit(limit: number | undefined): void {
    this.dailyLimit = limit;
    this.callsToday.clear();
  }

  addComment(postUrn: string, text: string, actor = 'urn:li:person:follower9'): StoredComment {
    const id = String(++this.sequence);
    const comment: StoredComment = { id, urn: `urn:li:comment:(${postUrn},${id})`, object: postUrn, actor, text, createdAt: Date.now() };
    this.comments.push(comment);
    const post = this.posts.get(postUrn);
    if (post) post.stats.comments++;
    return comment;
  }

  setStats(postUrn: string, stats: Partial<StoredPost['stats']>): void {
    const post = this.posts.get(postUrn);
    if (post) Object.assign(post.stats, stats);
  }

  postCount(): number {
    return this.posts.size;
  }

  // ---------------------------------------------------------------- routing

  private async handle(request: LoopbackRequest): Promise<LoopbackReply> {
    const path = request.url.pathname;
    if (path === '/oauth/v2/authorization' && request.method === 'GET') return this.authorization(request);
    if (path === '/oauth/v2/accessToken' && request.method === 'POST') return this.accessToken(request);
    if (path.startsWith('/dms-uploads/video/') && request.method === 'PUT') return this.uploadVideoPart(request);
    if (path.startsWith('/dms-uploads/') && request.method === 'PUT') return this.upload(request);
    if (path.startsWith('/rest/')) return this.rest(request);
    return { status: 404, body: { status: 404, code: 'NOT_FOUND', message: `No route for ${request.method} ${path}` } };
  }

  // ---------------------------------------------------------------- OAuth 2 (www.linkedin.com)

  /**
   * The member's consent page: with a signed-in member, redirects to `redirect_uri` with `code` and `state`.
   * https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
   */
  private authorization(request: LoopbackRequest): LoopbackReply {
    const params = request.url.searchParams;
    const redirectUri = params.get('redirect_uri');
    if (params.get('response_type') !== 'code' || params.get('client_id') !== CLIENT_ID || !redirectUri) {
      return {
        status: 400,
        headers: { 'content-type': 'text/html' },
        body: '<html><title>Bad request: invalid client_id or redirect_uri</title></html>',
      };
    }
    if (!this.signedIn)
      return { status: 401, headers: { 'content-type': 'text/html' }, body: '<html><title>Sign in to LinkedIn</title></html>' };
    const target = new URL(redirectUri);
    const state = params.get('state');
    if (state) target.searchParams.set('state', state);
    const code = `AQT${randomBytes(16).toString('base64url')}`;
    this.codes.set(code, {
      member: this.signedIn,
      redirectUri,
      scope: params.get('scope') ?? '',
      expiresAt: Date.now() + CODE_SECONDS * 1000,
      used: false,
    });
    target.searchParams.set('code', code);
    return { status: 302, headers: { location: target.toString() } };
  }

  /** A code for `member`, as if they had consented (for tests that skip the page). */
  issueCode(member: string, redirectUri: string): string {
    const code = `AQT${randomBytes(16).toString('base64url')}`;
    this.codes.set(code, {
      member,
      redirectUri,
      scope: 'w_organization_social r_organization_social rw_organization_admin',
      expiresAt: Date.now() + CODE_SECONDS * 1000,
      used: false,
    });
    return code;
  }

  /**
   * The token endpoint: `authorization_code` and `refresh_token` grants, client id and secret in the form.
   * https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
   * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
   */
  private accessToken(request: LoopbackRequest): LoopbackReply {
    const form = formOf(request);
    if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.used || code.expiresAt < Date.now() || code.redirectUri !== form.get('redirect_uri')) {
        return {
          status: 400,
          body: {
            error: 'invalid_request',
            error_description:
              'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.',
          },
        };
      }
      code.used = true;
      return {
        status: 200,
        body: {
          access_token: this.createAccessToken(code.member),
          expires_in: ACCESS_TOKEN_SECONDS,
          refresh_token: this.createRefreshToken(code.member),
          refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
          scope: code.scope.split(' ').join(','),
        },
      };
    }
    if (grant === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      const entry = this.refreshTokens.get(token);
      if (!entry || entry.revoked || entry.expiresAt < Date.now()) {
        // RFC 6749 §5.2: a refresh token that is invalid, expired or revoked is an invalid_grant.
        return {
          status: 400,
          body: { error: 'invalid_grant', error_description: 'The provided refresh token is invalid, expired or revoked' },
        };
      }
      // The refresh token keeps its original lifetime; the access token gets 60 new days.
      const remaining = Math.max(1, Math.floor((entry.expiresAt - Date.now()) / 1000));
      const body: Record<string, unknown> = { access_token: this.createAccessToken(entry.member), expires_in: ACCESS_TOKEN_SECONDS };
      if (this.options.refreshReturnsRefreshToken !== false)
        Object.assign(body, { refresh_token: token, refresh_token_expires_in: remaining });
      return { status: 200, body };
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: `grant_type ${grant} is not supported` } };
  }

  // ---------------------------------------------------------------- the versioned API (api.linkedin.com/rest)

  /** The member a bearer token belongs to, or the 401 LinkedIn answers. */
  private member(request: LoopbackRequest): string | LoopbackReply {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const entry = this.accessTokens.get(token);
    // https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow (401 for an expired or revoked token)
    if (!entry) return apiError(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
    if (entry.revoked) return apiError(401, 'REVOKED_ACCESS_TOKEN', 'The token used in the request has been revoked by the user', 65601);
    if (entry.expiresAt < Date.now()) return apiError(401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired', 65602);
    return entry.member;
  }

  private administers(member: string, organization: string): boolean {
    return this.acls.some(
      (acl) => acl.roleAssignee === member && acl.organization === organization && acl.role === 'ADMINISTRATOR' && acl.state === 'APPROVED',
    );
  }

  private denied(what: string): LoopbackReply {
    // w_organization_social and r_organization_social are restricted to the pages the member administers:
    // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
    return apiError(403, 'ACCESS_DENIED', `Not enough permissions to access: ${what}`, 100);
  }

  private rest(request: LoopbackRequest): LoopbackReply {
    // Every versioned API needs LinkedIn-Version (YYYYMM) and X-Restli-Protocol-Version: 2.0.0:
    // https://learn.microsoft.com/en-us/linkedin/marketing/versioning
    const version = request.headers['linkedin-version'];
    if (typeof version !== 'string' || !version) {
      return apiError(400, 'VERSION_MISSING', 'A version must be present. Please specify a version by adding the LinkedIn-Version header.');
    }
    if (!/^\d{6}$/.test(version)) return apiError(426, 'NONEXISTENT_VERSION', `Requested version ${version} is not active`);
    if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
      return apiError(400, 'INVALID_PROTOCOL_VERSION', 'X-Restli-Protocol-Version 2.0.0 is required');
    }
    const member = this.member(request);
    if (typeof member !== 'string') return member;
    // Daily member limit: 429 once reached (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
    if (this.dailyLimit !== undefined) {
      const calls = (this.callsToday.get(member) ?? 0) + 1;
      this.callsToday.set(member, calls);
      if (calls > this.dailyLimit) {
        return apiError(429, 'TOO_MANY_REQUESTS', 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.', 101);
      }
    }
    const segments = request.url.pathname.split('/').slice(2).map(decodeSegment);
    if (segments.some((segment) => segment === undefined)) return apiError(400, 'INVALID_URN', 'Malformed URN in the path');
    const [resource, id, sub] = segments as string[];
    const method = request.method;
    if (resource === 'organizationAcls' && method === 'GET' && !id) return this.organizationAcls(request, member);
    if (resource === 'organizations' && method === 'GET' && id && !sub) return this.organization(id);
    if (resource === 'images' && method === 'POST' && !id) return this.initializeUpload(request, member);
    if (resource === 'videos' && method === 'POST' && !id) return this.videoAction(request, member);
    if (resource === 'videos' && method === 'GET' && id && !sub) return this.getVideo(id, member);
    if (resource === 'posts' && method === 'POST' && !id) return this.createPost(request, member);
    if (resource === 'posts' && method === 'GET' && !id) return this.postsByAuthor(request, member);
    if (resource === 'posts' && method === 'GET' && id && !sub) return this.getPost(id, member);
    if (resource === 'posts' && method === 'DELETE' && id && !sub) return this.deletePost(id, member);
    if (resource === 'socialActions' && id && sub === 'comments' && method === 'GET') return this.listComments(request, id, member);
    if (resource === 'socialActions' && id && sub === 'comments' && method === 'POST') return this.createComment(request, id, member);
    if (resource === 'organizationalEntityShareStatistics' && method === 'GET' && !id) return this.shareStatistics(request, member);
    if (resource === 'networkSizes' && method === 'GET' && id && !sub) return this.networkSize(request, id);
    return apiError(404, 'NOT_FOUND', `No virtual resource found for ${method} ${request.url.pathname}`);
  }

  /**
   * The member's roles: `q=roleAssignee`, filtered by `role` and `state`, paged by `start` / `count`.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
   */
  private organizationAcls(request: LoopbackRequest, member: string): LoopbackReply {
    const params = request.url.searchParams;
    if (params.get('q') !== 'roleAssignee') return apiError(400, 'INVALID_FINDER', 'Unsupported finder');
    const role = params.get('role');
    const state = params.get('state');
    const matching = this.acls.filter(
      (acl) => acl.roleAssignee === member && (!role || acl.role === role) && (!state || acl.state === state),
    );
    const start = Number(params.get('start') ?? 0) || 0;
    const count = Math.min(Number(params.get('count') ?? 10) || 10, 100);
    const page = matching.slice(start, start + count);
    return {
      status: 200,
      body: {
        paging: { start, count, links: [], total: matching.length },
        elements: page.map((acl) => ({ ...acl, lastModified: { time: Date.now() }, created: { time: Date.now() } })),
      },
    };
  }

  /**
   * An organisation by id: `localizedName`, `vanityName`, ...
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api
   */
  private organization(id: string): LoopbackReply {
    const organization = this.organizations.get(`urn:li:organization:${id}`);
    if (!organization) return apiError(404, 'NOT_FOUND', `Organization ${id} not found`);
    return {
      status: 200,
      body: {
        id: organization.id,
        localizedName: organization.localizedName,
        vanityName: organization.vanityName,
        name: { localized: { en_US: organization.localizedName }, preferredLocale: { country: 'US', language: 'en' } },
        primaryOrganizationType: 'NONE',
      },
    };
  }

  /**
   * `POST /rest/images?action=initializeUpload`: an image URN and where to PUT its bytes (served here).
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
   */
  private initializeUpload(request: LoopbackRequest, member: string): LoopbackReply {
    if (request.url.searchParams.get('action') !== 'initializeUpload') return apiError(400, 'INVALID_ACTION', 'Unsupported action');
    const body = jsonOf(request);
    const init = body?.initializeUploadRequest as Record<string, unknown> | undefined;
    const owner = typeof init?.owner === 'string' ? init.owner : '';
    if (!owner) return unprocessable('initializeUploadRequest.owner is required', 'MISSING_FIELD');
    if (!this.administers(member, owner)) return this.denied(`images owned by ${owner}`);
    const urn = `urn:li:image:C4D10AQ${randomBytes(9).toString('base64url')}`;
    const uploadToken = randomBytes(12).toString('hex');
    this.images.set(urn, { urn, owner, uploadToken });
    return {
      status: 200,
      body: { value: { uploadUrlExpiresAt: Date.now() + 3600_000, uploadUrl: `${this.baseUrl}/dms-uploads/${uploadToken}`, image: urn } },
    };
  }

  /** The upload URL: the bytes PUT with the member's bearer token; 201 when stored. Same page as above. */
  private upload(request: LoopbackRequest): LoopbackReply {
    const member = this.member(request);
    if (typeof member !== 'string') return member;
    const failure = this.uploadFailures.shift();
    if (failure) return { status: failure, body: { status: failure, message: 'Upload failed' } };
    const token = request.url.pathname.slice('/dms-uploads/'.length);
    const image = [...this.images.values()].find((candidate) => candidate.uploadToken === token);
    if (!image) return { status: 404, body: { status: 404, message: 'Unknown upload' } };
    if (!request.body.length) return { status: 400, body: { status: 400, message: 'Empty upload' } };
    image.bytes = Buffer.from(request.body);
    return { status: 201 };
  }

  /**
   * `POST /rest/videos?action=initializeUpload` (owner, fileSizeBytes, uploadCaptions, uploadThumbnail): the video URN,
   * an upload token and `uploadInstructions`, one per 4 MB part with its byte range; `?action=finalizeUpload` (video,
   * uploadToken, uploadedPartIds: the parts' ETags in order): 200 once every part is there and the size adds up.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
   */
  private videoAction(request: LoopbackRequest, member: string): LoopbackReply {
    const action = request.url.searchParams.get('action');
    const body = jsonOf(request);
    if (action === 'initializeUpload') {
      const init = body?.initializeUploadRequest as Record<string, unknown> | undefined;
      const owner = typeof init?.owner === 'string' ? init.owner : '';
      if (!owner) return unprocessable('initializeUploadRequest.owner is required', 'MISSING_FIELD');
      if (!this.administers(member, owner)) return this.denied(`videos owned by ${owner}`);
      const size = init?.fileSizeBytes;
      if (typeof size !== 'number' || !Number.isSafeInteger(size)) return unprocessable('fileSizeBytes is required', 'MISSING_FIELD');
      if (size < VIDEO_MIN_BYTES || size > VIDEO_MAX_BYTES) {
        return apiError(400, 'INVALID_VALUE', `fileSizeBytes ${size} is outside 75 KB to 500 MB`);
      }
      if (typeof init?.uploadCaptions !== 'boolean' || typeof init?.uploadThumbnail !== 'boolean') {
        return unprocessable('uploadCaptions and uploadThumbnail are required', 'MISSING_FIELD');
      }
      const urn = `urn:li:video:C5F10AQ${randomBytes(9).toString('base64url')}`;
      const parts: StoredVideo['parts'] = [];
      for (let first = 0; first < size; first += VIDEO_PART_BYTES) {
        parts.push({ token: randomBytes(12).toString('hex'), firstByte: first, lastByte: Math.min(first + VIDEO_PART_BYTES, size) - 1 });
      }
      const video: StoredVideo = {
        urn,
        owner,
        fileSizeBytes: size,
        uploadToken: parts.length > 1 ? randomBytes(16).toString('base64url') : '',
        parts,
        status: 'WAITING_UPLOAD',
        readsProcessing: 0,
        endsIn: 'AVAILABLE',
      };
      this.videos.set(urn, video);
      return {
        status: 200,
        body: {
          value: {
            uploadUrlsExpireAt: Date.now() + 3600_000,
            video: urn,
            uploadInstructions: parts.map((part) => ({
              uploadUrl: `${this.baseUrl}/dms-uploads/video/${part.token}`,
              firstByte: part.firstByte,
              lastByte: part.lastByte,
            })),
            uploadToken: video.uploadToken,
          },
        },
      };
    }
    if (action === 'finalizeUpload') {
      const finalize = body?.finalizeUploadRequest as Record<string, unknown> | undefined;
      const video = typeof finalize?.video === 'string' ? this.videos.get(finalize.video) : undefined;
      if (!video) return apiError(404, 'NOT_FOUND', `Video ${String(finalize?.video)} not found`);
      if (!this.administers(member, video.owner)) return this.denied(`videos owned by ${video.owner}`);
      if (finalize?.uploadToken !== video.uploadToken) return apiError(400, 'INVALID_VALUE', 'uploadToken does not match the upload');
      const ids = finalize?.uploadedPartIds;
      const expected = video.parts.map((part) => part.etag);
      if (!Array.isArray(ids) || ids.length !== expected.length || ids.some((id, index) => id !== expected[index])) {
        return apiError(400, 'INVALID_VALUE', 'uploadedPartIds do not match the uploaded parts (ETags, in order)');
      }
      const uploaded = video.parts.reduce((sum, part) => sum + (part.bytes?.length ?? 0), 0);
      if (uploaded !== video.fileSizeBytes) {
        return apiError(400, 'INVALID_VALUE', `${uploaded} bytes uploaded; fileSizeBytes was ${video.fileSizeBytes}`);
      }
      video.status = 'PROCESSING';
      video.readsProcessing = this.videoPlan.readsProcessing;
      video.endsIn = this.videoPlan.endsIn;
      return { status: 200, body: {} };
    }
    return apiError(400, 'INVALID_ACTION', 'Unsupported action');
  }

  /** One part PUT to its upload URL: stored if its length is its byte range's, answered with its `ETag`. Same page. */
  private uploadVideoPart(request: LoopbackRequest): LoopbackReply {
    const member = this.member(request);
    if (typeof member !== 'string') return member;
    const token = request.url.pathname.slice('/dms-uploads/video/'.length);
    for (const video of this.videos.values()) {
      const index = video.parts.findIndex((candidate) => candidate.token === token);
      if (index === -1) continue;
      const part = video.parts[index];
      const failure = this.videoPartFailures.get(index);
      if (failure) {
        this.videoPartFailures.delete(index);
        return { status: failure, body: { status: failure, message: 'Upload failed' } };
      }
      if (request.body.length !== part.lastByte - part.firstByte + 1) {
        return { status: 400, body: { status: 400, message: `Expected ${part.lastByte - part.firstByte + 1} bytes` } };
      }
      part.bytes = Buffer.from(request.body);
      part.etag = `/${createHash('sha256').update(part.bytes).update(part.token).digest('base64url').slice(0, 40)}`;
      const answered = this.misreportedEtags.delete(index) ? `${part.etag}-other` : part.etag;
      return { status: 200, headers: { etag: answered } };
    }
    return { status: 404, body: { status: 404, message: 'Unknown upload' } };
  }

  /** `GET /rest/videos/{urn}`: its status (WAITING_UPLOAD, PROCESSING, AVAILABLE, PROCESSING_FAILED). Same page. */
  private getVideo(urn: string, member: string): LoopbackReply {
    const video = this.videos.get(urn);
    if (!video) return apiError(404, 'NOT_FOUND', `Video ${urn} not found`);
    if (!this.administers(member, video.owner)) return this.denied(`videos owned by ${video.owner}`);
    if (video.status === 'PROCESSING') {
      if (video.readsProcessing > 0) video.readsProcessing -= 1;
      else video.status = video.endsIn;
    }
    return {
      status: 200,
      body: {
        id: video.urn,
        owner: video.owner,
        status: video.status,
        ...(video.status === 'PROCESSING_FAILED' ? { processingFailureReason: 'Video duration is out of bounds' } : {}),
      },
    };
  }

  /**
   * `POST /rest/posts`: 201 with the post's URN in `x-restli-id`, no body.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
   * Content: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api (media),
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api (2 to 20),
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/article-post-api (article).
   * A post repeating a live post of the same author is refused with 422 DUPLICATE_POST naming it, as LinkedIn
   * answers ("Content is a duplicate of urn:li:share:…"; reported in https://github.com/Arisamiga/Linkedin-RSS/issues/5,
   * not on the documentation pages).
   */
  private createPost(request: LoopbackRequest, member: string): LoopbackReply {
    const body = jsonOf(request);
    if (!body) return apiError(400, 'INVALID_BODY', 'The request body is not a JSON object');
    const author = typeof body.author === 'string' ? body.author : '';
    if (!/^urn:li:(organization|person):/.test(author))
      return unprocessable('author must be a person or organization URN', 'INVALID_AUTHOR');
    if (!this.administers(member, author)) return this.denied(`posts as ${author}`);
    const commentary = typeof body.commentary === 'string' ? body.commentary : '';
    if (codePoints(commentary.replace(/\\(.)/g, '$1')) > 3000)
      return unprocessable('commentary is longer than 3000 characters', 'FIELD_LENGTH_TOO_LONG');
    if (body.lifecycleState !== 'PUBLISHED' && body.lifecycleState !== 'DRAFT')
      return unprocessable('lifecycleState must be PUBLISHED or DRAFT', 'INVALID_VALUE');
    if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN', 'CONTAINER'].includes(String(body.visibility)))
      return unprocessable('visibility is invalid', 'INVALID_VALUE');
    const distribution = body.distribution as Record<string, unknown> | undefined;
    if (!distribution || !['MAIN_FEED', 'NONE'].includes(String(distribution.feedDistribution))) {
      return unprocessable('distribution.feedDistribution is required', 'MISSING_FIELD');
    }
    const content = body.content as Record<string, unknown> | undefined;
    if (content !== undefined) {
      const problem = this.contentProblem(content, author);
      if (problem) return unprocessable(problem, 'INVALID_CONTENT');
    }
    if (!commentary.trim() && !content) return unprocessable('A post needs commentary or content', 'MISSING_FIELD');
    const contentKey = JSON.stringify(content ?? null);
    const duplicate = [...this.posts.values()].find(
      (post) => post.author === author && post.commentary === commentary && JSON.stringify(post.content ?? null) === contentKey,
    );
    if (duplicate) {
      return unprocessable(
        `com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of ${duplicate.urn}`,
        'DUPLICATE_POST',
      );
    }
    const urn = `urn:li:share:${++this.sequence}`;
    this.posts.set(urn, {
      urn,
      author,
      commentary,
      content,
      visibility: String(body.visibility),
      createdAt: Date.now(),
      stats: { likes: 0, comments: 0, shares: 0, impressions: 0 },
    });
    return { status: 201, headers: { 'x-restli-id': urn, 'x-linkedin-id': urn } };
  }

  private contentProblem(content: Record<string, unknown>, author: string): string | undefined {
    const imageProblem = (id: unknown): string | undefined => {
      const image = typeof id === 'string' ? this.images.get(id) : undefined;
      if (!image) return `image ${String(id)} does not exist`;
      if (image.owner !== author) return `image ${image.urn} is not owned by ${author}`;
      if (!image.bytes) return `image ${image.urn} was never uploaded`;
      return undefined;
    };
    const mediaId = content.media ? (content.media as Record<string, unknown>).id : undefined;
    if (typeof mediaId === 'string' && mediaId.startsWith('urn:li:video:')) {
      const video = this.videos.get(mediaId);
      if (!video) return `video ${mediaId} does not exist`;
      if (video.owner !== author) return `video ${mediaId} is not owned by ${author}`;
      // The Posts API page does not say what a video still processing gives; this server refuses it (422), so a
      // connector that posts before AVAILABLE fails here.
      if (video.status !== 'AVAILABLE') return `video ${mediaId} is not AVAILABLE (${video.status})`;
      return undefined;
    }
    if (content.media) return imageProblem(mediaId);
    if (content.multiImage) {
      const images = (content.multiImage as Record<string, unknown>).images;
      if (!Array.isArray(images) || images.length < 2 || images.length > 20) return 'multiImage needs 2 to 20 images';
      for (const image of images) {
        const problem = imageProblem((image as Record<string, unknown>)?.id);
        if (problem) return problem;
      }
      return undefined;
    }
    if (content.article) {
      const article = content.article as Record<string, unknown>;
      if (typeof article.source !== 'string' || !/^https?:\/\//.test(article.source)) return 'article.source must be a URL';
      if (typeof article.title !== 'string' || !article.title) return 'article.title is required';
      return undefined;
    }
    return 'unsupported content';
  }

  private postView(post: StoredPost): Record<string, unknown> {
    return {
      id: post.urn,
      author: post.author,
      commentary: post.commentary,
      visibility: post.visibility,
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
      createdAt: post.createdAt,
      publishedAt: post.createdAt,
      lastModifiedAt: post.createdAt,
      ...(post.content ? { content: post.content } : {}),
    };
  }

  /** `GET /rest/posts/{urn}` (posts-api page above). */
  private getPost(urn: string, member: string): LoopbackReply {
    const post = this.posts.get(urn);
    if (!post) return apiError(404, 'NOT_FOUND', `Post ${urn} not found`);
    if (!this.administers(member, post.author)) return this.denied(urn);
    return { status: 200, body: this.postView(post) };
  }

  /** `GET /rest/posts?q=author&author=…&sortBy=CREATED|LAST_MODIFIED`, newest first (posts-api page above). */
  private postsByAuthor(request: LoopbackRequest, member: string): LoopbackReply {
    const params = request.url.searchParams;
    const author = params.get('author') ?? '';
    if (params.get('q') !== 'author' || !author) return apiError(400, 'INVALID_FINDER', 'Unsupported finder');
    if (!this.administers(member, author)) return this.denied(`posts of ${author}`);
    const start = Number(params.get('start') ?? 0) || 0;
    const count = Math.min(Number(params.get('count') ?? 10) || 10, 100);
    const all = [...this.posts.values()].filter((post) => post.author === author).sort((a, b) => b.createdAt - a.createdAt);
    return {
      status: 200,
      body: { paging: { start, count, links: [] }, elements: all.slice(start, start + count).map((post) => this.postView(post)) },
    };
  }

  /** `DELETE /rest/posts/{urn}`: 204 (posts-api page above). */
  private deletePost(urn: string, member: string): LoopbackReply {
    const post = this.posts.get(urn);
    if (!post) return apiError(404, 'NOT_FOUND', `Post ${urn} not found`);
    if (!this.administers(member, post.author)) return this.denied(urn);
    this.posts.delete(urn);
    return { status: 204 };
  }

  /**
   * Comments of a post, oldest first, paged by `start` / `count`.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api
   */
  private listComments(request: LoopbackRequest, target: string, member: string): LoopbackReply {
    const post = this.posts.get(target);
    if (!post) return apiError(404, 'NOT_FOUND', `${target} not found`);
    if (!this.administers(member, post.author)) return this.denied(`comments of ${target}`);
    const params = request.url.searchParams;
    const start = Number(params.get('start') ?? 0) || 0;
    const count = Math.min(Number(params.get('count') ?? 10) || 10, 100);
    const all = this.comments.filter((comment) => comment.object === target);
    return {
      status: 200,
      body: {
        paging: { start, count, links: [], total: all.length },
        elements: all.slice(start, start + count).map((comment) => this.commentView(comment)),
      },
    };
  }

  private commentView(comment: StoredComment): Record<string, unknown> {
    return {
      id: comment.id,
      $URN: comment.urn,
      object: comment.object,
      actor: comment.actor,
      message: { text: comment.text, attributes: [] },
      created: { actor: comment.actor, time: comment.createdAt },
      lastModified: { actor: comment.actor, time: comment.createdAt },
      ...(comment.parentComment ? { parentComment: comment.parentComment } : {}),
    };
  }

  /** A comment as the page (`actor` an organisation the member administers); 201 with the comment (comments-api page above). */
  private createComment(request: LoopbackRequest, target: string, member: string): LoopbackReply {
    const body = jsonOf(request);
    if (!body) return apiError(400, 'INVALID_BODY', 'The request body is not a JSON object');
    const actor = typeof body.actor === 'string' ? body.actor : '';
    if (!actor.startsWith('urn:li:organization:') || !this.administers(member, actor))
      return this.denied(`comments as ${actor || 'nobody'}`);
    const object = typeof body.object === 'string' ? body.object : '';
    const parent = typeof body.parentComment === 'string' ? body.parentComment : undefined;
    if (parent ? target !== parent : target !== object) return unprocessable('object does not match the path', 'INVALID_VALUE');
    if (!this.posts.has(object)) return apiError(404, 'NOT_FOUND', `${object} not found`);
    if (parent && !this.comments.some((comment) => comment.urn === parent)) return apiError(404, 'NOT_FOUND', `${parent} not found`);
    const message = body.message as Record<string, unknown> | undefined;
    if (typeof message?.text !== 'string' || !message.text.trim()) return unprocessable('message.text is required', 'MISSING_FIELD');
    const comment = this.addComment(object, message.text, actor);
    if (parent) comment.parentComment = parent;
    return { status: 201, headers: { 'x-restli-id': comment.id }, body: this.commentView(comment) };
  }

  /**
   * Lifetime statistics of an organisation's posts: `shares=List(…)` and `ugcPosts=List(…)`.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
   */
  private shareStatistics(request: LoopbackRequest, member: string): LoopbackReply {
    const params = request.url.searchParams;
    const organization = params.get('organizationalEntity') ?? '';
    if (params.get('q') !== 'organizationalEntity' || !organization) return apiError(400, 'INVALID_FINDER', 'Unsupported finder');
    if (!this.administers(member, organization)) return this.denied(`statistics of ${organization}`);
    const wanted = [...restliList(params.get('shares')), ...restliList(params.get('ugcPosts'))];
    const elements = wanted
      .map((urn) => this.posts.get(urn))
      .filter((post): post is StoredPost => !!post && post.author === organization)
      .map((post) => ({
        organizationalEntity: organization,
        [post.urn.startsWith('urn:li:ugcPost:') ? 'ugcPost' : 'share']: post.urn,
        totalShareStatistics: {
          uniqueImpressionsCount: post.stats.impressions,
          shareCount: post.stats.shares,
          engagement: 0,
          clickCount: 0,
          likeCount: post.stats.likes,
          impressionCount: post.stats.impressions,
          commentCount: post.stats.comments,
        },
      }));
    return { status: 200, body: { paging: { start: 0, count: elements.length, links: [] }, elements } };
  }

  /**
   * An organisation's follower count: `edgeType=COMPANY_FOLLOWED_BY_MEMBER` gives `firstDegreeSize`.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api
   * (the older page: https://learn.microsoft.com/en-us/linkedin/marketing/integrations/community-management/organizations/organization-network-size)
   */
  private networkSize(request: LoopbackRequest, urn: string): LoopbackReply {
    if (request.url.searchParams.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER')
      return apiError(400, 'INVALID_PARAM', 'edgeType is invalid');
    const organization = this.organizations.get(urn);
    if (!organization) return apiError(404, 'NOT_FOUND', `${urn} not found`);
    return { status: 200, body: { firstDegreeSize: organization.followers } };
  }
}
