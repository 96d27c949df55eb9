import { Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { TaskForceRoleEnum } from '../dto/enums';
import { asLocale } from '../i18n';
import { StrategyRepository } from '../repositories';
import { ROLE_FAMILIES, TASK_FORCE_ROLE_LABELS, taskForcePeople } from './roles';

@ObjectType('TaskForcePerson', {
  description: 'A person of the task force with every role they hold (one person may hold all five functions).',
})
export class TaskForcePersonObject {
  @Field(() => String, { description: "The member's display name, or the external person's name." }) name!: string;
  @Field(() => ID, { nullable: true, description: 'Set for an organisation member.' }) userId!: string | null;
  @Field(() => [TaskForceRoleEnum], {
    description: 'The roles held: the five functions of the task force first, then the roles around it.',
  })
  roles!: TaskForceRoleEnum[];
  @Field(() => [String], { description: 'The roles’ names in the organisation’s language.' }) roleLabels!: string[];
  @Field(() => [String], { description: 'Families of the roles held: TASK_FORCE, ANIMATION, SUPPORT, PROMOTION.' })
  families!: string[];
  @Field(() => [TaskForceRoleEnum], { description: 'The task-force functions among the roles.' }) functions!: TaskForceRoleEnum[];
  @Field(() => String, { description: 'The department the person comes from; null when not said.', nullable: true }) department!:
    string | null;
  @Field(() => [ID], { description: "The person's task-force assignments (one per role)." }) memberIds!: string[];
}

/** The task force read by person rather than by row. */
@Resolver()
export class TaskForcePeopleResolver {
  constructor(private readonly repo: StrategyRepository) {}

  @Requires('strategy.read')
  @Query(() => [TaskForcePersonObject], { description: 'The people of the task force, each with every role they hold.' })
  async taskForcePeople(@OrgCtx() ctx: OrganizationContext): Promise<TaskForcePersonObject[]> {
    const locale = asLocale((await this.repo.organization(ctx)).locale);
    return taskForcePeople(await this.repo.allTaskForce(ctx)).map((p) => ({
      name: p.name,
      userId: p.userId,
      roles: p.roles as TaskForceRoleEnum[],
      roleLabels: p.roles.map((r) => TASK_FORCE_ROLE_LABELS[r][locale]),
      families: [...new Set(p.roles.map((r) => ROLE_FAMILIES[r]))],
      functions: p.functions as TaskForceRoleEnum[],
      department: p.department,
      memberIds: p.memberIds,
    }));
  }
}
