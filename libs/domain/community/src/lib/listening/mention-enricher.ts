import { Injectable } from '@nestjs/common';
import type { SentimentLabel } from './listening.entities';
import { createSentimentAnalyser, detectLanguage, type SentimentAnalyser } from './sentiment';

/** What the listening job adds to a mention before it is matched and stored. */
export interface Enrichment {
  language: string | null;
  sentimentScore: number | null;
  sentimentLabel: SentimentLabel | null;
}

/**
 * Language (the network's own tag when it gives one, else detected) and
 * sentiment (French and English; other languages stay unscored: null), both
 * computed locally and synchronously once the analyser is loaded.
 */
@Injectable()
export class MentionEnricher {
  private analyser: Promise<SentimentAnalyser> | null = null;

  async enrich(text: string, networkLanguage: string | undefined | null): Promise<Enrichment> {
    const tag = normaliseLanguage(networkLanguage);
    const language = tag ?? detectLanguage(text);
    const base = language?.split('-')[0];
    if (base !== 'fr' && base !== 'en') return { language, sentimentScore: null, sentimentLabel: null };
    this.analyser ??= createSentimentAnalyser();
    const sentiment = (await this.analyser).score(text, base);
    return { language, sentimentScore: Math.max(-1, Math.min(1, sentiment.score)), sentimentLabel: sentiment.label };
  }
}

/** A BCP 47 tag as networks send it, lower case, or null when it is not one. */
export function normaliseLanguage(tag: string | undefined | null): string | null {
  if (!tag) return null;
  const value = tag.trim().replace(/_/g, '-').toLowerCase();
  return /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/.test(value) ? value : null;
}
