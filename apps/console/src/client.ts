import { Client, fetchExchange, type OperationContext } from 'urql';
import { authenticatedFetch } from './session';

/**
 * The public GraphQL endpoint, nothing private to the console. No document cache: the same query answers
 * differently in each organisation (the x-socle-organization header), so a cached answer could show one
 * organisation's data in another's page.
 */
export const graphqlClient = new Client({
  url: '/graphql',
  exchanges: [fetchExchange],
  fetch: authenticatedFetch,
  fetchOptions: { headers: { accept: 'application/graphql-response+json' } },
  requestPolicy: 'network-only',
});

/** The context of an operation made inside one client organisation. */
export function inOrganization(organizationId: string): Partial<OperationContext> {
  return { fetchOptions: { headers: { accept: 'application/graphql-response+json', 'x-socle-organization': organizationId } } };
}
