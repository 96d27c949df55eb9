import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditRepository } from '@socle/accounts';
import type { ContentCtx } from '@socle/content';
import { MediaAssetService } from '@socle/content';
import { SocleConfig } from '@socle/platform-config';
import { badInput, DomainError, FieldProblem } from '@socle/platform-errors';
import { textProblem } from '@socle/platform-graphql';
import { JobQueues } from '@socle/platform-queue';
import { checkCustomDomain, normalizeEmail, platformHostOf, roomSlugProblem } from './addresses';
import { DomainVerifier, VERIFICATION_RECORD_PREFIX } from './domain-verifier';
import { MAX_CONTACTS, MAX_MEDIA_KIT } from './dto/press-room.dto';
import { enqueueDigest } from './jobs/digest-wakeups';
import { MediaKitEntryEntity, PressContactEntity, PressRoomEntity, PressRoomRepository, RoomLanguage } from './press-room.repository';
import { CustomDomainTable } from './public/custom-domains';

export const DOMAIN_VERIFIER = Symbol('DOMAIN_VERIFIER');

/** `extensions.reason` of the refusals of this module. */
export const PRESS_ROOM_REASONS = {
  slugTaken: 'PRESS_ROOM_SLUG_TAKEN',
  domainTaken: 'PRESS_ROOM_DOMAIN_TAKEN',
  domainChanged: 'PRESS_ROOM_DOMAIN_CHANGED',
  noRoom: 'PRESS_ROOM_NOT_SET_UP',
} as const;

/** What `updatePressRoom` changes: absent keeps a field; GraphQL may send null for any of them (see `update`). */
export interface RoomChanges {
  slug?: string | null;
  title?: string | null;
  description?: string | null;
  enabled?: boolean | null;
  language?: RoomLanguage | null;
  blogDigest?: boolean | null;
  customDomain?: string | null;
  contacts?: { name: string; role?: string | null; email?: string | null; phone?: string | null }[] | null;
  mediaKit?: { mediaAssetId: string; caption?: string | null; credit?: string | null }[] | null;
}

export interface RoomView {
  room: PressRoomEntity;
  contacts: PressContactEntity[];
  mediaKit: MediaKitEntryEntity[];
}

const PHONE = /^[+]?[0-9 ().-]{3,40}$/;

function userIdOf(ctx: ContentCtx): string | null {
  return ctx.actor.type === 'USER' ? ctx.actor.id : null;
}

/**
 * The press room's settings (seed 000, owned media): one room per organisation, its public slug and optional custom
 * domain (both unique across the platform), its contacts and media kit. Every change is audited.
 */
@Injectable()
export class PressRoomService {
  private readonly base: string;
  private readonly platformHost: string | null;

  constructor(
    private readonly rooms: PressRoomRepository,
    private readonly media: MediaAssetService,
    private readonly audit: AuditRepository,
    private readonly queues: JobQueues,
    private readonly hosts: CustomDomainTable,
    @Inject(DOMAIN_VERIFIER) private readonly verifier: DomainVerifier,
    config: SocleConfig,
  ) {
    this.base = config.PUBLIC_URL.replace(/\/+$/, '');
    this.platformHost = platformHostOf(config.PUBLIC_URL);
  }

  find(ctx: ContentCtx): Promise<PressRoomEntity | null> {
    return this.rooms.find(ctx.uow);
  }

  async view(ctx: ContentCtx): Promise<RoomView | null> {
    const room = await this.rooms.find(ctx.uow);
    if (!room) return null;
    const [contacts, mediaKit] = await Promise.all([this.rooms.contacts(ctx.uow), this.rooms.mediaKit(ctx.uow)]);
    return { room, contacts, mediaKit };
  }

  /** The room's public address: its verified custom domain, else the platform's path. */
  roomUrl(room: Pick<PressRoomEntity, 'slug' | 'customDomain' | 'domainVerifiedAt'>): string {
    return room.customDomain && room.domainVerifiedAt ? `https://${room.customDomain}` : `${this.base}/press/${room.slug}`;
  }

  releaseUrl(room: Pick<PressRoomEntity, 'slug' | 'customDomain' | 'domainVerifiedAt'>, slug: string): string {
    return `${this.roomUrl(room)}/releases/${slug}`;
  }

  mediaUrl(room: Pick<PressRoomEntity, 'slug' | 'customDomain' | 'domainVerifiedAt'>, assetId: string): string {
    return `${this.roomUrl(room)}/media/${assetId}`;
  }

