import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import type { Connection } from '@socle/platform-graphql';
import {
  ImportKpiValuesInput,
  KpiValueConnection,
  KpiValueImportObject,
  KpiValueObject,
  KpiValuesArgs,
  KpiValueSourceEnum,
  RecordKpiValueInput,
} from './kpi-values.dto';
import type { KpiValueRow } from './kpi-values.repository';
import { encodeKpiValueCursor, KpiValuesService } from './kpi-values.service';

function toValue(row: KpiValueRow): KpiValueObject {
  return {
    id: row.id,
    kpiId: row.kpiId,
    date: row.measuredAt,
    value: row.value,
    source: row.source as KpiValueSourceEnum,
    note: row.note,
    enteredBy: row.enteredBy,
    importId: row.importId,
    createdAt: row.createdAt,
    current: row.current,
  };
}

/**
 * KPI values. Whoever reads the strategy reads them; those who run the
 * evaluation (the strategy lead, the analyst, the agency's managers) enter them.
 */
@Resolver(() => KpiValueObject)
export class KpiValuesResolver {
  constructor(private readonly values: KpiValuesService) {}

  @Requires('assessments.manage')
  @Mutation(() => KpiValueObject, {
    description:
      'Records a value of a KPI for a date (source MANUAL; audited). A value for a date that has one is a correction: the newer is current, the older stays in the history. BAD_USER_INPUT on a field; NOT_FOUND on kpiId.',
  })
  async recordKpiValue(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The KPI, the date and the value.' }) input: RecordKpiValueInput,
  ): Promise<KpiValueObject> {
    return toValue(await this.values.record(ctx, input));
  }

  @Requires('assessments.manage')
  @Mutation(() => KpiValueImportObject, {
    description:
      'Imports KPI values from CSV (source CSV_IMPORT; audited). Every line is checked first; one bad line (format, or a KPI not of the organisation) and nothing is stored: BAD_USER_INPUT with reason CSV_INVALID, or NOT_FOUND with reason CSV_UNKNOWN_KPI, and `extensions.lines` (line, column, message of each problem). BAD_USER_INPUT (input.kpiId) for a kpiId that is not a KPI id, NOT_FOUND (input.kpiId) for one not of the organisation.',
  })
  async importKpiValues(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The CSV text and, optionally, the KPI of every line.' }) input: ImportKpiValuesInput,
  ): Promise<KpiValueImportObject> {
    const { importId, rows } = await this.values.import(ctx, input);
    return { importId, imported: rows.length, values: rows.map(toValue) };
  }

  @Requires('strategy.read')
  @Query(() => KpiValueConnection, {
    description:
      'The values recorded for a KPI, newest date first (then newest recorded), corrections included (current tells which one counts). Keyset pagination. NOT_FOUND on kpiId.',
  })
  async kpiValues(@OrgCtx() ctx: OrganizationContext, @Args() args: KpiValuesArgs): Promise<Connection<KpiValueObject>> {
    const { rows, hasNext, count } = await this.values.page(ctx, args);
    const edges = rows.map((row) => ({ cursor: encodeKpiValueCursor(row), node: toValue(row) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: hasNext,
        hasPreviousPage: args.after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      totalCount: count,
    };
  }
}
