import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RequestState } from '@socle/platform-auth';
import { forbidden } from '@socle/platform-errors';
import type { KpiRecord } from './repositories';
import { StrategyService } from './strategy.service';

/** KPIs by objective, batched per request: a page of objectives costs one KPI query, whatever its size. */
@Injectable()
export class KpiLoader {
  constructor(private readonly strategy: StrategyService) {}

  load(state: RequestState, objectiveId: string): Promise<KpiRecord[]> {
    let loader = state.loaders.get('strategy.kpis') as DataLoader<string, KpiRecord[]> | undefined;
    if (!loader) {
      const access = state.access;
      if (access?.level !== 'ORGANIZATION') throw forbidden('KPIs are read inside an organization.');
      const ctx = access.context;
      loader = new DataLoader<string, KpiRecord[]>(async (ids) => {
        const rows = await this.strategy.kpisOf(ctx, ids);
        const byObjective = new Map<string, KpiRecord[]>();
        for (const row of rows) byObjective.set(row.objectiveId, [...(byObjective.get(row.objectiveId) ?? []), row]);
        return ids.map((id) => byObjective.get(id) ?? []);
      });
      state.loaders.set('strategy.kpis', loader);
    }
    return loader.load(objectiveId);
  }
}
