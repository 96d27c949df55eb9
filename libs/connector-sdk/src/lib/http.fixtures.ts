import { createHttpResponse } from './http';

/** A response of `status` whose body is `body`, as UTF-8. */
export const response = (status: number, body: string, headers: Record<string, string> = {}) =>
  createHttpResponse(status, headers, new TextEncoder().encode(body));
