export {
  DOMAIN_ERROR_CODES,
  DomainErrorCode,
  FieldProblem,
  DomainErrorOptions,
  DomainError,
  isDomainError,
  HTTP_STATUS_OF,
  unauthenticated,
  forbidden,
  notFound,
  conflict,
  badInput,
  rateLimited,
  describeError,
} from './lib/domain-error';
export { sendPrivateJson, refuseLinkRequest } from './lib/link-replies';
