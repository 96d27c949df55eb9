export { AUTHORS_PART } from './authors.part';
export { MentionAuthorService, DEFAULT_WINDOW_DAYS, type AuthorRankInput } from './authors.service';
export { MentionAuthorRepository, type MentionAuthorRow, type AuthorRankFilter, type AuthorRankKey } from './authors.repository';
export * from './influence';
