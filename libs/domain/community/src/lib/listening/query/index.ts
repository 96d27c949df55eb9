export { ListeningQueryError } from './types';
export type { CompiledQuery, MatchableMention, NetworkSearch, PreparedMention, QueryNode } from './types';
export { foldText } from './fold';
export { parseListeningQuery, LISTENING_QUERY_LIMITS, LISTENING_SOURCES } from './parse';
export { compileListeningQuery, prepareMention } from './compile';
