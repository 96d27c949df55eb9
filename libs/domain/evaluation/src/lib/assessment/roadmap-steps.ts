import { ROADMAP_STEPS } from '@socle/strategy';

/** The title of an integration roadmap step (seed 002), as the strategy module names it. */
export function roadmapStepTitle(step: number, locale: 'fr' | 'en'): string {
  const found = ROADMAP_STEPS.find((s) => s.number === step);
  return found ? found.title[locale] : locale === 'fr' ? `Étape ${step}` : `Step ${step}`;
}
