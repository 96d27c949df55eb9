import { Controller, Get, Header, HttpException, Inject } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { REDIS, RedisClient } from '@socle/platform-queue';
import { Metrics } from '@socle/platform-observability';
import { Public } from '@socle/platform-auth';

/** Liveness, readiness (PostgreSQL and Redis answer) and Prometheus metrics. */
@Controller()
export class HealthController {
  constructor(
    private readonly units: UnitOfWorkFactory,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly metrics: Metrics,
  ) {}

  @Get('health/live')
  @Public('liveness probe: says the process answers, no data')
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Public('readiness probe for the load balancer: whether PostgreSQL and Redis answer, no tenant data')
  async ready() {
    const checks = await Promise.all([this.check('postgres', () => this.units.ping()), this.check('redis', () => this.redis.ping())]);
    const body = {
      status: checks.every((c) => c.ok) ? 'ok' : 'unavailable',
      checks: Object.fromEntries(checks.map((c) => [c.name, c.ok ? 'ok' : c.error])),
    };
    if (body.status !== 'ok') throw new HttpException(body, 503);
    return body;
  }

  @Get('metrics')
  @Public('Prometheus scrape: request counts and durations by route, no tenant data')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async prometheus(): Promise<string> {
    return this.metrics.registry.metrics();
  }

  private async check(name: string, probe: () => Promise<unknown>): Promise<{ name: string; ok: boolean; error?: string }> {
    try {
      await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref())]);
      return { name, ok: true };
    } catch (error) {
      return { name, ok: false, error: error instanceof Error ? error.message : 'failed' };
    }
  }
}
