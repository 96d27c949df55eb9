export { ALERTS_PART } from './alerts.part';
export { AlertStatusEnum } from './alerts.dto';
export { AlertsService, AlertEvaluation, AlertRaisedListener } from './alerts.service';
export { AlertsRepository } from './alerts.repository';
export { AlertsScheduler, EvaluateAlertsJob, ALERTS_QUEUE, EVALUATE_ALERTS_JOB } from './alerts.jobs';
export { CrisisPauseGateway, CrisisPauseSubscriber } from './crisis-pause';
export {
  ALERT_KINDS,
  ALERT_STATUSES,
  ALERT_TRANSITIONS,
  ALERT_MENTIONS_CAP,
  ALERT_TRANSITION_NOT_ALLOWED,
  ALERT_ACTION_UNAVAILABLE,
  Alert,
  AlertKind,
  AlertStatus,
  AlertSettings,
  SpikeMeasure,
} from './alerts.types';
export {
  ALERT_SENSITIVITIES,
  AlertSensitivity,
  DEFAULT_SPIKE_SETTINGS,
  SENSITIVITY_Z,
  SPIKE_SETTING_BOUNDS,
  SpikeSettings,
  SpikeVerdict,
  baselineOf,
  judgeNegativeSpike,
  spikeWindows,
} from './spike-rule';
