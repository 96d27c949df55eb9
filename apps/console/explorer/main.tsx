import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL } from 'graphiql';
import { type ComponentProps, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_HEADERS, EXAMPLE_TABS } from './operations';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Sends each operation to this origin's /graphql as GraphQL over HTTP (POST, JSON), with the headers of the
 * headers editor; a header left empty is not sent (so the page works anonymously until a token is given).
 */
const fetcher: Fetcher = async (params, options) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  for (const [name, value] of Object.entries(options?.headers ?? {})) {
    if (typeof value === 'string' && value.trim() !== '') headers[name] = value.trim();
  }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return response.json();
};

const root = document.getElementById('explorer');
if (!root) throw new Error('the explorer page has no #explorer');
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLE_TABS}
      defaultHeaders={DEFAULT_HEADERS}
      defaultEditorToolsVisibility="headers"
      // Tokens stay out of the browser's storage.
      shouldPersistHeaders={false}
      showPersistHeadersSettings={false}
    />
  </StrictMode>,
);
