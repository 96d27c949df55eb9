import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { mergeMap, Observable } from 'rxjs';
import { AuditRepository } from '@socle/accounts';
import { requestStateOf } from '@socle/platform-auth';

const VERB = /^(create|update|delete|set|add|remove)(.+)$/;

/**
 * Writes every successful strategy mutation to the organisation's audit log,
 * in the request's transaction (so a failed mutation leaves no entry): the
 * action (`strategy.updateObjective`), what it touched and the input as given.
 */
@Injectable()
export class StrategyAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const state = requestStateOf(context);
    const input = (gql.getArgs<{ input?: Record<string, unknown> }>().input ?? {}) as Record<string, unknown>;
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const access = state.access;
        if (access?.level !== 'ORGANIZATION') return result;
        const { uow, actor, requestId } = access.context;
        const returned =
          result && typeof result === 'object' && typeof (result as { id?: unknown }).id === 'string'
            ? (result as { id: string }).id
            : undefined;
        const given = typeof input.id === 'string' ? input.id : undefined;
        await this.audit.recordInOrganization(
          uow,
          actor,
          {
            action: `strategy.${info.fieldName}`,
            targetType: VERB.exec(info.fieldName)?.[2] ?? info.fieldName,
            targetId: returned ?? given,
            metadata: { input },
          },
          requestId,
        );
        return result;
      }),
    );
  }
}
