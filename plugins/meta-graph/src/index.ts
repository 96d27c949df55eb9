export { form, GRAPH_ID, graphApi, graphErrorOf, isRecord, optionalString, regainAccessSeconds, sleep, withQuery } from './lib/graph-api';
export type { GraphApi, GraphApiOptions, GraphError } from './lib/graph-api';
export { facebookLogin } from './lib/facebook-login';
export type { FacebookLogin, FacebookLoginOptions } from './lib/facebook-login';
