import type { CompiledQuery, MatchableMention, PreparedMention } from './types';
import { parseListeningQuery } from './parse';

export function prepareMention(mention: MatchableMention): PreparedMention {
  throw new Error(`not implemented ${mention.source}`);
}

export function compileListeningQuery(text: string): CompiledQuery {
  parseListeningQuery(text);
  throw new Error('not implemented');
}
