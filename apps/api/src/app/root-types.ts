import type { GraphQLSchema } from 'graphql';

/**
 * The root operation types are made by the schema builder, with no class of their own to
 * carry a description: theirs are set here, so that the API explorer and generated clients
 * describe every type.
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query) {
    query.description =
      'Everything the API reads. Agency-level fields act for the agency of the X-Socle-Agency header (or your first agency); ' +
      'organization-level fields act inside the client organization of the X-Socle-Organization header (or of the API key). ' +
      'The organization (or agency) may be chosen by the URL instead: /graphql/organizations/<id> (or /graphql/agencies/<id>).';
  }
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description =
      'Everything the API changes, scoped like the queries. A refusal is an error with extensions.code ' +
      '(BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED, UPSTREAM_UNAVAILABLE), ' +
      'the field path in extensions.field when one field is at fault, and for some conflicts a reason; nothing is changed then. ' +
      'Send an Idempotency-Key header (1 to 255 visible ASCII characters, a UUID for example) to make a retry safe: the same ' +
      'request with the same key within 24 hours runs once and gets the first answer again, with the Idempotent-Replayed: true header.';
  }
  const subscription = schema.getSubscriptionType();
  if (subscription) {
    subscription.description =
      'Live changes, over WebSocket at the GraphQL path with the graphql-ws protocol (graphql-transport-ws). The connection_init ' +
      'payload carries what HTTP headers carry (authorization, x-socle-organization); a connection watches one client organisation. ' +
      'Access is checked when subscribing and before events are sent; delivery is at most once, so read the current state after reconnecting.';
  }
  return schema;
}
