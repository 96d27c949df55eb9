import type { PolicyKind, PolicyVersionStatus } from '../../gql/graphql';
import type { MessageKey } from '../../i18n/messages';

export const POLICY_KINDS: PolicyKind[] = ['EDITORIAL_POLICY', 'USAGE_GUIDE', 'PERSONAL_USE', 'COMMENT_HANDLING', 'CODE_OF_CONDUCT'];

export const kindKey = (kind: PolicyKind): MessageKey => `policies.kind.${kind}` as MessageKey;
export const statusKey = (status: PolicyVersionStatus): MessageKey => `policies.status.${status}` as MessageKey;

/** Dark shades, with outline badges, so text keeps a contrast of at least 4.5:1 (light badges do not). */
export const STATUS_COLOR: Record<PolicyVersionStatus, string> = {
  DRAFT: 'gray.8',
  IN_REVIEW: 'orange.9',
  APPROVED: 'blue.9',
  PUBLISHED: 'teal.9',
  SUPERSEDED: 'dark.7',
};
