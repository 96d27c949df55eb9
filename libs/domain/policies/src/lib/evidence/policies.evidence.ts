import { EvidenceContext, EvidenceDefinition, EvidenceProvider, EvidenceResult, LocalisedText } from '@socle/platform-evidence';
import { FOUR_STEP5_KINDS, KIND_NAMES, POLICY_KINDS, PolicyKind, PolicyLanguage } from '../documents/policy-model';
import { policyTemplate } from '../templates/policy-templates';
import { policyWords, wordDistance } from './template-distance';

export const EDITED_FROM_TEMPLATE_KEY = 'policies.editedFromTemplate';
export const ACKNOWLEDGED_SHARE_KEY = 'policies.acknowledgedShare';
/**
 * Distance from the template (share of words changed, see `wordDistance`) at
 * which a published policy counts as fully the organisation's own; below it,
 * in proportion. A policy equal to its template scores 0.
 */
export const ADAPTED_DISTANCE = 0.3;

/** Evidence key of each kind's own state. */
export const KIND_EVIDENCE_KEYS: Readonly<Record<PolicyKind, string>> = {
  USAGE_GUIDE: 'policies.usageGuide',
  EDITORIAL_POLICY: 'policies.editorialPolicy',
  COMMENT_HANDLING: 'policies.commentHandling',
  PERSONAL_USE: 'policies.personalUse',
  CODE_OF_CONDUCT: 'policies.codeOfConduct',
};

/** Best state reached by a kind: 4 published, 3 approved, 2 in review, 1 draft, 0 none. */
type Rank = 0 | 1 | 2 | 3 | 4;
const RANK_SCORE: Record<Rank, number> = { 0: 0, 1: 0.25, 2: 0.25, 3: 0.75, 4: 1 };
/** French agreement: the usage guide is masculine, the other kinds feminine. */
const RANK_NAMES: Record<Rank, { en: string; fr: [masculine: string, feminine: string] }> = {
  0: { en: 'has not been started', fr: ['n’est pas commencé', 'n’est pas commencée'] },
  1: { en: 'is still a draft', fr: ['est encore un brouillon', 'est encore un brouillon'] },
  2: { en: 'is in review', fr: ['est en relecture', 'est en relecture'] },
  3: { en: 'is approved but not published', fr: ['est approuvé mais pas publié', 'est approuvée mais pas publiée'] },
  4: { en: 'is published', fr: ['est publié', 'est publiée'] },
};
const rankName = (r: Rank, kind: PolicyKind): LocalisedText => ({
  en: RANK_NAMES[r].en,
  fr: RANK_NAMES[r].fr[kind === 'USAGE_GUIDE' ? 0 : 1],
});
const RANK_VALUE: Record<Rank, string> = { 0: 'NONE', 1: 'DRAFT', 2: 'IN_REVIEW', 3: 'APPROVED', 4: 'PUBLISHED' };

const SEED_STEP5 = 'seed 002, step 5 (Création des politiques)';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const the = (kind: PolicyKind): LocalisedText => ({
  en: `the ${KIND_NAMES[kind].en}`,
  fr: `${kind === 'USAGE_GUIDE' ? 'le' : 'la'} ${KIND_NAMES[kind].fr}`,
});

