import { WebhookEvents } from '@socle/platform-webhooks';
import type { ModulePart } from '@socle/platform-database';
import { Listening1764900000000 } from '../migrations/1764900000000-listening';
import { ListeningRunWeeks1765000001500 } from '../migrations/1765000001500-listening-run-weeks';
import { MentionMatchesCheckedPerStatement1765000000400 } from '../migrations/1765000000400-mention-matches-checked-per-statement';
import { MentionSearch1765000000100 } from '../migrations/1765000000100-mention-search';
import { MentionAnalyticsResolver, MentionAnalyticsService, MentionSearchRepository } from './analytics';
import { ListeningScheduler, RunListeningQueryJob } from './listening.job';
import { ListeningRepository } from './listening.repository';
import { ListeningResolver } from './listening.resolver';
import { ListeningService } from './listening.service';
import { MentionEnricher } from './mention-enricher';

/** Listening: queries, the mentions they find, and the job that fetches them. */
export const LISTENING_PART: ModulePart = {
  entities: [],
  migrations: [
    Listening1764900000000,
    MentionSearch1765000000100,
    MentionMatchesCheckedPerStatement1765000000400,
    ListeningRunWeeks1765000001500,
  ],
  providers: [ListeningRepository, ListeningScheduler, ListeningService, MentionEnricher, MentionSearchRepository, MentionAnalyticsService],
  resolvers: [ListeningResolver, MentionAnalyticsResolver],
  workers: [RunListeningQueryJob, WebhookEvents],
  exports: [ListeningRepository, ListeningScheduler, ListeningService, MentionEnricher, MentionSearchRepository, MentionAnalyticsService],
};
