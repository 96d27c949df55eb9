/** A LIKE / ILIKE pattern matching `text` anywhere, its wildcards (`%`, `_`) and backslashes escaped so they match themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