  async update(ctx: ContentCtx, changes: RoomChanges): Promise<RoomView> {
    const current = await this.rooms.find(ctx.uow, true);
    const problems: FieldProblem[] = [];
    const text = (field: string, value: string | null | undefined, min: number, max: number): string | null => {
      if (value === undefined || value === null) return null;
      const trimmed = value.trim();
      const problem = textProblem(trimmed);
      if (problem) problems.push({ field, message: problem });
      else if (trimmed.length < min || trimmed.length > max)
        problems.push({ field, message: min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters` });
      return trimmed;
    };

    // null, as absent, keeps a stored slug or title (neither can be removed); a new room needs both.
    const slug = changes.slug === undefined || changes.slug === null ? current?.slug : changes.slug.trim();
    if (slug === undefined) problems.push({ field: 'input.slug', message: 'is required to create the press room' });
    else if (changes.slug !== undefined && changes.slug !== null) {
      const problem = roomSlugProblem(slug);
      if (problem) problems.push({ field: 'input.slug', message: problem });
    }
    const title = changes.title === undefined || changes.title === null ? current?.title : text('input.title', changes.title, 1, 200);
    if (title === undefined || title === null) problems.push({ field: 'input.title', message: 'is required to create the press room' });
    const description =
      changes.description === undefined ? (current?.description ?? '') : (text('input.description', changes.description, 0, 5000) ?? '');

    let customDomain = current?.customDomain ?? null;
    if (changes.customDomain === null) customDomain = null;
    else if (changes.customDomain !== undefined) {
      const checked = checkCustomDomain(changes.customDomain, this.platformHost);
      if (checked.ok) customDomain = checked.host;
      else problems.push({ field: 'input.customDomain', message: checked.problem });
    }

    const contacts = changes.contacts?.map((c, i) => {
      const at = `input.contacts[${i}]`;
      const email = c.email?.trim() ? normalizeEmail(c.email) : null;
      if (c.email?.trim() && !email) problems.push({ field: `${at}.email`, message: 'must be an e-mail address' });
      const phone = c.phone?.trim() || null;
      if (phone && !PHONE.test(phone))
        problems.push({ field: `${at}.phone`, message: 'may hold digits, spaces and + ( ) . - only (3 to 40)' });
      return {
        name: text(`${at}.name`, c.name, 1, 200) ?? '',
        role: text(`${at}.role`, c.role, 0, 200) ?? '',
        email,
        phone,
      };
    });
    if (contacts && contacts.length > MAX_CONTACTS) problems.push({ field: 'input.contacts', message: `at most ${MAX_CONTACTS} contacts` });

    const mediaKit = changes.mediaKit?.map((e, i) => ({
      mediaAssetId: e.mediaAssetId,
      caption: text(`input.mediaKit[${i}].caption`, e.caption, 0, 1000) ?? '',
      credit: text(`input.mediaKit[${i}].credit`, e.credit, 0, 300) ?? '',
    }));
    if (mediaKit) {
      if (mediaKit.length > MAX_MEDIA_KIT) problems.push({ field: 'input.mediaKit', message: `at most ${MAX_MEDIA_KIT} entries` });
      const seen = new Set<string>();
      mediaKit.forEach((e, i) => {
        if (seen.has(e.mediaAssetId)) problems.push({ field: `input.mediaKit[${i}].mediaAssetId`, message: 'is already in the media kit' });
        seen.add(e.mediaAssetId);
      });
    }
    if (problems.length) throw badInput(problems);

    // Another organisation's asset is not found, as an unknown one (row-level security hides it).
    if (mediaKit) {
      for (const [i, e] of mediaKit.entries()) {
        if (!(await this.media.find(ctx, e.mediaAssetId)))
          throw new DomainError('NOT_FOUND', `Media asset ${e.mediaAssetId} was not found.`, {
            field: `input.mediaKit[${i}].mediaAssetId`,
          });
      }
    }

    const domainChanged = customDomain !== (current?.customDomain ?? null);
    const taken = await this.rooms.claim(ctx.uow, slug as string, domainChanged ? customDomain : null);
    if (taken === 'SLUG')
      throw new DomainError('CONFLICT', 'Another press room already has this slug.', {
        field: 'input.slug',
        reason: PRESS_ROOM_REASONS.slugTaken,
      });
    if (taken === 'DOMAIN')
      throw new DomainError('CONFLICT', 'Another press room has claimed this domain.', {
        field: 'input.customDomain',
        reason: PRESS_ROOM_REASONS.domainTaken,
      });

    const organization = current ? null : await this.rooms.organization(ctx.uow);
    const room = await this.rooms.save(
      ctx.uow,
      {
        slug: slug as string,
        title: title as string,
        description,
        enabled: changes.enabled ?? current?.enabled ?? false,
        language: changes.language ?? current?.language ?? organization?.locale ?? 'fr',
        blogDigest: changes.blogDigest ?? current?.blogDigest ?? false,
        customDomain,
        domainChallenge: !customDomain
          ? null
          : domainChanged
            ? `socle-press-verification=${randomBytes(24).toString('base64url')}`
            : (current?.domainChallenge ?? null),
        domainChanged,
      },
      userIdOf(ctx),
    );
    if (contacts) await this.rooms.replaceContacts(ctx.uow, contacts);
    if (mediaKit) await this.rooms.replaceMediaKit(ctx.uow, mediaKit);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: current ? 'pressRoom.update' : 'pressRoom.create',
        targetType: 'PressRoom',
        targetId: room.id,
        metadata: {
          slug: room.slug,
          enabled: room.enabled,
          customDomain: room.customDomain,
          ...(contacts ? { contacts: contacts.length } : {}),
          ...(mediaKit ? { mediaKit: mediaKit.length } : {}),
        },
      },
      ctx.requestId,
    );
    // Enabling the room may make releases public: the newsletter's job looks at once.
    if (room.enabled && !current?.enabled) enqueueDigest(ctx.uow, this.queues, ctx.uow.organizationId, new Date());
    return (await this.view(ctx)) as RoomView;
  }

  /**
   * Looks for the TXT record `_socle-press.<domain>` now. No transaction is held while the DNS answers: the room is
   * read, the transaction committed, the record looked up, and the result written only if the room still claims the
   * same domain with the same challenge, and no other organisation holds it meanwhile.
   */
  async verifyDomain(ctx: ContentCtx, domain: string): Promise<RoomView> {
    const room = await this.rooms.find(ctx.uow);
    if (!room) throw new DomainError('NOT_FOUND', 'This organization has no press room yet.', { reason: PRESS_ROOM_REASONS.noRoom });
    const asked = checkCustomDomain(domain, this.platformHost);
    if (!room.customDomain || !room.domainChallenge || !asked.ok || asked.host !== room.customDomain)
      throw new DomainError('CONFLICT', 'The press room does not claim this domain (it may have changed).', {
        field: 'input.domain',
        reason: PRESS_ROOM_REASONS.domainChanged,
      });
    const { customDomain, domainChallenge } = room;
    await ctx.uow.commitAndContinue();
    const outcome = await this.verifier.check(customDomain, domainChallenge);
    if (outcome.verified && (await this.rooms.claim(ctx.uow, null, customDomain)) === 'DOMAIN')
      throw new DomainError('CONFLICT', 'Another press room has claimed this domain.', {
        field: 'input.domain',
        reason: PRESS_ROOM_REASONS.domainTaken,
      });
    if (!(await this.rooms.recordDomainCheck(ctx.uow, customDomain, domainChallenge, outcome)))
      throw new DomainError('CONFLICT', 'The press room’s domain changed while it was checked.', {
        field: 'input.domain',
        reason: PRESS_ROOM_REASONS.domainChanged,
      });
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'pressRoom.verifyDomain',
        targetType: 'PressRoom',
        targetId: room.id,
        metadata: { domain: customDomain, verified: outcome.verified },
      },
      ctx.requestId,
    );
    if (outcome.verified) ctx.uow.afterCommit(() => this.hosts.add(customDomain));
    return (await this.view(ctx)) as RoomView;
  }

  /** The room, or NOT_FOUND with a reason when it was never set up. */
  async require(ctx: ContentCtx): Promise<PressRoomEntity> {
    const room = await this.rooms.find(ctx.uow);
    if (!room)
      throw new DomainError('NOT_FOUND', 'This organization has no press room yet: save it first (updatePressRoom).', {
        reason: PRESS_ROOM_REASONS.noRoom,
      });
    return room;
  }

  recordName(host: string): string {
    return `${VERIFICATION_RECORD_PREFIX}${host}`;
  }
}
