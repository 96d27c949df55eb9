/**
 * A maturity model's content: plain JSON-serialisable data an agency edits,
 * exports and imports. Published versions are immutable; an assessment keeps
 * the version it was made with.
 */

import type { LocalisedText } from '@socle/platform-evidence';

/** Words shown to people, in both product languages (the platform's `LocalisedText`). */
export type Localised = LocalisedText;

/** One of the five levels; `minScore` (0..100) is where the level starts. Thresholds strictly increase. */
export interface MaturityLevel {
  number: number;
  name: Localised;
  description: Localised;
  minScore: number;
}

/** One answer of a declarative criterion's scale, with what it means written out. */
export interface ScaleOption {
  /** Stable value stored with the answer, e.g. 0..4. */
  value: number;
  /** Normalised 0..1. */
  score: number;
  label: Localised;
  meaning: Localised;
}

interface CriterionBase {
  /** Unique within the model, e.g. "strategy.objectives-measurable". */
  key: string;
  title: Localised;
  /** Positive; relative to the other criteria of the dimension. */
  weight: number;
  /** Which source document of the method the criterion comes from, e.g. "seed 002, step 2". */
  source: string;
  /** The next action recommended when the criterion scores low. */
  recommendation: Localised;
  /** The integration roadmap step (1..10) that addresses it. */
  roadmapStep?: number;
}

export interface DeclarativeCriterion extends CriterionBase {
  kind: 'DECLARATIVE';
  question: Localised;
  scale: ScaleOption[];
}

export interface EvidenceCriterion extends CriterionBase {
  kind: 'EVIDENCE';
  /** A key of the evidence registry, e.g. "policies.fourKindsApproved". */
  evidenceKey: string;
  /**
   * The evidence that the organisation does what `evidenceKey` sets up, over a
   * rolling window (e.g. "community.listeningPractice" for "strategy.competitorsDefined").
   * With it, set-up alone scores at most `setupCap` (see `combineSetupAndPractice`).
   */
  practiceEvidenceKey?: string;
  /** 0..1: the most set-up alone can score when `practiceEvidenceKey` is given. Default `DEFAULT_SETUP_CAP` (0.4). */
  setupCap?: number;
}

export type Criterion = DeclarativeCriterion | EvidenceCriterion;

export interface Dimension {
  key: string;
  title: Localised;
  description: Localised;
  /** Positive; relative to the other dimensions. */
  weight: number;
  criteria: Criterion[];
}

export interface MaturityModelContent {
  name: Localised;
  description: Localised;
  levels: MaturityLevel[];
  dimensions: Dimension[];
}
