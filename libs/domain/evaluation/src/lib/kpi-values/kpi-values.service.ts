import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import type { CallerContext } from '@socle/platform-auth';
import { badInput, DomainError, FieldProblem, notFound } from '@socle/platform-errors';
import { textProblem } from '@socle/platform-graphql';
import { dateProblem, KPI_CSV_LIMITS, parseDecimal, parseKpiCsv } from './kpi-values-csv';
import { KpiValueKey, KpiValueRow, KpiValuesCtx, KpiValuesRepository } from './kpi-values.repository';

export type KpiValuesServiceCtx = KpiValuesCtx & Pick<CallerContext, 'actor' | 'requestId'>;

export interface RecordKpiValueInput {
  kpiId: string;
  date: string;
  value: string;
  note?: string | null;
}

export interface KpiValuesPage {
  rows: KpiValueRow[];
  hasNext: boolean;
  /** How many values the whole history holds between the same dates (every page together), counted when called. */
  count: () => Promise<number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeKpiValueCursor(row: Pick<KpiValueRow, 'measuredAt' | 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.measuredAt, row.createdAt.toISOString(), row.id])).toString('base64url');
}

/** Decodes a history cursor, refusing anything this API did not issue. */
export function decodeKpiValueCursor(cursor: string, field = 'after'): KpiValueKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      v.every((x) => typeof x === 'string') &&
      dateProblem(v[0]) === null &&
      ISO.test(v[1]) &&
      !Number.isNaN(Date.parse(v[1])) &&
      UUID.test(v[2])
    ) {
      return { measuredAt: v[0], createdAt: new Date(v[1]), id: v[2] };
    }
  } catch {
    // fall through
  }
  throw badInput(field, 'is not a cursor returned by this API');
}

/**
 * KPI values entered by people: one at a time, or a CSV file checked whole
 * before anything is stored; the history of a KPI, newest first. A correction is
 * a new value for the same date (the newest is current); nothing is overwritten.
 */
@Injectable()
export class KpiValuesService {
  constructor(
    private readonly values: KpiValuesRepository,
    private readonly audit: AuditRepository,
  ) {}

