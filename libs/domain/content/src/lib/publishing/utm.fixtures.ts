import { utmTagsFor } from './utm';

/** The tags of one Mastodon publication, for the UTM tests (utm.spec.ts and utm.growth-spec.ts). */
export const TAGS = utmTagsFor({
  network: 'mastodon',
  campaign: 'Rentrée 2026 : Pains & Viennoiseries',
  theme: 'ignored',
  variantId: '3f2a9c1e-0000-4000-8000-000000000001',
});
