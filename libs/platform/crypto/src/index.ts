export { SecretBox, SecretBoxError, KeyRing, parseKeyRing, KEY_ID_PATTERN } from './lib/secret-box';
export { SignedTokens } from './lib/signed-token';
export { RowLinkTokens, RowLinkClaims, RowLinkCheck } from './lib/row-link-tokens';
