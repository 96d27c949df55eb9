/**
 * The LinkedIn connector: publishes as a company page (organisation) the connected member administers,
 * through the versioned Community Management API (`https://api.linkedin.com/rest`).
 *
 * - One OAuth authorisation of a member reaches every page they administer: `listTargets` lists them,
 *   and each target's credentials carry the member's tokens plus `secrets.author`, the page's URN.
 *   Every operation acts as `secrets.author`.
 * - LinkedIn has no idempotency key. It refuses a post whose content repeats a live post of the same
 *   author (422 `DUPLICATE_POST`, "Content is a duplicate of urn:li:share:…"): a retried publish is
 *   answered with that first post once the connector has checked it exists. `findPublished` reads the
 *   page's recent posts and matches the text.
 * - Images go through the Images API (one PUT); a video through the Videos API, in parts of 4 MB, each
 *   confirmed part reported through `ctx.progress`.
 */
import { ConnectorError, countLength, expiryAfter, mapHttpError, mediaSize, readImageSize, validateVariant } from '@socle/connector-sdk';
import type {
  AccountMetrics,
  AccountTarget,
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorOAuth,
  Credentials,
  FindPublishedRequest,
  HttpResponse,
  MediaAttachment,
  Mention,
  MentionPage,
  PostMetrics,
  PublishedPost,
  PublishRequest,
  Variant,
  Violation,
} from '@socle/connector-sdk';
import {
  countField,
  describe,
  elementsOf,
  encodeUrn,
  isRecord,
  jsonObject,
  LINKEDIN_DEFAULT_API_VERSION,
  LinkedinClient,
  linkedinEndpoints,
  stringField,
  tokenError,
  unexpected,
} from './client';
import { fromLittleText, toLittleText } from './little-text';
import {
  LINKEDIN_IMAGE_MAX_BYTES,
  LINKEDIN_IMAGE_MAX_PIXELS,
  LINKEDIN_VIDEO_MIN_BYTES,
  LINKEDIN_VIDEO_PART_BYTES,
  LINKEDIN_VIDEO_TYPES,
  linkedinManifest,
} from './manifest';

/**
 * Scopes of the Community Management API the capabilities need: post, comment and delete as a page
 * (w_organization_social), read its posts and comments (r_organization_social), list the pages the member
 * administers, read their statistics and follower counts (rw_organization_admin). No member profile is read,
 * so neither r_basicprofile nor openid/profile is asked for.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/community-management-overview
 */
export const LINKEDIN_SCOPES = ['w_organization_social', 'r_organization_social', 'rw_organization_admin'] as const;

