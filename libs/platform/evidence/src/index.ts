export {
  EvidenceContext,
  EvidenceDefinition,
  EvidenceProvider,
  EvidenceResult,
  EvidenceValue,
  LocalisedText,
  EvidenceRegistry,
  EvidenceModule,
  clampScore,
} from './lib/evidence';
