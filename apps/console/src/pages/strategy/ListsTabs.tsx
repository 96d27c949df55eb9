/** The strategy's lists and its brand voice, each tab in its own file with its forms. */
export { AudiencesTab } from './SegmentsTab';
export { NetworksTab } from './PlansTab';
export { CompetitorsTab } from './CompetitorsTab';
export { BrandVoiceTab } from './BrandVoiceTab';