const ORGANIZATION_URN = /^urn:li:organization:(\d{1,20})$/;
const POST_URN = /^urn:li:(share|ugcPost):\d{1,25}$/;
const COMMENT_URN = /^urn:li:comment:\((urn:li:[A-Za-z]+:\d{1,25}),(\d{1,25})\)$/;
const FIRST_URL = /https?:\/\/[^\s<>"]+/i;
/** What `duplicateOrReject` answers when the post LinkedIn named as the duplicate no longer exists. */
const GONE = Symbol('gone');
/** "Content is a duplicate of urn:li:share:123" (the message LinkedIn sends with DUPLICATE_POST). */
const DUPLICATE_OF = /duplicate of (urn:li:(?:share|ugcPost):\d{1,25})/i;

const VIDEO_URN = /^urn:li:video:[A-Za-z0-9_-]{1,100}$/;
/** More upload instructions than a 500 MB video in 4 MB parts needs (125) is not a plan this connector follows. */
const VIDEO_MAX_PARTS = 200;

const COMMENTS_PAGE = 20;
const TARGETS_PAGE = 100;
const TARGETS_MAX_PAGES = 10;
const METRICS_BATCH = 20;
const FIND_PAGE = 50;
/** Clocks of the platform and LinkedIn may differ: posts this much older still count. */
const FIND_CLOCK_MARGIN_MS = 60 * 1000;
const FIND_DEFAULT_LOOKBACK_MS = 24 * 3600 * 1000;

export interface LinkedinConnectorOptions {
  /** The platform's application at LinkedIn (Developer Portal > Auth). */
  clientId?: string;
  clientSecret?: string;
  /** `LinkedIn-Version` header (YYYYMM); a recent supported version by default. */
  apiVersion?: string;
  /** Pages of 50 posts `findPublished` reads at most to reach back to `publishedAfter`. Default 4. */
  findPublishedMaxPages?: number;
  /** Between two reads of an uploaded video's status. Default 3000 ms. */
  videoPollIntervalMs?: number;
  /** How long an uploaded video may stay PROCESSING before the publish gives up (TRANSIENT). Default 120 000 ms. */
  videoMaxWaitMs?: number;
}

interface TokenAnswer {
  accessToken: string;
  expiresIn?: number;
  refreshToken?: string;
  refreshTokenExpiresIn?: number;
  scope?: string;
}

function isVideo(media: MediaAttachment): boolean {
  return LINKEDIN_VIDEO_TYPES.includes(String(media?.mimeType ?? '').toLowerCase());
}

/**
 * What the Videos API allows beyond the manifest (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api):
 * one video per post, alone, of 75 KB at least; images keep their own bound (the manifest's `maxBytes` is the videos').
 */
function videoViolations(media: MediaAttachment[]): Violation[] {
  const violations: Violation[] = [];
  const videos = media.filter(isVideo).length;
  if (videos > 1) {
    violations.push({
      rule: 'media.too-many-videos',
      path: 'media',
      message: `The post has ${videos} videos; LinkedIn takes one per post.`,
    });
  }
  if (videos > 0 && videos < media.length) {
    violations.push({ rule: 'media.mixed', path: 'media', message: 'A LinkedIn post carries one video or images, never both.' });
  }
  media.forEach((item, index) => {
    const size = mediaSize(item);
    if (isVideo(item) && size > 0 && size < LINKEDIN_VIDEO_MIN_BYTES) {
      violations.push({
        rule: 'media.too-small',
        path: `media[${index}]`,
        message: `Video ${index + 1} weighs ${size} bytes; LinkedIn takes videos of 75 KB at least.`,
      });
    }
    if (!isVideo(item) && size > LINKEDIN_IMAGE_MAX_BYTES) {
      violations.push({
        rule: 'media.too-large',
        path: `media[${index}]`,
        message: `Image ${index + 1} weighs ${(size / (1024 * 1024)).toFixed(1)} MB; this connector uploads images of 20 MB at most.`,
      });
    }
  });
  return violations;
}

interface UploadPart {
  uploadUrl: string;
  firstByte: number;
  lastByte: number;
}

/**
 * `uploadInstructions` as parts that cover the file exactly, in order, none larger than LinkedIn's 4 MB: anything
 * else (gaps, overlaps, a wrong total, hundreds of parts) is not followed.
 */
function uploadPlan(value: unknown, totalBytes: number, context: string): UploadPart[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > VIDEO_MAX_PARTS) {
    throw unexpected(context, 'initializeUpload gave no usable uploadInstructions');
  }
  const parts: UploadPart[] = [];
  let next = 0;
  for (const item of value) {
    const uploadUrl = isRecord(item) ? stringField(item.uploadUrl) : undefined;
    const firstByte = isRecord(item) ? item.firstByte : undefined;
    const lastByte = isRecord(item) ? item.lastByte : undefined;
    if (
      !uploadUrl ||
      firstByte !== next ||
      typeof lastByte !== 'number' ||
      !Number.isSafeInteger(lastByte) ||
      lastByte < firstByte ||
      lastByte - firstByte + 1 > LINKEDIN_VIDEO_PART_BYTES
    ) {
      throw unexpected(context, `upload instruction ${parts.length + 1} does not continue the byte ranges`);
    }
    parts.push({ uploadUrl, firstByte, lastByte });
    next = lastByte + 1;
  }
  if (next !== totalBytes) throw unexpected(context, `the upload instructions cover ${next} bytes, not ${totalBytes}`);
  return parts;
}

/** The public address of a post. */
export function linkedinPostUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

function optionString(options: Variant['options'], name: string): string | undefined {
  const value = options?.[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Text compared as LinkedIn gives it back: Unicode normalised, white space collapsed. */
function comparableText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The post a publish links to: `options.link`, else the first URL of the text. */
export function linkOf(variant: Variant): string | undefined {
  const option = optionString(variant.options, 'link');
  if (option) return isHttpUrl(option) ? option : undefined;
  const found = FIRST_URL.exec(variant.text ?? '')?.[0]?.replace(/[.,;:!?)\]]+$/, '');
  return found && isHttpUrl(found) ? found : undefined;
}

function expectPostUrn(externalId: string, context: string): string {
  if (typeof externalId !== 'string' || !POST_URN.test(externalId)) {
    throw new ConnectorError(
      'REJECTED',
      `${context}: "${String(externalId).slice(0, 60)}" is not a LinkedIn post URN (urn:li:share:… or urn:li:ugcPost:…)`,
      {
        networkReason: 'invalid post id',
      },
    );
  }
  return externalId;
}

export class LinkedinConnector implements Connector {
  readonly manifest = linkedinManifest;
  private readonly clientId?: string;
  private readonly clientSecret?: string;
  private readonly apiVersion: string;
  private readonly videoPollIntervalMs: number;
  private readonly videoMaxWaitMs: number;
  private readonly findPublishedMaxPages: number;

