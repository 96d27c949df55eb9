import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CallerContext, RequestState } from '@socle/platform-auth';
import { forbidden, notFound } from '@socle/platform-errors';
import { UserRepository } from './repositories';
import type { UserObject } from './dto/objects';

/** Users by id, batched per request: a page of members costs one users query, whatever its size. */
@Injectable()
export class UserLoader {
  constructor(private readonly users: UserRepository) {}

  load(state: RequestState, id: string): Promise<UserObject> {
    let loader = state.loaders.get('users') as DataLoader<string, UserObject> | undefined;
    if (!loader) {
      const ctx: CallerContext | undefined = state.access?.context;
      if (!ctx) throw forbidden('Users are read inside an agency or organization.');
      loader = new DataLoader<string, UserObject>(async (ids) => {
        const rows = await this.users.findByIds(ctx, ids);
        const byId = new Map(rows.map((u) => [u.id, u as unknown as UserObject]));
        // Not visible under row-level security is, for this caller, not there.
        return ids.map((id) => byId.get(id) ?? notFound('User', id));
      });
      state.loaders.set('users', loader);
    }
    return loader.load(id);
  }
}
