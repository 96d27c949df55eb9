/** The parts of Mastodon's REST entities the connector reads (https://docs.joinmastodon.org/entities/). */

export interface MastodonAccount {
  id: string;
  username: string;
  /** `user` for a local account, `user@domain` for a remote one. */
  acct: string;
  display_name?: string;
  url?: string;
  followers_count?: number;
  following_count?: number;
  statuses_count?: number;
}

export interface MastodonMediaAttachment {
  id: string;
  type: string;
  url: string | null;
  preview_url?: string | null;
  description?: string | null;
}

export interface MastodonStatus {
  id: string;
  uri: string;
  url?: string | null;
  created_at: string;
  account: MastodonAccount;
  content: string;
  spoiler_text?: string;
  visibility: string;
  language?: string | null;
  in_reply_to_id?: string | null;
  favourites_count: number;
  reblogs_count: number;
  replies_count: number;
  /** Mastodon 4.5+. */
  quotes_count?: number;
  media_attachments?: MastodonMediaAttachment[];
}

export interface MastodonNotification {
  id: string;
  type: string;
  created_at: string;
  account: MastodonAccount;
  status?: MastodonStatus | null;
}

export interface MastodonContext {
  ancestors: MastodonStatus[];
  descendants: MastodonStatus[];
}

export interface MastodonSearchResults {
  accounts: MastodonAccount[];
  statuses: MastodonStatus[];
  hashtags: unknown[];
}

export interface MastodonApplication {
  id?: string;
  name: string;
  client_id: string;
  client_secret: string;
  redirect_uri?: string;
  redirect_uris?: string[];
  scopes?: string[];
}

export interface MastodonToken {
  access_token: string;
  token_type: string;
  scope?: string;
  created_at?: number;
  /** Only when the instance issues expiring tokens. */
  expires_in?: number;
  refresh_token?: string;
}