  async record(ctx: KpiValuesServiceCtx, input: RecordKpiValueInput): Promise<KpiValueRow> {
    const problems: FieldProblem[] = [];
    if (!UUID.test(input.kpiId)) problems.push({ field: 'input.kpiId', message: 'must be a KPI id' });
    const dateIssue = dateProblem(input.date);
    if (dateIssue) problems.push({ field: 'input.date', message: dateIssue });
    const parsed = parseDecimal(input.value.trim());
    if ('problem' in parsed) problems.push({ field: 'input.value', message: parsed.problem });
    const note = input.note?.trim() || null;
    if (note !== null) {
      const issue =
        textProblem(note) ??
        (note.length > KPI_CSV_LIMITS.maxNoteChars ? `must be at most ${KPI_CSV_LIMITS.maxNoteChars} characters` : null);
      if (issue) problems.push({ field: 'input.note', message: issue });
    }
    if (problems.length || 'problem' in parsed) throw badInput(problems);
    const kpiId = input.kpiId.toLowerCase();
    await this.requireKpi(ctx, kpiId, 'input.kpiId');
    const [row] = await this.values.insert(
      ctx,
      [{ kpiId, measuredAt: input.date, value: parsed.value, note }],
      'MANUAL',
      this.userOf(ctx),
      null,
    );
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action: 'kpi.value_recorded', targetType: 'Kpi', targetId: kpiId, metadata: { valueId: row.id, date: row.measuredAt } },
      ctx.requestId,
    );
    return row;
  }

  /** Imports a CSV file: every line checked (format, KPIs of the organisation), then all stored in one statement, or none. */
  async import(
    ctx: KpiValuesServiceCtx,
    input: { kpiId?: string | null; csv: string },
  ): Promise<{ importId: string; rows: KpiValueRow[] }> {
    let kpiId: string | undefined;
    if (input.kpiId !== undefined && input.kpiId !== null) {
      if (!UUID.test(input.kpiId)) throw badInput('input.kpiId', 'must be a KPI id');
      kpiId = input.kpiId.toLowerCase();
      await this.requireKpi(ctx, kpiId, 'input.kpiId');
    }
    if (input.csv.length > KPI_CSV_LIMITS.maxChars) throw badInput('input.csv', `must be at most ${KPI_CSV_LIMITS.maxChars} characters`);
    const parsed = parseKpiCsv(input.csv, kpiId);
    if (parsed.rows === null) throw csvError(parsed.problems);
    // KPIs named in the file that are not the organisation's (another organisation's look the same: unknown).
    const named = [...new Set(parsed.rows.map((r) => r.kpiId))];
    const known = await this.values.existingKpis(ctx, named);
    const unknown = parsed.rows
      .filter((r) => !known.has(r.kpiId))
      .slice(0, KPI_CSV_LIMITS.maxProblems)
      .map((r) => ({ line: r.line, column: 'kpi' as const, message: `names no KPI of the organisation (${r.kpiId})` }));
    // NOT_FOUND, as for a KPI named in kpiId: the file is refused whole, the lines that name an unknown KPI listed.
    if (unknown.length) throw csvError(unknown, 'NOT_FOUND');
    const importId = randomUUID();
    const rows = await this.values.insert(
      ctx,
      parsed.rows.map((r) => ({ kpiId: r.kpiId, measuredAt: r.date, value: r.value, note: r.note })),
      'CSV_IMPORT',
      this.userOf(ctx),
      importId,
    );
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'kpi.values_imported',
        targetType: 'KpiValueImport',
        targetId: importId,
        metadata: { values: rows.length, kpis: named.length },
      },
      ctx.requestId,
    );
    return { importId, rows };
  }

  async page(
    ctx: KpiValuesServiceCtx,
    args: { kpiId: string; from?: string | null; to?: string | null; first?: number | null; after?: string | null },
  ): Promise<KpiValuesPage> {
    const problems: FieldProblem[] = [];
    if (!UUID.test(args.kpiId)) problems.push({ field: 'kpiId', message: 'must be a KPI id' });
    for (const field of ['from', 'to'] as const) {
      const value = args[field];
      const issue = value === undefined || value === null ? null : dateProblem(value);
      if (issue) problems.push({ field, message: issue });
    }
    if (problems.length) throw badInput(problems);
    const from = args.from ?? null;
    const to = args.to ?? null;
    if (from !== null && to !== null && from > to) throw badInput('to', 'must be on or after from');
    const after = args.after === undefined || args.after === null ? null : decodeKpiValueCursor(args.after);
    const kpiId = args.kpiId.toLowerCase();
    await this.requireKpi(ctx, kpiId, 'kpiId');
    const size = args.first ?? 20;
    const rows = await this.values.page(ctx, kpiId, { from, to }, after, size + 1);
    return { rows: rows.slice(0, size), hasNext: rows.length > size, count: () => this.values.count(ctx, kpiId, { from, to }) };
  }

  /** The KPI must be the organisation's; another organisation's is as unknown as one that never existed. */
  private async requireKpi(ctx: KpiValuesCtx, kpiId: string, field: string): Promise<void> {
    if (!(await this.values.existingKpis(ctx, [kpiId])).has(kpiId)) {
      throw new DomainError('NOT_FOUND', notFound('KPI', kpiId).message, { field });
    }
  }

  private userOf(ctx: KpiValuesServiceCtx): string | null {
    return ctx.actor.type === 'USER' ? ctx.actor.id : null;
  }
}

/** A refused file: each problem at `input.csv` with its line and column, and the same as data for a client to point at. */
function csvError(
  problems: { line: number; column: string | null; message: string }[],
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' = 'BAD_USER_INPUT',
): DomainError {
  const error = badInput(
    problems.map((p) => ({
      field: `input.csv[${p.line}]${p.column ? `.${p.column}` : ''}`,
      message: `line ${p.line}${p.column ? `, column ${p.column}` : ''} ${p.message}`,
    })),
  );
  return new DomainError(code, `The file was not imported (nothing was stored). ${error.message.replace(/^Invalid input\. /, '')}`, {
    field: 'input.csv',
    problems: error.problems,
    reason: code === 'NOT_FOUND' ? 'CSV_UNKNOWN_KPI' : 'CSV_INVALID',
    details: { lines: problems },
  });
}
