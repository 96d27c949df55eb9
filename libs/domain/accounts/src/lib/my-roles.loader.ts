import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { actorOf, OrganizationRole, RequestState, UserContext } from '@socle/platform-auth';
import { MembershipRepository } from './repositories';

/**
 * The caller's own roles in organisations, batched per request: a page of organisations costs one query. Inside
 * the organisation the request entered, the roles are those its access probe already proved (no query). An API
 * key, or agency staff acting without a membership, holds none.
 */
@Injectable()
export class MyRolesLoader {
  constructor(private readonly memberships: MembershipRepository) {}

  load(state: RequestState, organizationId: string): Promise<OrganizationRole[]> {
    const access = state.access;
    if (access?.level === 'ORGANIZATION' && access.context.organizationId === organizationId)
      return Promise.resolve([...access.context.organizationRoles]);
    const principal = state.principal;
    if (principal.kind !== 'user') return Promise.resolve([]);
    let loader = state.loaders.get('myRoles') as DataLoader<string, OrganizationRole[]> | undefined;
    if (!loader) {
      const ctx: UserContext = {
        uow: access?.context.uow ?? state.uow,
        actor: actorOf(principal),
        requestId: state.requestId,
        userId: principal.userId,
      };
      loader = new DataLoader<string, OrganizationRole[]>(async (ids) => {
        const rows = await this.memberships.rolesOfSelf(ctx, ids);
        const byId = new Map(rows.map((r) => [r.organizationId, r.roles as OrganizationRole[]]));
        return ids.map((id) => byId.get(id) ?? []);
      });
      state.loaders.set('myRoles', loader);
    }
    return loader.load(organizationId);
  }
}
