import { Badge } from '@mantine/core';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { OperationContext } from 'urql';
import { inOrganization } from '../../client';
import { SecretOnceDialog } from '../../components/SecretOnceDialog';
import { useAgencyManager, useWorkspace } from '../../components/workspace';
import { useT } from '../../i18n/locale';
import { AGENCY_LEVEL, ORGANIZATION_LEVEL, type WebhookLevel } from './operations';

/** Where the webhook pages act: the agency (its endpoints get every client's events) or one client organisation. */
export interface WebhookScope {
  level: WebhookLevel;
  /** The client's header on every operation; none for the agency. */
  context: Partial<OperationContext> | undefined;
  /** The client's time zone for its dates; the agency has none. */
  timeZone: string | undefined;
  /** Whether the person's roles let them manage these endpoints (the API checks again on every operation). */
  canManage: boolean;
  title: string;
  subtitle: string;
  readOnlyNote: string;
  /** The endpoints page; an endpoint's delivery log is under it. */
  basePath: string;
  /** A client's name from its id (an agency endpoint's deliveries come from every client). */
  organizationName(id: string): string;
}

/** The agency's endpoints: its owners and administrators manage them (`agency.webhooks.manage`). */
export function useAgencyWebhookScope(): WebhookScope {
  const t = useT();
  const workspace = useWorkspace();
  const canManage = useAgencyManager();
  return {
    level: AGENCY_LEVEL,
    context: undefined,
    timeZone: undefined,
    canManage,
    title: t('webhooks.agencyTitle', { name: workspace.agency?.name ?? '' }),
    subtitle: t('webhooks.agencySubtitle'),
    readOnlyNote: t('webhooks.readOnlyAgency'),
    basePath: '/agency/webhooks',
    organizationName: (id) => workspace.organization(id)?.name ?? id,
  };
}

/** One client's endpoints: the agency's owners and administrators, and the client's strategy leads manage them (`webhooks.manage`). */
export function useOrganizationWebhookScope(): WebhookScope {
  const t = useT();
  const { organizationId = '' } = useParams();
  const workspace = useWorkspace();
  const agencyManager = useAgencyManager();
  // One object per organisation: a new context on every render would start the queries again and again.
  const context = useMemo(() => inOrganization(organizationId), [organizationId]);
  const organization = workspace.organization(organizationId);
  const roles: readonly string[] = workspace.me.organizations.find((m) => m.organization.id === organizationId)?.roles ?? [];
  return {
    level: ORGANIZATION_LEVEL,
    context,
    timeZone: organization?.timezone,
    canManage: agencyManager || roles.includes('STRATEGY_LEAD'),
    title: t('webhooks.organizationTitle', { name: organization?.name ?? '' }),
    subtitle: t('webhooks.organizationSubtitle'),
    readOnlyNote: t('webhooks.readOnlyOrganization'),
    basePath: `/organizations/${organizationId}/webhooks`,
    organizationName: (id) => workspace.organization(id)?.name ?? id,
  };
}

const STATUS_COLOR: Record<string, string> = { DELIVERED: 'teal', PENDING: 'yellow', FAILED: 'red' };

/** A delivery's status as a badge. */
export function DeliveryStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="outline">
      {t('webhooks.deliveryStatus', { status })}
    </Badge>
  );
}

/** A signing secret, shown once (at creation or rotation) with a copy button. */
export function SecretDialog({ secret, onClose }: { secret: { url: string; value: string } | null; onClose(): void }) {
  const t = useT();
  const words = {
    title: t('webhooks.secretTitle', { url: secret?.url ?? '' }),
    once: t('webhooks.secretOnce'),
    copy: t('webhooks.copySecret'),
    done: t('webhooks.secretDone'),
  };
  return <SecretOnceDialog secret={secret?.value ?? null} words={words} testId="webhook-secret" onClose={onClose} />;
}