  constructor(options: LinkedinConnectorOptions = {}) {
    this.clientId = options.clientId?.trim() || undefined;
    this.clientSecret = options.clientSecret?.trim() || undefined;
    this.apiVersion = /^\d{6}$/.test(options.apiVersion ?? '') ? (options.apiVersion as string) : LINKEDIN_DEFAULT_API_VERSION;
    this.findPublishedMaxPages = Math.max(1, Math.floor(options.findPublishedMaxPages ?? 4));
    this.videoPollIntervalMs = Math.max(0, options.videoPollIntervalMs ?? 3000);
    this.videoMaxWaitMs = Math.max(0, options.videoMaxWaitMs ?? 120_000);
  }

  // ---------------------------------------------------------------- OAuth

  private client(): { clientId: string; clientSecret: string } {
    if (!this.clientId || !this.clientSecret) {
      throw new ConnectorError(
        'REJECTED',
        'LinkedIn is not configured on this platform: give the connector the clientId and clientSecret of the application registered in the LinkedIn Developer Portal (its options in CONNECTOR_OPTIONS)',
        { networkReason: 'LinkedIn client id or secret missing' },
      );
    }
    return { clientId: this.clientId, clientSecret: this.clientSecret };
  }

  /**
   * The member is sent to LinkedIn's authorisation page (three-legged flow). No PKCE challenge is sent:
   * LinkedIn documents PKCE only for native clients, not for the web flow a server uses.
   * https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
   * https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow-native
   */
  readonly oauth: ConnectorOAuth = {
    // The application is registered by hand at LinkedIn and given in the options: the platform's store of
    // registrations is not used, so a rotated secret takes effect with the next start.
    start: async (_ctx, { serviceUrl, redirectUri, state }) => {
      const registered = this.client();
      const url = new URL(`${linkedinEndpoints(serviceUrl).authBase}/oauth/v2/authorization`);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', registered.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      url.searchParams.set('scope', LINKEDIN_SCOPES.join(' '));
      return { authorizationUrl: url.toString(), fields: { clientId: registered.clientId } };
    },
  };

  /** `POST /oauth/v2/accessToken` with a grant; the answer checked field by field. */
  private async requestToken(
    ctx: ConnectorContext,
    serviceUrl: string,
    grant: Record<string, string>,
    context: string,
  ): Promise<TokenAnswer> {
    const { clientId, clientSecret } = this.client();
    const body = new URLSearchParams({ ...grant, client_id: clientId, client_secret: clientSecret }).toString();
    const response = await ctx.http.request({
      method: 'POST',
      url: `${linkedinEndpoints(serviceUrl).authBase}/oauth/v2/accessToken`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    if (response.status < 200 || response.status > 299) {
      // A refused refresh means the member must authorise again; a refused code is a bad request.
      throw grant.grant_type === 'refresh_token'
        ? tokenError(response, context, ctx.now?.())
        : mapHttpError(response, context, { now: ctx.now?.() });
    }
    const data = jsonObject(response, context);
    const accessToken = stringField(data.access_token);
    if (!accessToken) throw unexpected(context, 'the token answer has no access_token');
    const seconds = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);
    return {
      accessToken,
      expiresIn: seconds(data.expires_in),
      refreshToken: stringField(data.refresh_token),
      refreshTokenExpiresIn: seconds(data.refresh_token_expires_in),
      scope: stringField(data.scope),
    };
  }

  private credentialsFrom(serviceUrl: string, token: TokenAnswer, now: Date, previous?: Credentials): Credentials {
    const secrets: Record<string, string> = { ...(previous?.secrets ?? {}), accessToken: token.accessToken };
    if (token.refreshToken) secrets.refreshToken = token.refreshToken;
    const refreshTokenExpiresAt = expiryAfter(now, token.refreshTokenExpiresIn);
    if (refreshTokenExpiresAt) secrets.refreshTokenExpiresAt = refreshTokenExpiresAt;
    if (token.scope) secrets.scope = token.scope;
    const endpoints = linkedinEndpoints(serviceUrl);
    const credentials: Credentials = { serviceUrl: endpoints.apiBase, secrets };
    const expiresAt = expiryAfter(now, token.expiresIn);
    if (expiresAt) credentials.expiresAt = expiresAt;
    return credentials;
  }

  /**
   * Exchanges the authorisation code for the member's tokens. When the member administers exactly one
   * page, the credentials are bound to it (`secrets.author`); otherwise the platform lists the pages
   * (`listTargets`) and keeps the one the agency picks.
   */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const context = 'LinkedIn authorization';
    const fields = input?.fields ?? {};
    const redirectUri = input.redirectUri ?? fields.redirectUri;
    if (!fields.code || !redirectUri) {
      throw new ConnectorError('REJECTED', `${context}: the authorisation code and the redirect URI are needed`, {
        networkReason: 'missing code or redirect URI',
      });
    }
    const now = ctx.now?.() ?? new Date();
    const token = await this.requestToken(
      ctx,
      input.serviceUrl,
      { grant_type: 'authorization_code', code: fields.code, redirect_uri: redirectUri },
      context,
    );
    const credentials = this.credentialsFrom(input.serviceUrl, token, now);
    const organizations = await this.administeredOrganizations(ctx, credentials);
    if (organizations.length === 1) credentials.secrets.author = organizations[0];
    return credentials;
  }

