import { clampScore, EvidenceContext, EvidenceDefinition, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const PRESS_ROOM_LIVE_KEY = 'pressRoom.live';
export const PRESS_ROOM_RECENT_RELEASES_KEY = 'pressRoom.recentReleases';
export const PRESS_ROOM_SUBSCRIBERS_KEY = 'pressRoom.newsletterSubscribers';

/** The window of recent releases, in days, and how many make the full score (one every two weeks). */
export const RECENT_RELEASES_DAYS = 30;
export const RECENT_RELEASES_TARGET = 2;
/** Confirmed newsletter subscribers that make the full score: an audience of journalists and influencers of its own. */
export const SUBSCRIBERS_TARGET = 25;

export const PRESS_ROOM_EVIDENCE: readonly EvidenceDefinition[] = [
  {
    key: PRESS_ROOM_LIVE_KEY,
    title: { en: 'Press room live', fr: 'Salle de presse en ligne' },
    description: {
      en: 'The hosted press room is enabled and shows at least one public release (½ when it is enabled with nothing public yet, or holds releases but is off).',
      fr: 'La salle de presse hébergée est activée et montre au moins un communiqué public (½ quand elle est activée sans rien de public, ou contient des communiqués mais est désactivée).',
    },
    source: 'seed 000, §2 (salle de presse virtuelle); seed 002, step 3',
  },
  {
    key: PRESS_ROOM_RECENT_RELEASES_KEY,
    title: { en: 'Releases in the last 30 days', fr: 'Communiqués des 30 derniers jours' },
    description: {
      en: `Releases made public in the last ${RECENT_RELEASES_DAYS} days (not withdrawn): ${RECENT_RELEASES_TARGET} make the full score.`,
      fr: `Communiqués rendus publics sur les ${RECENT_RELEASES_DAYS} derniers jours (non retirés) : ${RECENT_RELEASES_TARGET} donnent la note entière.`,
    },
    source: 'seed 000, §2 (salle de presse virtuelle); seed 002, step 7',
  },
  {
    key: PRESS_ROOM_SUBSCRIBERS_KEY,
    title: { en: 'Newsletter subscribers', fr: 'Abonnés à l’infolettre' },
    description: {
      en: `Confirmed subscribers of the press room's newsletter (double opt-in): ${SUBSCRIBERS_TARGET} make the full score.`,
      fr: `Abonnés confirmés de l’infolettre de la salle de presse (double consentement) : ${SUBSCRIBERS_TARGET} donnent la note entière.`,
    },
    source: 'seed 000, §2 (infolettre); seed 002, step 7',
  },
];

export interface PressRoomEvidenceRow {
  has_room: boolean;
  enabled: boolean;
  public_releases: number;
  recent_releases: number;
  confirmed: number;
}

/** The three keys' facts in one statement: the room, its public and recent releases, its confirmed subscribers. */
export const PRESS_ROOM_EVIDENCE_SQL = `
  SELECT (r.organization_id IS NOT NULL) AS has_room, coalesce(r.enabled, false) AS enabled,
         (SELECT count(*)::int FROM press_releases p
           WHERE p.organization_id = $1 AND p.withdrawn_at IS NULL AND p.publish_at <= $2::timestamptz) AS public_releases,
         (SELECT count(*)::int FROM press_releases p
           WHERE p.organization_id = $1 AND p.withdrawn_at IS NULL AND p.publish_at <= $2::timestamptz
             AND p.publish_at > $2::timestamptz - $3::int * interval '1 day') AS recent_releases,
         (SELECT count(*)::int FROM newsletter_subscribers s WHERE s.organization_id = $1 AND s.state = 'CONFIRMED') AS confirmed
    FROM (SELECT $1::uuid AS id) o LEFT JOIN press_rooms r ON r.organization_id = o.id`;

/** Pure: the three results from the row. */
export function pressRoomEvidence(row: PressRoomEvidenceRow): Record<string, EvidenceResult> {
  const live = row.enabled && row.public_releases > 0;
  const liveScore = live ? 1 : row.enabled || row.public_releases > 0 ? 0.5 : 0;
  const liveText = !row.has_room
    ? { en: 'No press room yet.', fr: 'Pas encore de salle de presse.' }
    : live
      ? {
          en: `The press room is online with ${row.public_releases} public release${row.public_releases > 1 ? 's' : ''}.`,
          fr: `La salle de presse est en ligne avec ${row.public_releases} communiqué${row.public_releases > 1 ? 's' : ''} public${row.public_releases > 1 ? 's' : ''}.`,
        }
      : row.enabled
        ? {
            en: 'The press room is online but shows no release yet.',
            fr: 'La salle de presse est en ligne mais ne montre encore aucun communiqué.',
          }
        : { en: 'The press room is set up but switched off.', fr: 'La salle de presse est prête mais désactivée.' };
  return {
    [PRESS_ROOM_LIVE_KEY]: { value: live, score: liveScore, explanation: liveText },
    [PRESS_ROOM_RECENT_RELEASES_KEY]: {
      value: row.recent_releases,
      score: clampScore(row.recent_releases / RECENT_RELEASES_TARGET),
      explanation: {
        en: `${row.recent_releases} release${row.recent_releases === 1 ? '' : 's'} made public in the last ${RECENT_RELEASES_DAYS} days (${RECENT_RELEASES_TARGET} make the full score).`,
        fr: `${row.recent_releases} communiqué${row.recent_releases > 1 ? 's' : ''} rendu${row.recent_releases > 1 ? 's' : ''} public${row.recent_releases > 1 ? 's' : ''} sur les ${RECENT_RELEASES_DAYS} derniers jours (${RECENT_RELEASES_TARGET} donnent la note entière).`,
      },
    },
    [PRESS_ROOM_SUBSCRIBERS_KEY]: {
      value: row.confirmed,
      score: clampScore(row.confirmed / SUBSCRIBERS_TARGET),
      explanation: {
        en: `${row.confirmed} confirmed newsletter subscriber${row.confirmed === 1 ? '' : 's'} (${SUBSCRIBERS_TARGET} make the full score).`,
        fr: `${row.confirmed} abonné${row.confirmed > 1 ? 's' : ''} confirmé${row.confirmed > 1 ? 's' : ''} à l’infolettre (${SUBSCRIBERS_TARGET} donnent la note entière).`,
      },
    },
  };
}

/** The press room's evidence: the room live, releases in the last 30 days, confirmed newsletter subscribers. */
export const pressRoomEvidenceProvider: EvidenceProvider = {
  module: 'pressRoom',
  definitions: PRESS_ROOM_EVIDENCE,
  async compute(ctx: EvidenceContext): Promise<Record<string, EvidenceResult>> {
    const [row] = await ctx.uow.query<PressRoomEvidenceRow>(PRESS_ROOM_EVIDENCE_SQL, [ctx.organizationId, ctx.at, RECENT_RELEASES_DAYS]);
    return pressRoomEvidence(row);
  },
};
