import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql';
import type {
  CreateWebhookEndpointInput,
  ReplayWebhookDeliveryInput,
  RotateWebhookSecretInput,
  UpdateWebhookEndpointInput,
  WebhookEndpointIdInput,
} from '../../gql/graphql';

/** The published catalogue: every event type an endpoint may subscribe to, with its description. */
export const WebhookEventTypesDocument = graphql(`
  query WebhookEventTypes {
    webhookEventTypes {
      type
      description
    }
  }
`);

const AgencyWebhookEndpointsDocument = graphql(`
  query AgencyWebhookEndpoints($first: Int, $after: String) {
    agencyWebhookEndpoints(first: $first, after: $after) {
      edges {
        node {
          id
          url
          description
          eventTypes
          enabled
          disabledReason
          disabledAt
          previousSecretUntil
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const OrganizationWebhookEndpointsDocument = graphql(`
  query OrganizationWebhookEndpoints($first: Int, $after: String) {
    webhookEndpoints(first: $first, after: $after) {
      edges {
        node {
          id
          url
          description
          eventTypes
          enabled
          disabledReason
          disabledAt
          previousSecretUntil
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AgencyWebhookDeliveriesDocument = graphql(`
  query AgencyWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {
    agencyWebhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      edges {
        node {
          id
          eventType
          organizationId
          status
          attemptCount
          createdAt
          deliveredAt
          nextAttemptAt
          attempts {
            id
            attemptedAt
            httpStatus
            latencyMs
            responseExcerpt
            errorClass
            errorMessage
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const OrganizationWebhookDeliveriesDocument = graphql(`
  query OrganizationWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      edges {
        node {
          id
          eventType
          organizationId
          status
          attemptCount
          createdAt
          deliveredAt
          nextAttemptAt
          attempts {
            id
            attemptedAt
            httpStatus
            latencyMs
            responseExcerpt
            errorClass
            errorMessage
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateAgencyWebhookEndpointDocument = graphql(`
  mutation CreateAgencyWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createAgencyWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
      }
    }
  }
`);

const CreateOrganizationWebhookEndpointDocument = graphql(`
  mutation CreateOrganizationWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
      }
    }
  }
`);

const UpdateAgencyWebhookEndpointDocument = graphql(`
  mutation UpdateAgencyWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateAgencyWebhookEndpoint(input: $input) {
      id
      url
      description
      eventTypes
      enabled
      disabledReason
      disabledAt
    }
  }
`);

const UpdateOrganizationWebhookEndpointDocument = graphql(`
  mutation UpdateOrganizationWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      id
      url
      description
      eventTypes
      enabled
      disabledReason
      disabledAt
    }
  }
`);

const RotateAgencyWebhookSecretDocument = graphql(`
  mutation RotateAgencyWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateAgencyWebhookSecret(input: $input) {
      secret
      endpoint {
        id
        url
        previousSecretUntil
      }
    }
  }
`);

const RotateOrganizationWebhookSecretDocument = graphql(`
  mutation RotateOrganizationWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      secret
      endpoint {
        id
        url
        previousSecretUntil
      }
    }
  }
`);

const SendAgencyTestWebhookDocument = graphql(`
  mutation SendAgencyTestWebhook($input: WebhookEndpointIdInput!) {
    sendAgencyTestWebhook(input: $input) {
      ok
      httpStatus
      latencyMs
      responseExcerpt
      errorClass
      errorMessage
      webhookId
    }
  }
`);

const SendOrganizationTestWebhookDocument = graphql(`
  mutation SendOrganizationTestWebhook($input: WebhookEndpointIdInput!) {
    sendTestWebhook(input: $input) {
      ok
      httpStatus
      latencyMs
      responseExcerpt
      errorClass
      errorMessage
      webhookId
    }
  }
`);

const DeleteAgencyWebhookEndpointDocument = graphql(`
  mutation DeleteAgencyWebhookEndpoint($input: WebhookEndpointIdInput!) {
    deleteAgencyWebhookEndpoint(input: $input) {
      id
    }
  }
`);

const DeleteOrganizationWebhookEndpointDocument = graphql(`
  mutation DeleteOrganizationWebhookEndpoint($input: WebhookEndpointIdInput!) {
    deleteWebhookEndpoint(input: $input) {
      id
    }
  }
`);

const ReplayAgencyWebhookDeliveryDocument = graphql(`
  mutation ReplayAgencyWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayAgencyWebhookDelivery(input: $input) {
      id
      status
      attemptCount
      nextAttemptAt
    }
  }
`);

const ReplayOrganizationWebhookDeliveryDocument = graphql(`
  mutation ReplayOrganizationWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) {
      id
      status
      attemptCount
      nextAttemptAt
    }
  }
`);

/** An endpoint as both levels' lists give it. */
export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason?: string | null;
  disabledAt?: string | null;
  previousSecretUntil?: string | null;
  createdAt: string;
}

/** One try of a delivery. */
export interface AttemptRow {
  id: string;
  attemptedAt: string;
  httpStatus?: number | null;
  latencyMs: number;
  responseExcerpt: string;
  errorClass?: string | null;
  errorMessage?: string | null;
}

/** A delivery as both levels' logs give it. */
export interface DeliveryRow {
  id: string;
  eventType: string;
  organizationId: string;
  status: string;
  attemptCount: number;
  createdAt: string;
  deliveredAt?: string | null;
  nextAttemptAt?: string | null;
  attempts: AttemptRow[];
}

/** The outcome of a test ping. */
export interface TestResult {
  ok: boolean;
  httpStatus?: number | null;
  latencyMs: number;
  responseExcerpt: string;
  errorClass?: string | null;
  errorMessage?: string | null;
  webhookId: string;
}

interface Page<N> {
  rows: N[];
  hasNextPage: boolean;
  endCursor?: string | null;
}

type PageVariables = { first?: number | null; after?: string | null };

/**
 * What differs between the agency's endpoints (events of all its clients) and one client's: the operations, and
 * where their answers put what the page shows. The client's are sent with its organisation's header.
 */
export interface WebhookLevel {
  kind: 'agency' | 'organization';
  endpoints: TypedDocumentNode<unknown, PageVariables>;
  endpointsPage(data: unknown): Page<EndpointRow>;
  deliveries: TypedDocumentNode<unknown, PageVariables & { endpointId: string }>;
  deliveriesPage(data: unknown): Page<DeliveryRow>;
  create: TypedDocumentNode<unknown, { input: CreateWebhookEndpointInput }>;
  created(data: unknown): { secret: string; url: string };
  update: TypedDocumentNode<unknown, { input: UpdateWebhookEndpointInput }>;
  rotate: TypedDocumentNode<unknown, { input: RotateWebhookSecretInput }>;
  rotated(data: unknown): { secret: string; url: string };
  test: TypedDocumentNode<unknown, { input: WebhookEndpointIdInput }>;
  tested(data: unknown): TestResult;
  remove: TypedDocumentNode<unknown, { input: WebhookEndpointIdInput }>;
  replay: TypedDocumentNode<unknown, { input: ReplayWebhookDeliveryInput }>;
}

/**
 * A level built from its typed documents: the pickers are typed against each answer, then the level is seen through
 * `WebhookLevel` so that one page serves both.
 */
function level<EL, DL, C, R, T>(spec: {
  kind: WebhookLevel['kind'];
  endpoints: TypedDocumentNode<EL, PageVariables>;
  endpointsPage(data: EL): Page<EndpointRow>;
  deliveries: TypedDocumentNode<DL, PageVariables & { endpointId: string }>;
  deliveriesPage(data: DL): Page<DeliveryRow>;
  create: TypedDocumentNode<C, { input: CreateWebhookEndpointInput }>;
  created(data: C): { secret: string; url: string };
  update: TypedDocumentNode<unknown, { input: UpdateWebhookEndpointInput }>;
  rotate: TypedDocumentNode<R, { input: RotateWebhookSecretInput }>;
  rotated(data: R): { secret: string; url: string };
  test: TypedDocumentNode<T, { input: WebhookEndpointIdInput }>;
  tested(data: T): TestResult;
  remove: TypedDocumentNode<unknown, { input: WebhookEndpointIdInput }>;
  replay: TypedDocumentNode<unknown, { input: ReplayWebhookDeliveryInput }>;
}): WebhookLevel {
  return spec as unknown as WebhookLevel;
}

const page = <N>({ edges, pageInfo }: { edges: { node: N }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }) => ({
  rows: edges.map((e) => e.node),
  hasNextPage: pageInfo.hasNextPage,
  endCursor: pageInfo.endCursor,
});

export const AGENCY_LEVEL = level({
  kind: 'agency',
  endpoints: AgencyWebhookEndpointsDocument,
  endpointsPage: (data) => page(data.agencyWebhookEndpoints),
  deliveries: AgencyWebhookDeliveriesDocument,
  deliveriesPage: (data) => page(data.agencyWebhookDeliveries),
  create: CreateAgencyWebhookEndpointDocument,
  created: ({ createAgencyWebhookEndpoint: r }) => ({ secret: r.secret, url: r.endpoint.url }),
  update: UpdateAgencyWebhookEndpointDocument,
  rotate: RotateAgencyWebhookSecretDocument,
  rotated: ({ rotateAgencyWebhookSecret: r }) => ({ secret: r.secret, url: r.endpoint.url }),
  test: SendAgencyTestWebhookDocument,
  tested: (data) => data.sendAgencyTestWebhook,
  remove: DeleteAgencyWebhookEndpointDocument,
  replay: ReplayAgencyWebhookDeliveryDocument,
});

export const ORGANIZATION_LEVEL = level({
  kind: 'organization',
  endpoints: OrganizationWebhookEndpointsDocument,
  endpointsPage: (data) => page(data.webhookEndpoints),
  deliveries: OrganizationWebhookDeliveriesDocument,
  deliveriesPage: (data) => page(data.webhookDeliveries),
  create: CreateOrganizationWebhookEndpointDocument,
  created: ({ createWebhookEndpoint: r }) => ({ secret: r.secret, url: r.endpoint.url }),
  update: UpdateOrganizationWebhookEndpointDocument,
  rotate: RotateOrganizationWebhookSecretDocument,
  rotated: ({ rotateWebhookSecret: r }) => ({ secret: r.secret, url: r.endpoint.url }),
  test: SendOrganizationTestWebhookDocument,
  tested: (data) => data.sendTestWebhook,
  remove: DeleteOrganizationWebhookEndpointDocument,
  replay: ReplayOrganizationWebhookDeliveryDocument,
});
