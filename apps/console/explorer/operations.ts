/**
 * The explorer's first tabs: what an integrator tries first. Organisation-level operations need the
 * organisation's id in the X-Socle-Organization header (an API key scoped to one organisation needs none).
 */
export const EXAMPLE_TABS: { query: string; variables?: string }[] = [
  {
    query: `# Who am I? Put an access token or an API key in the Authorization header below
# ("Bearer …"), and an organisation's id in X-Socle-Organization to see your permissions there.
query Viewer {
  viewer {
    kind
    user { id email displayName }
    apiKey { id name displayPrefix organizationId scopes expiresAt }
    organization { organizationId agencyRole roles permissions }
    rateLimit { bucket limit remaining resetInSeconds }
  }
}
`,
  },
  {
    query: `# The agency's client organisations (agency level: no X-Socle-Organization header).
query Organizations($first: Int, $after: String) {
  organizations(first: $first, after: $after) {
    edges { node { id name locale timezone status } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: '{ "first": 20 }',
  },
  {
    query: `# Content items of the organisation named in X-Socle-Organization.
query ContentItems($first: Int, $status: ContentStatus) {
  contentItems(first: $first, status: $status) {
    edges { node { id title status plannedFor variants { network text } } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: '{ "first": 20 }',
  },
  {
    query: `# The community inbox of the organisation named in X-Socle-Organization.
query InboxItems($first: Int, $status: InboxStatus) {
  inboxItems(first: $first, status: $status) {
    edges { node { id kind authorHandle text severity status dueAt overdue } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: '{ "first": 20 }',
  },
];

/** The headers editor's first content: empty values are not sent. */
export const DEFAULT_HEADERS = `{
  "Authorization": "",
  "X-Socle-Organization": ""
}`;