export const POLICIES_EVIDENCE: readonly EvidenceDefinition[] = [
  ...POLICY_KINDS.map((kind) => ({
    key: KIND_EVIDENCE_KEYS[kind],
    title: { en: capitalise(KIND_NAMES[kind].en), fr: capitalise(KIND_NAMES[kind].fr) },
    description: {
      en: `State of the ${KIND_NAMES[kind].en}: 1 published, 0.75 approved, 0.25 in review or draft, 0 none.`,
      fr: `État ${kind === 'USAGE_GUIDE' ? 'du' : 'de la'} ${KIND_NAMES[kind].fr} : 1 publiée, 0,75 approuvée, 0,25 en relecture ou brouillon, 0 aucune.`,
    },
    source: kind === 'CODE_OF_CONDUCT' ? 'seed 001, §3 (chartes de bonne conduite)' : SEED_STEP5,
  })),
  {
    key: 'policies.fourKindsApproved',
    title: { en: 'The four policies approved', fr: 'Les quatre politiques approuvées' },
    description: {
      en: 'Share of the four policies of seed 002 step 5 (usage guide, editorial, comment handling, personal use) approved or published.',
      fr: 'Part des quatre politiques de l’étape 5 (guide d’utilisation, éditoriale, gestion des commentaires, usage personnel) approuvées ou publiées.',
    },
    source: SEED_STEP5,
  },
  {
    key: 'policies.acknowledged',
    title: { en: 'Policies known by all', fr: 'Politiques connues de tous' },
    description: {
      en: 'Share of the expected acknowledgements (each current member × each published policy) that were given.',
      fr: 'Part des prises de connaissance attendues (chaque membre actuel × chaque politique publiée) qui ont été confirmées.',
    },
    source: `${SEED_STEP5}: « doit être connue de tous »`,
  },
  {
    key: EDITED_FROM_TEMPLATE_KEY,
    title: { en: 'Policies written for the organisation', fr: 'Politiques écrites pour l’organisation' },
    description: {
      en: `Per published policy, how far its text moved from the template of its kind (share of words changed); ${Math.round(ADAPTED_DISTANCE * 100)}% or more counts in full, a policy equal to the template counts 0; averaged over the published policies.`,
      fr: `Pour chaque politique publiée, combien son texte s’écarte du modèle de son type (part des mots changés) ; ${Math.round(ADAPTED_DISTANCE * 100)} % ou plus compte en entier, une politique identique au modèle compte 0 ; moyenne sur les politiques publiées.`,
    },
    source: `${SEED_STEP5}; seed 001, §3`,
  },
  {
    key: ACKNOWLEDGED_SHARE_KEY,
    title: { en: 'Members who read every policy', fr: 'Membres qui ont lu toutes les politiques' },
    description: {
      en: 'Share of the staff (the staff list when the organisation keeps one, else the current members) who acknowledged every published policy in its published version.',
      fr: 'Part de l’effectif (la liste du personnel quand l’organisation en tient une, sinon les membres actuels) qui a confirmé avoir lu chaque politique publiée, dans sa version publiée.',
    },
    source: `${SEED_STEP5}: « doit être connue de tous »`,
  },
  {
    key: 'policies.commentRules',
    title: { en: 'Comment-handling rules defined', fr: 'Règles de gestion des commentaires définies' },
    description: {
      en: 'Response delays, responsible role and escalation are defined for at least one channel.',
      fr: 'Délais de réponse, rôle responsable et escalade sont définis pour au moins un canal.',
    },
    source: `${SEED_STEP5}, C (délai, par qui)`,
  },
  {
    key: 'policies.contentRules',
    title: { en: 'Content rules defined', fr: 'Règles de contenu définies' },
    description: {
      en: 'The organisation checks its drafts against content rules of its own (disclosures, links, hashtags, words…).',
      fr: 'L’organisation vérifie ses brouillons avec ses propres règles de contenu (mentions, liens, mots-dièse, mots…).',
    },
    source: 'seed 001, §3 (voix de la marque) and seed 002, step 5 B',
  },
];

interface Row {
  kinds: Partial<Record<PolicyKind, Rank>>;
  members: number;
  published: number;
  acknowledged: number;
  /** Members who acknowledged every published version. */
  members_acknowledged_all: number;
  /** The staff list (employees without an account, who acknowledge through a link): its current people, and those who acknowledged every published version. */
  staff?: number;
  staff_acknowledged_all?: number;
  comment_rules: number;
  comment_channels: number;
  content_rules: number | null;
}

/** All the keys in one statement, whatever the number of versions, members or acknowledgements. */
export const POLICIES_EVIDENCE_SQL = `
  WITH docs AS (
    SELECT d.kind, coalesce(max(CASE v.status WHEN 'PUBLISHED' THEN 4 WHEN 'APPROVED' THEN 3 WHEN 'IN_REVIEW' THEN 2 WHEN 'DRAFT' THEN 1 ELSE 0 END), 0) AS rank
      FROM policy_documents d LEFT JOIN policy_versions v ON v.organization_id = d.organization_id AND v.policy_id = d.id
     WHERE d.organization_id = $1 GROUP BY d.kind),
  published AS (SELECT id FROM policy_versions WHERE organization_id = $1 AND status = 'PUBLISHED'),
  members AS (SELECT user_id FROM organization_memberships WHERE organization_id = $1),
  staff AS (SELECT id FROM policy_staff WHERE organization_id = $1 AND removed_at IS NULL)
  SELECT (SELECT coalesce(jsonb_object_agg(kind, rank), '{}'::jsonb) FROM docs) AS kinds,
         (SELECT count(*)::int FROM members) AS members,
         (SELECT count(*)::int FROM published) AS published,
         (SELECT count(*)::int FROM policy_acknowledgements a JOIN published p ON p.id = a.version_id JOIN members m ON m.user_id = a.user_id
           WHERE a.organization_id = $1) AS acknowledged,
         (SELECT count(*)::int FROM members m
           WHERE NOT EXISTS (SELECT 1 FROM published p
                              WHERE NOT EXISTS (SELECT 1 FROM policy_acknowledgements a
                                                 WHERE a.organization_id = $1 AND a.version_id = p.id AND a.user_id = m.user_id))) AS members_acknowledged_all,
         (SELECT count(*)::int FROM comment_handling_rules WHERE organization_id = $1) AS comment_rules,
         (SELECT count(DISTINCT channel)::int FROM comment_handling_rules WHERE organization_id = $1) AS comment_channels,
         (SELECT jsonb_array_length(rules) FROM content_rule_sets WHERE organization_id = $1) AS content_rules,
         (SELECT count(*)::int FROM staff) AS staff,
         (SELECT count(*)::int FROM staff s
           WHERE NOT EXISTS (SELECT 1 FROM published p
                              WHERE NOT EXISTS (SELECT 1 FROM policy_acknowledgements a
                                                 WHERE a.organization_id = $1 AND a.version_id = p.id AND a.staff_id = s.id))) AS staff_acknowledged_all`;

