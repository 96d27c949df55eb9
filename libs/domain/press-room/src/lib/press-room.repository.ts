import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';

export type RoomLanguage = 'fr' | 'en';

/** A press room as stored in `press_rooms` (one per organisation). */
export interface PressRoomEntity {
  organizationId: string;
  id: string;
  slug: string;
  title: string;
  description: string;
  enabled: boolean;
  language: RoomLanguage;
  /** Whether the room offers the weekly blog digest (its sign-up form then shows the choice). */
  blogDigest: boolean;
  customDomain: string | null;
  /** The value the TXT record `_socle-press.<domain>` must hold. */
  domainChallenge: string | null;
  domainClaimedAt: Date | null;
  domainVerifiedAt: Date | null;
  domainCheckedAt: Date | null;
  domainCheckError: string | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface PressContactEntity {
  id: string;
  position: number;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
}

export interface MediaKitEntryEntity {
  id: string;
  position: number;
  mediaAssetId: string;
  caption: string;
  credit: string;
}

export interface RoomFields {
  slug: string;
  title: string;
  description: string;
  enabled: boolean;
  language: RoomLanguage;
  blogDigest: boolean;
  customDomain: string | null;
  domainChallenge: string | null;
  /** Set when the domain changed: it waits for verification again. */
  domainChanged: boolean;
}

export interface OrganizationFacts {
  name: string;
  locale: RoomLanguage;
  timezone: string;
}

const ROOM_COLUMNS = `organization_id AS "organizationId", id, slug, title, description, enabled, language, blog_digest AS "blogDigest",
  custom_domain AS "customDomain",
  domain_challenge AS "domainChallenge", domain_claimed_at AS "domainClaimedAt", domain_verified_at AS "domainVerifiedAt",
  domain_checked_at AS "domainCheckedAt", domain_check_error AS "domainCheckError", created_at AS "createdAt", updated_at AS "updatedAt",
  updated_by AS "updatedBy"`;

/** The only place that queries the press room's settings, contacts and media kit; always inside the unit of work's organisation. */
@Injectable()
export class PressRoomRepository {
  async find(uow: OrganizationUnitOfWork, lock = false): Promise<PressRoomEntity | null> {
    const [row] = await uow.query<PressRoomEntity>(
      `SELECT ${ROOM_COLUMNS} FROM press_rooms WHERE organization_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [uow.organizationId],
    );
    return row ?? null;
  }

  /**
   * Whether another organisation holds the slug or the domain ('SLUG', 'DOMAIN' or null), holding each address's
   * advisory lock until this transaction ends, so a concurrent claim of the same address waits and then sees this one.
   */
  async claim(uow: OrganizationUnitOfWork, slug: string | null, domain: string | null): Promise<'SLUG' | 'DOMAIN' | null> {
    const [row] = await uow.query<{ taken: 'SLUG' | 'DOMAIN' | null }>('SELECT socle_press_room_claim($1, $2) AS taken', [slug, domain]);
    return row?.taken ?? null;
  }

  async save(uow: OrganizationUnitOfWork, fields: RoomFields, by: string | null): Promise<PressRoomEntity> {
    const [row] = await uow.query<PressRoomEntity>(
      `INSERT INTO press_rooms (organization_id, slug, title, description, enabled, language, custom_domain, domain_challenge,
         domain_claimed_at, updated_by, blog_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END, $9, $11)
       ON CONFLICT (organization_id) DO UPDATE SET
         slug = EXCLUDED.slug, title = EXCLUDED.title, description = EXCLUDED.description, enabled = EXCLUDED.enabled,
         language = EXCLUDED.language, blog_digest = EXCLUDED.blog_digest, custom_domain = EXCLUDED.custom_domain, domain_challenge = EXCLUDED.domain_challenge,
         domain_claimed_at = CASE WHEN $10 THEN EXCLUDED.domain_claimed_at ELSE press_rooms.domain_claimed_at END,
         domain_verified_at = CASE WHEN $10 THEN NULL ELSE press_rooms.domain_verified_at END,
         domain_checked_at = CASE WHEN $10 THEN NULL ELSE press_rooms.domain_checked_at END,
         domain_check_error = CASE WHEN $10 THEN NULL ELSE press_rooms.domain_check_error END,
         updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING ${ROOM_COLUMNS}`,
      [
        uow.organizationId,
        fields.slug,
        fields.title,
        fields.description,
        fields.enabled,
        fields.language,
        fields.customDomain,
        fields.domainChallenge,
        by,
        fields.domainChanged,
        fields.blogDigest,
      ],
    );
    return row;
  }

  /** Records a verification attempt of `domain` (only while the room still claims it with this challenge); false when it moved meanwhile. */
  async recordDomainCheck(
    uow: OrganizationUnitOfWork,
    domain: string,
    challenge: string,
    outcome: { verified: boolean; error: string | null },
  ): Promise<boolean> {
    const changed = await uow.execute(
      `UPDATE press_rooms SET domain_checked_at = now(), domain_check_error = $4,
              domain_verified_at = CASE WHEN $5 THEN coalesce(domain_verified_at, now()) ELSE NULL END, updated_at = now()
        WHERE organization_id = $1 AND custom_domain = $2 AND domain_challenge = $3`,
      [uow.organizationId, domain, challenge, outcome.error, outcome.verified],
    );
    return changed > 0;
  }

  contacts(uow: OrganizationUnitOfWork): Promise<PressContactEntity[]> {
    return uow.query<PressContactEntity>(
      `SELECT id, position, name, role, email, phone FROM press_room_contacts WHERE organization_id = $1 ORDER BY position`,
      [uow.organizationId],
    );
  }

  async replaceContacts(uow: OrganizationUnitOfWork, contacts: readonly Omit<PressContactEntity, 'id' | 'position'>[]): Promise<void> {
    await uow.execute('DELETE FROM press_room_contacts WHERE organization_id = $1', [uow.organizationId]);
    if (contacts.length === 0) return;
    await uow.execute(
      `INSERT INTO press_room_contacts (organization_id, position, name, role, email, phone)
       SELECT $1, c.position, c.name, c.role, c.email, c.phone
         FROM jsonb_to_recordset($2::jsonb) AS c (position int, name text, role text, email text, phone text)`,
      [uow.organizationId, JSON.stringify(contacts.map((c, position) => ({ ...c, position })))],
    );
  }

  mediaKit(uow: OrganizationUnitOfWork): Promise<MediaKitEntryEntity[]> {
    return uow.query<MediaKitEntryEntity>(
      `SELECT id, position, media_asset_id AS "mediaAssetId", caption, credit FROM press_room_media WHERE organization_id = $1 ORDER BY position`,
      [uow.organizationId],
    );
  }

  async replaceMediaKit(uow: OrganizationUnitOfWork, entries: readonly Omit<MediaKitEntryEntity, 'id' | 'position'>[]): Promise<void> {
    await uow.execute('DELETE FROM press_room_media WHERE organization_id = $1', [uow.organizationId]);
    if (entries.length === 0) return;
    await uow.execute(
      `INSERT INTO press_room_media (organization_id, position, media_asset_id, caption, credit)
       SELECT $1, e.position, e.media_asset_id, e.caption, e.credit
         FROM jsonb_to_recordset($2::jsonb) AS e (position int, media_asset_id uuid, caption text, credit text)`,
      [
        uow.organizationId,
        JSON.stringify(entries.map((e, position) => ({ position, media_asset_id: e.mediaAssetId, caption: e.caption, credit: e.credit }))),
      ],
    );
  }

  /** Whether the asset is in the room's media kit. */
  async inMediaKit(uow: OrganizationUnitOfWork, assetId: string): Promise<boolean> {
    const [row] = await uow.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM press_room_media WHERE organization_id = $1 AND media_asset_id = $2',
      [uow.organizationId, assetId],
    );
    return row.n > 0;
  }

  /** The organisation's name, language and time zone (for pages and mails). */
  async organization(uow: OrganizationUnitOfWork): Promise<OrganizationFacts> {
    const [row] = await uow.query<OrganizationFacts>('SELECT name, locale, timezone FROM organizations WHERE id = $1', [
      uow.organizationId,
    ]);
    return { name: row?.name ?? '', locale: row?.locale === 'en' ? 'en' : 'fr', timezone: row?.timezone ?? 'UTC' };
  }

  // ------------------------------------------------------------------ before any tenant (SECURITY DEFINER look-ups)

  /** The organisation of the enabled room at this public slug, or null. */
  async organizationAtSlug(uow: UnitOfWork, slug: string): Promise<string | null> {
    const [row] = await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_press_room_by_slug($1)', [slug]);
    return row?.organization_id ?? null;
  }

  /** The organisation of the enabled room whose verified custom domain is `host`, or null. */
  async organizationAtHost(uow: UnitOfWork, host: string): Promise<string | null> {
    const [row] = await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_press_room_by_host($1)', [host]);
    return row?.organization_id ?? null;
  }

  /** Every verified custom domain (at most `limit`), of enabled rooms or not. */
  async verifiedHosts(uow: UnitOfWork, limit: number): Promise<string[]> {
    const rows = await uow.query<{ host: string }>('SELECT host FROM socle_press_room_hosts($1)', [limit]);
    return rows.map((r) => r.host);
  }
}
