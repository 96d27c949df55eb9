import type { ModulePart } from '@socle/platform-database';
import { MentionAuthors1765000000000 } from '../migrations/1765000000000-mention-authors';
import { MentionAuthorRepository } from './authors.repository';
import { MentionAuthorResolver } from './authors.resolver';
import { MentionAuthorService } from './authors.service';

/** Mention authors: ranked by influence over a window, tagged and annotated by people. Reads the listening part's mentions. */
export const AUTHORS_PART: ModulePart = {
  entities: [],
  migrations: [MentionAuthors1765000000000],
  providers: [MentionAuthorRepository, MentionAuthorService],
  resolvers: [MentionAuthorResolver],
  workers: [],
  exports: [MentionAuthorService],
};
