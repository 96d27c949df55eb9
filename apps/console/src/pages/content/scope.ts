import { createContext, useContext } from 'react';
import type { OperationContext } from 'urql';

/**
 * Where the content area's components act: the organisation, its time zone and operation context. The content page
 * provides it; another page that reuses one of them (the press room, for the media picker) provides it too.
 */
export interface ContentScope {
  organizationId: string;
  timeZone: string;
  /** The operation context of this organisation (x-socle-organization). */
  context: Partial<OperationContext>;
  base: string;
}

const ScopeContext = createContext<ContentScope | null>(null);
export const ContentScopeProvider = ScopeContext.Provider;

export function useContentScope(): ContentScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useContentScope outside the content page');
  return scope;
}