  /**
   * A new access token from the refresh token (programmatic refresh tokens); the refresh token is kept
   * when LinkedIn sends none back. A refused refresh (revoked, expired) is AUTH_EXPIRED: the member must
   * authorise again.
   * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
   */
  async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    const context = 'LinkedIn token refresh';
    const refreshToken = credentials?.secrets?.refreshToken;
    if (!refreshToken) {
      throw new ConnectorError('AUTH_EXPIRED', `${context}: no refresh token is held; connect the account again`, {
        networkReason: 'missing refresh token',
      });
    }
    const now = ctx.now?.() ?? new Date();
    const token = await this.requestToken(
      ctx,
      credentials.serviceUrl,
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      context,
    );
    return this.credentialsFrom(credentials.serviceUrl, token, now, credentials);
  }

  // ---------------------------------------------------------------- targets

  private api(ctx: ConnectorContext, credentials: Credentials): LinkedinClient {
    return LinkedinClient.forCredentials(ctx, credentials, this.apiVersion);
  }

  /** The page the credentials act as; a clear REJECTED error when none was chosen. */
  private author(credentials: Credentials, context: string): string {
    const author = credentials?.secrets?.author;
    if (typeof author !== 'string' || !ORGANIZATION_URN.test(author)) {
      throw new ConnectorError(
        'REJECTED',
        `${context}: these LinkedIn credentials are not bound to a company page (secrets.author); choose one of the member's pages (listTargets)`,
        { networkReason: 'no organisation chosen' },
      );
    }
    return author;
  }

  /**
   * URNs of the organisations the member administers (approved roles only).
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
   */
  private async administeredOrganizations(ctx: ConnectorContext, credentials: Credentials): Promise<string[]> {
    const context = 'LinkedIn organization roles';
    const api = this.api(ctx, credentials);
    const found: string[] = [];
    for (let page = 0; page < TARGETS_MAX_PAGES; page++) {
      const data = await api.call(
        'GET',
        `/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&start=${page * TARGETS_PAGE}&count=${TARGETS_PAGE}`,
        context,
      );
      const elements = elementsOf(data, context);
      for (const element of elements) {
        const organization = stringField(element.organization) ?? stringField(element.organizationTarget);
        if (element.role !== 'ADMINISTRATOR' || element.state !== 'APPROVED' || !organization || !ORGANIZATION_URN.test(organization))
          continue;
        if (!found.includes(organization)) found.push(organization);
      }
      if (elements.length < TARGETS_PAGE) break;
    }
    return found;
  }

  /** One target per company page the member administers, each bound to it by `secrets.author`. */
  async listTargets(ctx: ConnectorContext, credentials: Credentials): Promise<AccountTarget[]> {
    const api = this.api(ctx, credentials);
    const targets: AccountTarget[] = [];
    for (const urn of await this.administeredOrganizations(ctx, credentials)) {
      const id = ORGANIZATION_URN.exec(urn)?.[1] as string;
      const context = 'LinkedIn organization lookup';
      // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api
      const organization = await api.call('GET', `/organizations/${id}`, context);
      const vanityName = stringField(organization.vanityName);
      const name = stringField(organization.localizedName)?.trim() || vanityName || urn;
      const target: AccountTarget = {
        id: urn,
        kind: 'organization',
        name,
        credentials: { ...credentials, secrets: { ...credentials.secrets, author: urn } },
      };
      if (vanityName) {
        target.handle = vanityName;
        target.url = `https://www.linkedin.com/company/${encodeURIComponent(vanityName)}/`;
      }
      targets.push(target);
    }
    return targets;
  }

  // ---------------------------------------------------------------- publishing

  validate(variant: Variant): Violation[] {
    const violations = validateVariant(this.manifest, variant);
    (Array.isArray(variant?.media) ? variant.media : []).forEach((item, index) => {
      let size: { width: number; height: number } | undefined;
      try {
        // Measured by the media library when the attachment is described; read from the bytes otherwise.
        size = item?.width && item?.height ? { width: item.width, height: item.height } : item?.data ? readImageSize(item.data) : undefined;
      } catch {
        size = undefined;
      }
      if (size && size.width * size.height >= LINKEDIN_IMAGE_MAX_PIXELS) {
        violations.push({
          rule: 'media.too-many-pixels',
          path: `media[${index}]`,
          message: `Image ${index + 1} has ${size.width} × ${size.height} pixels; LinkedIn accepts fewer than 36,152,320.`,
        });
      }
    });
    violations.push(...videoViolations(Array.isArray(variant?.media) ? variant.media : []));
    const option = optionString(variant?.options, 'link');
    if (option && !isHttpUrl(option)) {
      violations.push({ rule: 'options.link', path: 'options.link', message: 'The link must be an http(s) URL.' });
    }
    return violations;
  }

  /**
   * `POST /rest/posts` as the page: text, an article (the link), one image or 2 to 20 images.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
   */
  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const context = 'LinkedIn publish';
    const author = this.author(credentials, context);
    const variant = request?.variant;
    const violations = this.validate(variant);
    if (violations.length) {
      throw new ConnectorError('REJECTED', `${context}: ${violations.map((violation) => violation.message).join(' ')}`, {
        networkReason: violations[0].rule,
      });
    }
    if (request.inReplyTo) return this.reply(ctx, credentials, request.inReplyTo, variant, request.idempotencyKey);
    const api = this.api(ctx, credentials);
    const images: { id: string; altText?: string }[] = [];
    let video: string | undefined;
    for (const [index, media] of (variant.media ?? []).entries()) {
      if (isVideo(media)) {
        video = await this.uploadVideo(ctx, api, author, media.data, index, `${context} (video)`);
        continue;
      }
      const image = await this.uploadImage(api, author, media.data, media.mimeType, `${context} (image ${index + 1})`);
      images.push(media.altText ? { id: image, altText: media.altText.slice(0, 4086) } : { id: image });
    }
    const post: Record<string, unknown> = {
      author,
      commentary: toLittleText(variant.text ?? ''),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    const link = linkOf(variant);
    const videoTitle = optionString(variant.options, 'videoTitle');
    if (video) post.content = { media: videoTitle ? { id: video, title: videoTitle.slice(0, 400) } : { id: video } };
    else if (images.length === 1) post.content = { media: images[0] };
    else if (images.length > 1) post.content = { multiImage: { images } };
    else if (link)
      post.content = { article: { source: link, title: optionString(variant.options, 'linkTitle') ?? new URL(link).hostname } };

    let response = await api.send('POST', '/posts', context, { json: post, acceptStatuses: [422] });
    if (response.status === 422) {
      const outcome = await this.duplicateOrReject(api, response, author, context);
      if (outcome !== GONE) return outcome;
      // The post LinkedIn named was deleted in between: nothing stands in the way any more, so post once more.
      response = await api.send('POST', '/posts', context, { json: post, acceptStatuses: [422] });
      if (response.status === 422) {
        const again = await this.duplicateOrReject(api, response, author, context);
        if (again === GONE) throw mapHttpError(response, context);
        return again;
      }
    }
    const urn = stringField(response.headers['x-restli-id']);
    if (!urn || !POST_URN.test(urn)) {
      throw unexpected(context, 'the answer did not name the post it created (x-restli-id); publishing again finds it as a duplicate');
    }
    return { externalId: urn, url: linkedinPostUrl(urn) };
  }

  /**
   * A 422 of the Posts API: when it is LinkedIn's duplicate-content refusal naming a live post of the same
   * author, that post is the answer (the earlier attempt of a retried publish); when the post it names is
   * gone (deleted between the refusal and the read), `GONE`; otherwise REJECTED with LinkedIn's message.
   */
  private async duplicateOrReject(
    api: LinkedinClient,
    response: HttpResponse,
    author: string,
    context: string,
  ): Promise<PublishedPost | typeof GONE> {
    const reason = mapHttpError(response, context);
    const duplicateOf = DUPLICATE_OF.exec(reason.networkReason ?? '')?.[1];
    if (!duplicateOf) throw reason;
    const existing = await api.send('GET', `/posts/${encodeUrn(duplicateOf)}`, context, { acceptStatuses: [404, 410] });
    if (existing.status === 404 || existing.status === 410) return GONE;
    const post = jsonObject(existing, context);
    if (post.author !== author) throw reason;
    return { externalId: duplicateOf, url: linkedinPostUrl(duplicateOf) };
  }

  /**
   * Images API: `initializeUpload` for the page, then the bytes PUT to the URL it returns.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
   */
  private async uploadImage(api: LinkedinClient, owner: string, data: Uint8Array, mimeType: string, context: string): Promise<string> {
    const answer = await api.call('POST', '/images?action=initializeUpload', context, {
      json: { initializeUploadRequest: { owner } },
    });
    const value = isRecord(answer.value) ? answer.value : undefined;
    const uploadUrl = stringField(value?.uploadUrl);
    const image = stringField(value?.image);
    if (!uploadUrl || !image || !image.startsWith('urn:li:image:'))
      throw unexpected(context, 'initializeUpload gave no uploadUrl and image URN');
    await api.upload(uploadUrl, data, mimeType, context);
    return image;
  }

  /**
   * Videos API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api):
   * `initializeUpload` with the size gives the video URN, an upload token and the parts (URL and byte range);
   * each part is PUT and its `ETag` kept; `finalizeUpload` names the ETags in order; then the video's status is
   * read until AVAILABLE. Progress is reported at 0 and after each part LinkedIn confirmed. A part that fails
   * fails the publish (mapped as usual: 5xx and timeouts TRANSIENT); a retried publish starts a new upload.
   */
  private async uploadVideo(
    ctx: ConnectorContext,
    api: LinkedinClient,
    owner: string,
    data: Uint8Array,
    media: number,
    context: string,
  ): Promise<string> {
    const totalBytes = data.byteLength;
    const answer = await api.call('POST', '/videos?action=initializeUpload', `${context} (initializeUpload)`, {
      json: { initializeUploadRequest: { owner, fileSizeBytes: totalBytes, uploadCaptions: false, uploadThumbnail: false } },
    });
    const value = isRecord(answer.value) ? answer.value : undefined;
    const video = stringField(value?.video);
    if (!video || !VIDEO_URN.test(video)) throw unexpected(context, 'initializeUpload gave no video URN');
    const uploadToken = typeof value?.uploadToken === 'string' ? value.uploadToken : '';
    const parts = uploadPlan(value?.uploadInstructions, totalBytes, context);
    ctx.progress?.({ media, sentBytes: 0, totalBytes });
    const etags: string[] = [];
    let sentBytes = 0;
    for (const [index, part] of parts.entries()) {
      const partContext = `${context} (part ${index + 1} of ${parts.length})`;
      const response = await api.upload(
        part.uploadUrl,
        data.subarray(part.firstByte, part.lastByte + 1),
        'application/octet-stream',
        partContext,
      );
      const etag = stringField(response.headers.etag);
      if (!etag || etag.length > 1024) throw unexpected(partContext, 'the part was taken without an ETag');
      etags.push(etag);
      sentBytes += part.lastByte - part.firstByte + 1;
      ctx.progress?.({ media, sentBytes, totalBytes });
    }
    await api.send('POST', '/videos?action=finalizeUpload', `${context} (finalizeUpload)`, {
      json: { finalizeUploadRequest: { video, uploadToken, uploadedPartIds: etags } },
    });
    await this.waitForVideo(api, video, context);
    return video;
  }

  /**
   * `GET /rest/videos/{urn}` until `status` is AVAILABLE (same page: WAITING_UPLOAD, PROCESSING, AVAILABLE,
   * PROCESSING_FAILED). PROCESSING_FAILED is REJECTED; still processing after `videoMaxWaitMs`, TRANSIENT.
   */
  private async waitForVideo(api: LinkedinClient, video: string, context: string): Promise<void> {
    const statusContext = `${context} (status)`;
    const started = Date.now();
    for (;;) {
      const body = await api.call('GET', `/videos/${encodeUrn(video)}`, statusContext);
      const status = stringField(body.status);
      if (status === 'AVAILABLE') return;
      if (status === 'PROCESSING_FAILED') {
        const reason = stringField(body.processingFailureReason)?.slice(0, 300) ?? 'PROCESSING_FAILED';
        throw new ConnectorError('REJECTED', `${statusContext}: LinkedIn could not process the video: ${reason}`, {
          networkReason: reason,
        });
      }
      if (status !== 'PROCESSING' && status !== 'WAITING_UPLOAD') {
        throw unexpected(statusContext, `unknown video status ${String(status).slice(0, 40)}`);
      }
      if (Date.now() - started + this.videoPollIntervalMs > this.videoMaxWaitMs) {
        throw new ConnectorError(
          'TRANSIENT',
          `${statusContext}: the video was still ${status} after ${this.videoMaxWaitMs} ms; publishing again uploads it anew`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.videoPollIntervalMs));
    }
  }

  /**
   * Reads the page's recent posts (newest first, `sortBy=CREATED`) back to `publishedAfter` and returns the
   * one whose text is the variant's. LinkedIn keeps no idempotency key, so this is a match on content: a
   * post of the same text made by hand in that window would be taken for it.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const context = 'LinkedIn find published';
    const author = this.author(credentials, context);
    const api = this.api(ctx, credentials);
    const now = ctx.now?.() ?? new Date();
    const after = Date.parse(request?.publishedAfter ?? '');
    const cutoff = (Number.isNaN(after) ? now.getTime() - FIND_DEFAULT_LOOKBACK_MS : after) - FIND_CLOCK_MARGIN_MS;
    const wanted = comparableText(request?.variant?.text ?? '');
    for (let page = 0; page < this.findPublishedMaxPages; page++) {
      const data = await api.call(
        'GET',
        `/posts?q=author&author=${encodeUrn(author)}&sortBy=CREATED&start=${page * FIND_PAGE}&count=${FIND_PAGE}`,
        context,
        { headers: { 'x-restli-method': 'FINDER' } },
      );
      const elements = elementsOf(data, context);
      let reachedCutoff = false;
      for (const post of elements) {
        const created =
          typeof post.createdAt === 'number' ? post.createdAt : typeof post.publishedAt === 'number' ? post.publishedAt : undefined;
        if (created !== undefined && created < cutoff) {
          reachedCutoff = true;
          break;
        }
        const urn = stringField(post.id);
        const commentary = typeof post.commentary === 'string' ? post.commentary : undefined;
        if (!urn || !POST_URN.test(urn) || commentary === undefined) continue;
        if (post.lifecycleState !== undefined && post.lifecycleState !== 'PUBLISHED') continue;
        if (comparableText(fromLittleText(commentary)) === wanted) return { externalId: urn, url: linkedinPostUrl(urn) };
      }
      if (reachedCutoff || elements.length < FIND_PAGE) return null;
    }
    throw new ConnectorError(
      'UNKNOWN',
      `${context}: the page's last ${this.findPublishedMaxPages * FIND_PAGE} posts do not reach back to ${new Date(cutoff).toISOString()}; cannot tell`,
    );
  }

  /**
   * `DELETE /rest/posts/{urn}`; a post already gone counts as deleted.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
   */
  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const context = 'LinkedIn delete';
    this.author(credentials, context);
    const urn = expectPostUrn(externalId, context);
    await this.api(ctx, credentials).send('DELETE', `/posts/${encodeUrn(urn)}`, context, {
      headers: { 'x-restli-method': 'DELETE' },
      acceptStatuses: [404, 410],
    });
  }

  // ---------------------------------------------------------------- comments

  /**
   * Comments on a post, oldest first, 20 a page; the cursor is the next `start`.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api
   */
  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string, cursor?: string): Promise<MentionPage> {
    const context = 'LinkedIn comments';
    this.author(credentials, context);
    const urn = expectPostUrn(externalId, context);
    let start = 0;
    if (cursor !== undefined) {
      if (!/^\d{1,9}$/.test(cursor)) {
        throw new ConnectorError('REJECTED', `${context}: the cursor "${cursor.slice(0, 40)}" was not issued by this connector`, {
          networkReason: 'invalid cursor',
        });
      }
      start = Number(cursor);
    }
    const data = await this.api(ctx, credentials).call(
      'GET',
      `/socialActions/${encodeUrn(urn)}/comments?start=${start}&count=${COMMENTS_PAGE}`,
      context,
    );
    const elements = elementsOf(data, context);
    const items: Mention[] = [];
    for (const comment of elements) {
      const item = this.commentToMention(comment, urn);
      if (item) items.push(item);
    }
    const paging = isRecord(data.paging) ? data.paging : {};
    const total = typeof paging.total === 'number' ? paging.total : undefined;
    const next = start + elements.length;
    const more = elements.length === COMMENTS_PAGE && (total === undefined || next < total);
    return more ? { items, cursor: String(next) } : { items };
  }

  private commentToMention(comment: Record<string, unknown>, postUrn: string): Mention | undefined {
    const id = stringField(comment.id);
    const object = stringField(comment.object) ?? postUrn;
    const commentUrn =
      stringField(comment.$URN) ?? stringField(comment.commentUrn) ?? (id ? `urn:li:comment:(${object},${id})` : undefined);
    if (!commentUrn) return undefined;
    const message = isRecord(comment.message) ? comment.message : {};
    const created = isRecord(comment.created) ? comment.created : {};
    const time = typeof created.time === 'number' && Number.isFinite(created.time) ? new Date(created.time) : undefined;
    const valid = time && !Number.isNaN(time.getTime());
    const item: Mention = {
      externalId: commentUrn,
      url: `${linkedinPostUrl(postUrn)}?commentUrn=${encodeURIComponent(commentUrn)}`,
      authorHandle: stringField(comment.actor) ?? stringField(created.actor) ?? 'unknown',
      text: typeof message.text === 'string' ? fromLittleText(message.text) : '',
      publishedAt: valid ? (time as Date).toISOString() : new Date().toISOString(),
      inReplyTo: stringField(comment.parentComment) ?? postUrn,
    };
    if (!valid) item.publishedAtEstimated = true;
    return item;
  }

  /**
   * A comment as the page on a post (or on a comment: a nested comment with `parentComment`).
   * LinkedIn has no idempotency key for comments: a retried reply may comment twice.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api
   */
  async reply(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    _idempotencyKey: string,
  ): Promise<PublishedPost> {
    const context = 'LinkedIn reply';
    const author = this.author(credentials, context);
    const nested = typeof externalId === 'string' ? COMMENT_URN.exec(externalId) : null;
    const postUrn = nested ? nested[1] : expectPostUrn(externalId, context);
    const text = variant?.text ?? '';
    if (!text.trim() || countLength(text, 'code-points') > this.manifest.text.maxLength) {
      throw new ConnectorError('REJECTED', `${context}: the reply must have between 1 and ${this.manifest.text.maxLength} characters`, {
        networkReason: 'text.length',
      });
    }
    const body: Record<string, unknown> = { actor: author, object: postUrn, message: { text: toLittleText(text) } };
    if (nested) body.parentComment = externalId;
    const response = await this.api(ctx, credentials).send('POST', `/socialActions/${encodeUrn(externalId)}/comments`, context, {
      json: body,
    });
    const created = response.body.byteLength > 0 ? jsonObject(response, context) : {};
    const headerId = stringField(response.headers['x-restli-id']);
    const id = stringField(created.id) ?? (headerId && /^\d+$/.test(headerId) ? headerId : undefined);
    const commentUrn =
      stringField(created.$URN) ??
      stringField(created.commentUrn) ??
      (headerId?.startsWith('urn:li:comment:') ? headerId : undefined) ??
      (id ? `urn:li:comment:(${postUrn},${id})` : undefined);
    if (!commentUrn) throw unexpected(context, 'the answer did not name the comment it created');
    return { externalId: commentUrn, url: `${linkedinPostUrl(postUrn)}?commentUrn=${encodeURIComponent(commentUrn)}` };
  }

  // ---------------------------------------------------------------- metrics

  /**
   * Lifetime counts of the page's posts from `organizationalEntityShareStatistics` (shares and ugcPosts,
   * 20 a call): likes, comments, reshares, impressions. Posts LinkedIn says nothing about are left out.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
   */
  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const context = 'LinkedIn post statistics';
    const author = this.author(credentials, context);
    const ids = [...new Set((Array.isArray(externalIds) ? externalIds : []).map((id) => expectPostUrn(id, context)))];
    const api = this.api(ctx, credentials);
    const fetchedAt = (ctx.now?.() ?? new Date()).toISOString();
    const metrics: PostMetrics[] = [];
    for (let at = 0; at < ids.length; at += METRICS_BATCH) {
      const batch = ids.slice(at, at + METRICS_BATCH);
      const shares = batch.filter((id) => id.startsWith('urn:li:share:'));
      const ugcPosts = batch.filter((id) => id.startsWith('urn:li:ugcPost:'));
      let query = `?q=organizationalEntity&organizationalEntity=${encodeUrn(author)}`;
      if (shares.length) query += `&shares=List(${shares.map(encodeUrn).join(',')})`;
      if (ugcPosts.length) query += `&ugcPosts=List(${ugcPosts.map(encodeUrn).join(',')})`;
      const data = await api.call('GET', `/organizationalEntityShareStatistics${query}`, context);
      for (const element of elementsOf(data, context)) {
        const id = stringField(element.share) ?? stringField(element.ugcPost);
        if (!id || !batch.includes(id)) continue;
        const totals = element.totalShareStatistics;
        if (!isRecord(totals)) throw unexpected(context, `totalShareStatistics of ${id} is ${describe(totals)}`);
        metrics.push({
          externalId: id,
          likes: countField(totals.likeCount),
          replies: countField(totals.commentCount),
          reposts: countField(totals.shareCount),
          impressions: countField(totals.impressionCount),
          fetchedAt,
        });
      }
    }
    return metrics;
  }

  /**
   * The page's follower count: `networkSizes` with `edgeType=COMPANY_FOLLOWED_BY_MEMBER`.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api
   * (the older page: https://learn.microsoft.com/en-us/linkedin/marketing/integrations/community-management/organizations/organization-network-size)
   */
  async fetchAccountMetrics(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics> {
    const context = 'LinkedIn follower count';
    const author = this.author(credentials, context);
    const data = await this.api(ctx, credentials).call(
      'GET',
      `/networkSizes/${encodeUrn(author)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`,
      context,
    );
    const followers = data.firstDegreeSize;
    if (typeof followers !== 'number' || !Number.isSafeInteger(followers) || followers < 0) {
      throw unexpected(context, `firstDegreeSize is ${describe(followers)}`);
    }
    return { followers, fetchedAt: (ctx.now?.() ?? new Date()).toISOString() };
  }
}
