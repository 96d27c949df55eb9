import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { forbidden } from '@socle/platform-graphql';
import { requestStateOf } from './access.guard';
import type { AgencyContext, OrganizationContext, RequestState, UserContext } from './request-context';
import { actorOf } from './request-context';

/** The caller's context inside the organisation the guard resolved. */
export const OrgCtx = createParamDecorator((_: unknown, context: ExecutionContext): OrganizationContext => {
  const state = requestStateOf(context);
  if (state.access?.level !== 'ORGANIZATION') throw forbidden('This operation needs an organization context.');
  return state.access.context;
});

/** The caller's context in the agency the guard resolved. */
export const AgencyCtx = createParamDecorator((_: unknown, context: ExecutionContext): AgencyContext => {
  const state = requestStateOf(context);
  if (state.access?.level !== 'AGENCY') throw forbidden('This operation needs an agency context.');
  return state.access.context;
});

/** The signed-in person's own context. */
export const UserCtx = createParamDecorator((_: unknown, context: ExecutionContext): UserContext => {
  const state = requestStateOf(context);
  if (state.principal.kind !== 'user') throw forbidden('This operation is for signed-in people.');
  return { uow: state.uow, actor: actorOf(state.principal), requestId: state.requestId, userId: state.principal.userId };
});

/** The raw request state, for public operations (sign-up, log-in) that act before any tenant. */
export const RequestStateParam = createParamDecorator((_: unknown, context: ExecutionContext): RequestState => requestStateOf(context));
