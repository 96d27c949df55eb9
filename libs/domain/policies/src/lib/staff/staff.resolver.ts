import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import {
  ImportStaffInput,
  RemoveStaffMemberInput,
  StaffImportObject,
  StaffMemberConnection,
  StaffMemberObject,
  StaffMemberRemovalObject,
} from './staff.dto';
import { StaffRow } from './staff.repository';
import { StaffService } from './staff.service';

const toStaff = (s: StaffRow): StaffMemberObject => ({ ...s });

/** The staff list: personal data (e-mails), so read and changed by those who edit policies only. */
@Resolver(() => StaffMemberObject)
export class StaffResolver {
  constructor(private readonly service: StaffService) {}

  @Requires('policies.edit')
  @Query(() => StaffMemberConnection, { description: 'The organization’s staff list, in the order people were added.' })
  async staff(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<StaffMemberObject>> {
    return paginate(
      page,
      (keyset) => this.service.page(ctx, keyset),
      (s) => [s.createdAt, s.id],
      toStaff,
      () => this.service.count(ctx),
    );
  }

  @Requires('policies.edit')
  @Mutation(() => StaffImportObject, {
    description: 'Adds people from a CSV and updates the ones already listed (same e-mail, case-insensitive). All or nothing.',
  })
  async importStaff(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The CSV. BAD_USER_INPUT naming every bad line when any is bad; nothing is changed then.' })
    input: ImportStaffInput,
  ): Promise<StaffImportObject> {
    return this.service.import(ctx, input.csv);
  }

  @Requires('policies.edit')
  @Mutation(() => StaffMemberRemovalObject, {
    description: 'Takes a person off the list: their pending links stop working; their past acknowledgements stay on record.',
  })
  async removeStaffMember(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The person to remove. NOT_FOUND for an id of another organization.' }) input: RemoveStaffMemberInput,
  ): Promise<StaffMemberRemovalObject> {
    const removed = await this.service.remove(ctx, input.staffId);
    return { staffMember: toStaff(removed.staff), linksRevoked: removed.linksRevoked };
  }
}
