/**
 * Policy documents and their versions as plain data: the kinds of seed 002
 * ("Création des politiques") and seed 001 (the code of conduct), the states a
 * version goes through and the transitions between them. No framework here, so
 * the rules are tested on their own.
 */

export const POLICY_KINDS = ['USAGE_GUIDE', 'EDITORIAL_POLICY', 'COMMENT_HANDLING', 'PERSONAL_USE', 'CODE_OF_CONDUCT'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/**
 * The four policies seed 002 step 5 asks for (A usage guide, B editorial policy,
 * C comment handling, D personal use); step 5 of the roadmap is done when all four are approved.
 */
export const FOUR_STEP5_KINDS: readonly PolicyKind[] = ['USAGE_GUIDE', 'EDITORIAL_POLICY', 'COMMENT_HANDLING', 'PERSONAL_USE'];

export const POLICY_LANGUAGES = ['fr', 'en'] as const;
export type PolicyLanguage = (typeof POLICY_LANGUAGES)[number];

export const POLICY_VERSION_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'SUPERSEDED'] as const;
export type PolicyVersionStatus = (typeof POLICY_VERSION_STATUSES)[number];

/** A status in which a version is still being worked on: at most one per policy. */
export const OPEN_STATUSES: readonly PolicyVersionStatus[] = ['DRAFT', 'IN_REVIEW', 'APPROVED'];

export type PolicyAction = 'SUBMIT' | 'RETURN' | 'APPROVE' | 'PUBLISH' | 'SUPERSEDE';

/** from -> to for each action. Anything else is an invalid transition. */
export const TRANSITIONS: Readonly<Record<PolicyAction, { from: PolicyVersionStatus; to: PolicyVersionStatus }>> = {
  SUBMIT: { from: 'DRAFT', to: 'IN_REVIEW' },
  RETURN: { from: 'IN_REVIEW', to: 'DRAFT' },
  APPROVE: { from: 'IN_REVIEW', to: 'APPROVED' },
  PUBLISH: { from: 'APPROVED', to: 'PUBLISHED' },
  SUPERSEDE: { from: 'PUBLISHED', to: 'SUPERSEDED' },
};

/** The status after `action`, or null when `action` is not allowed from `status`. */
export function nextStatus(status: PolicyVersionStatus, action: PolicyAction): PolicyVersionStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from === status ? transition.to : null;
}

/** Only a draft's title and sections can change; every later state is frozen (the database enforces it too). */
export function isEditable(status: PolicyVersionStatus): boolean {
  return status === 'DRAFT';
}

export interface PolicySection {
  /** Stable key of the section, e.g. "who"; unique within a version. */
  key: string;
  title: string;
  body: string;
}

/** Readable names, for messages and evidence explanations. */
export const KIND_NAMES: Readonly<Record<PolicyKind, { en: string; fr: string }>> = {
  USAGE_GUIDE: { en: 'usage guide', fr: 'guide d’utilisation' },
  EDITORIAL_POLICY: { en: 'editorial policy', fr: 'politique éditoriale' },
  COMMENT_HANDLING: { en: 'comment-handling policy', fr: 'politique de gestion des commentaires' },
  PERSONAL_USE: { en: 'personal-use policy', fr: 'politique d’usage personnel' },
  CODE_OF_CONDUCT: { en: 'code of conduct', fr: 'charte de bonne conduite' },
};

export const STATUS_NAMES: Readonly<Record<PolicyVersionStatus | 'NONE', { en: string; fr: string }>> = {
  NONE: { en: 'not started', fr: 'pas commencée' },
  DRAFT: { en: 'still a draft', fr: 'encore un brouillon' },
  IN_REVIEW: { en: 'in review', fr: 'en relecture' },
  APPROVED: { en: 'approved', fr: 'approuvée' },
  PUBLISHED: { en: 'published', fr: 'publiée' },
  SUPERSEDED: { en: 'superseded', fr: 'remplacée' },
};
