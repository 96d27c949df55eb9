import type { AlertSensitivity, SpikeSettings } from './spike-rule';

export const ALERT_KINDS = ['NEGATIVE_SPIKE'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The workflow (a trigger holds it a second time). */
export const ALERT_TRANSITIONS: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  OPEN: ['ACKNOWLEDGED', 'RESOLVED'],
  ACKNOWLEDGED: ['RESOLVED'],
  RESOLVED: [],
};

/** `extensions.reason` of the alerts' refusals. */
export const ALERT_TRANSITION_NOT_ALLOWED = 'ALERT_TRANSITION_NOT_ALLOWED';
export const ALERT_ACTION_UNAVAILABLE = 'ALERT_ACTION_UNAVAILABLE';

/** Mentions kept behind one alert: the most reached, then the newest. */
export const ALERT_MENTIONS_CAP = 100;

export interface AlertSettings extends SpikeSettings {
  enabled: boolean;
  lastEvaluatedAt: Date | null;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface Alert {
  id: string;
  kind: AlertKind;
  status: AlertStatus;
  windowStart: Date;
  windowEnd: Date;
  observedCount: number;
  baselineMean: number;
  baselineStddev: number;
  baselineDays: number;
  threshold: number;
  ratio: number;
  sensitivity: AlertSensitivity;
  /** Evaluations that found the spike still there (1 when raised). */
  detections: number;
  lastDetectedAt: Date;
  mentionCount: number;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  note: string | null;
  publishingPausedBy: string | null;
  publishingPausedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What one evaluation measured, written as a new alert or onto the unresolved one. */
export interface SpikeMeasure {
  windowStart: Date;
  windowEnd: Date;
  observedCount: number;
  baselineMean: number;
  baselineStddev: number;
  baselineDays: number;
  threshold: number;
  ratio: number;
  sensitivity: AlertSensitivity;
}