/** The staff list's counts; absent when the organisation keeps no staff list. */
export interface StaffAcknowledged {
  staff: number;
  staff_acknowledged_all: number;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Computes every policies key from the one row of `POLICIES_EVIDENCE_SQL`. Pure. */
export function policiesEvidence(row: Row, staff?: StaffAcknowledged): Record<string, EvidenceResult> {
  const out: Record<string, EvidenceResult> = {};
  const rank = (kind: PolicyKind): Rank => row.kinds[kind] ?? 0;
  for (const kind of POLICY_KINDS) {
    const r = rank(kind);
    const name = the(kind);
    out[KIND_EVIDENCE_KEYS[kind]] = {
      value: RANK_VALUE[r],
      score: RANK_SCORE[r],
      explanation: { en: `${capitalise(name.en)} ${rankName(r, kind).en}.`, fr: `${capitalise(name.fr)} ${rankName(r, kind).fr}.` },
    };
  }

  const missing = FOUR_STEP5_KINDS.filter((k) => rank(k) < 3);
  const approved = FOUR_STEP5_KINDS.length - missing.length;
  const rest = (lang: 'en' | 'fr') => missing.map((k) => `${the(k)[lang]} ${rankName(rank(k), k)[lang]}`).join('; ');
  out['policies.fourKindsApproved'] = {
    value: approved,
    score: approved / FOUR_STEP5_KINDS.length,
    explanation: {
      en: `${approved} of ${FOUR_STEP5_KINDS.length} policy kinds approved${missing.length ? `; ${rest('en')}` : ''}.`,
      fr: `${approved} politique${approved > 1 ? 's' : ''} sur ${FOUR_STEP5_KINDS.length} approuvée${approved > 1 ? 's' : ''}${missing.length ? ` ; ${rest('fr')}` : ''}.`,
    },
  };

  const expected = row.members * row.published;
  const share = expected === 0 ? 0 : row.acknowledged / expected;
  out['policies.acknowledged'] = {
    value: share,
    score: share,
    explanation:
      row.published === 0
        ? {
            en: 'No policy is published yet: there is nothing to acknowledge.',
            fr: 'Aucune politique n’est encore publiée : rien à confirmer.',
          }
        : {
            en: `${row.acknowledged} of ${expected} acknowledgements given (${row.members} members × ${row.published} published ${row.published > 1 ? 'policies' : 'policy'}): ${pct(share)}.`,
            fr: `${row.acknowledged} prises de connaissance sur ${expected} (${row.members} membres × ${row.published} politique${row.published > 1 ? 's' : ''} publiée${row.published > 1 ? 's' : ''}) : ${pct(share)}.`,
          },
  };

  // The staff list when the organisation keeps one (every employee must know the policies), else the members.
  const byStaff = staff !== undefined && staff.staff > 0;
  const people = byStaff ? staff.staff : row.members;
  const readAll = byStaff ? staff.staff_acknowledged_all : row.members_acknowledged_all;
  const everyone = people === 0 ? 0 : readAll / people;
  const who = byStaff
    ? { en: 'staff', fr: ['personne de l’effectif', 'personnes de l’effectif'] }
    : { en: 'members', fr: ['membre', 'membres'] };
  out[ACKNOWLEDGED_SHARE_KEY] = {
    value: Math.round(everyone * 1000) / 1000,
    score: row.published === 0 ? 0 : everyone,
    explanation:
      row.published === 0
        ? {
            en: 'No policy is published yet: nobody can have read them.',
            fr: 'Aucune politique n’est encore publiée : personne n’a pu les lire.',
          }
        : {
            en: `${readAll} of ${people} ${who.en} acknowledged every published policy (${pct(everyone)}).`,
            fr: `${readAll} ${readAll > 1 ? who.fr[1] : who.fr[0]} sur ${people} ${readAll > 1 ? 'ont' : 'a'} confirmé avoir lu chaque politique publiée (${pct(everyone)}).`,
          },
  };

  out['policies.commentRules'] = {
    value: row.comment_rules,
    score: row.comment_rules > 0 ? 1 : 0,
    explanation:
      row.comment_rules > 0
        ? {
            en: `${row.comment_rules} comment-handling rules over ${row.comment_channels} channel(s).`,
            fr: `${row.comment_rules} règles de gestion des commentaires sur ${row.comment_channels} canal(aux).`,
          }
        : {
            en: 'No comment-handling rule: default delays apply.',
            fr: 'Aucune règle de gestion des commentaires : les délais par défaut s’appliquent.',
          },
  };

  const contentRules = row.content_rules ?? 0;
  out['policies.contentRules'] = {
    value: contentRules,
    score: contentRules > 0 ? 1 : 0,
    explanation:
      contentRules > 0
        ? {
            en: `${contentRules} content rule(s) check every draft.`,
            fr: `${contentRules} règle(s) de contenu vérifient chaque brouillon.`,
          }
        : {
            en: 'No content rule of its own: drafts are checked against the brand voice and network limits only.',
            fr: 'Aucune règle de contenu propre : les brouillons ne sont vérifiés que par la voix de la marque et les limites des réseaux.',
          },
  };
  return out;
}

/** A published policy's text, as `PUBLISHED_TEXTS_SQL` returns it. */
export interface PublishedText {
  kind: PolicyKind;
  language: PolicyLanguage;
  title: string;
  sections: unknown;
}

/** The published version of each policy (one per kind at most), with the kind and language that pick its template. */
export const PUBLISHED_TEXTS_SQL = `
  SELECT d.kind, d.language, v.title, v.sections
    FROM policy_versions v JOIN policy_documents d ON d.organization_id = v.organization_id AND d.id = v.policy_id
   WHERE v.organization_id = $1 AND v.status = 'PUBLISHED' ORDER BY d.kind`;

/** Pure: how far each published policy moved from its template, averaged; names those still close to it. */
export function editedFromTemplateEvidence(texts: readonly PublishedText[]): EvidenceResult {
  if (texts.length === 0) {
    return {
      value: null,
      score: 0,
      explanation: {
        en: 'No policy is published yet: there is no text to compare with the templates.',
        fr: 'Aucune politique n’est encore publiée : aucun texte à comparer aux modèles.',
      },
    };
  }
  const measured = texts.map((t) => {
    const template = policyTemplate(t.kind, t.language);
    const distance = template ? wordDistance(policyWords(t.title, t.sections), policyWords(template.title, template.sections)) : 1; // a kind or language without a template cannot be template text
    return { kind: t.kind, distance, score: Math.min(1, distance / ADAPTED_DISTANCE) };
  });
  const score = measured.reduce((sum, m) => sum + m.score, 0) / measured.length;
  const close = measured.filter((m) => m.score < 1);
  const meanDistance = measured.reduce((sum, m) => sum + m.distance, 0) / measured.length;
  const list = (lang: 'en' | 'fr') =>
    close.map((m) => `${the(m.kind)[lang]} (${pct(m.distance)}${lang === 'fr' ? ' de mots changés' : ' of words changed'})`).join('; ');
  return {
    value: Math.round(meanDistance * 1000) / 1000,
    score: Math.round(score * 1000) / 1000,
    explanation: close.length
      ? {
          en: `${measured.length - close.length} of ${measured.length} published policies are rewritten for the organisation; still close to the template: ${list('en')}.`,
          fr: `${measured.length - close.length} politique${measured.length - close.length > 1 ? 's' : ''} publiée${measured.length - close.length > 1 ? 's' : ''} sur ${measured.length} réécrite${measured.length - close.length > 1 ? 's' : ''} pour l’organisation ; encore proches du modèle : ${list('fr')}.`,
        }
      : {
          en: `All ${measured.length} published policies are rewritten for the organisation (on average ${pct(meanDistance)} of the template's words changed).`,
          fr: `Les ${measured.length} politiques publiées sont réécrites pour l’organisation (en moyenne ${pct(meanDistance)} des mots du modèle changés).`,
        },
  };
}

export const policiesEvidenceProvider: EvidenceProvider = {
  module: 'policies',
  definitions: POLICIES_EVIDENCE,
  async compute(ctx: EvidenceContext): Promise<Record<string, EvidenceResult>> {
    const [row] = await ctx.uow.prepared<Row>('evidence_policies', POLICIES_EVIDENCE_SQL, [ctx.organizationId]);
    const texts = await ctx.uow.prepared<PublishedText>('evidence_policy_texts', PUBLISHED_TEXTS_SQL, [ctx.organizationId]);
    const staff: StaffAcknowledged = { staff: row.staff ?? 0, staff_acknowledged_all: row.staff_acknowledged_all ?? 0 };
    return { ...policiesEvidence(row, staff), [EDITED_FROM_TEMPLATE_KEY]: editedFromTemplateEvidence(texts) };
  },
};
