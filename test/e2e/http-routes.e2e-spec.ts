import { Controller, Get, Module } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { APP_GUARD, ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import {
  ACCESS_METADATA,
  AccessGuard,
  AccessRule,
  Public,
  routeRuleAdmits,
  TENANT_ACCESS_RESOLVER,
  TenantAccessResolver,
} from '@socle/platform-auth';
import { httpRoutesOf } from '@socle/api';
import { TestApi } from '@socle/testing';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];
const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every controller route of the app with its declared access rule, as `METHOD /path`. */
function controllerRoutes(app: NestFastifyApplication): Map<string, AccessRule | undefined> {
  const routes = new Map<string, AccessRule | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (typeof type !== 'function') continue;
      const base = [Reflect.getMetadata(PATH_METADATA, type) ?? ''].flat()[0] as string;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(type.prototype, name)?.value;
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const rule = (Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, type)) as
          AccessRule | undefined;
        for (const p of [path].flat()) routes.set(`${method} ${join(base, p)}`, rule);
      }
    }
  }
  return routes;
}

describe('HTTP routes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('each declares its access, with a reason, except GraphQL whose operations carry their own rules', () => {
    const declared = controllerRoutes(api.app);
    const listed = httpRoutesOf(api.app);
    expect(listed.length).toBeGreaterThan(0);
    const seen: string[] = [];
    const undeclared: string[] = [];
    for (const { method, url } of listed) {
      if (url === '/graphql') continue;
      // Fastify answers HEAD for every GET route itself.
      const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
      seen.push(key);
      const rule = declared.get(key);
      const reason = rule && 'reason' in rule ? rule.reason : undefined;
      if (!routeRuleAdmits(rule) || !reason) undeclared.push(key);
    }
    expect(undeclared).toEqual([]);
    // The routes that serve tenant data are among them, each proven by what its request carries.
    expect(declared.get('GET /oauth/callback')).toMatchObject({ kind: 'proof', proof: 'OAuth state' });
    expect(declared.get('GET /reports/:token')).toMatchObject({ kind: 'proof', proof: 'signed link' });
    expect(declared.get('GET /approvals/:token')).toMatchObject({ kind: 'proof', proof: 'signed link' });
    expect(declared.get('POST /approvals/:token')).toMatchObject({ kind: 'proof', proof: 'signed link' });
    expect(declared.get('POST /organizations/:id/archive')).toMatchObject({ kind: 'proof', proof: 'bearer credentials' });
    expect(declared.get('POST /agency/organization-archives')).toMatchObject({ kind: 'proof', proof: 'bearer credentials' });
    expect([...new Set(seen)].sort()).toEqual(
      expect.arrayContaining(['GET /health/live', 'GET /health/ready', 'GET /metrics', 'GET /oauth/callback', 'GET /reports/:token']),
    );
    // No controller route escapes the list Fastify gave.
    expect([...declared.keys()].filter((key) => !seen.includes(key))).toEqual([]);
  });

  it('refuses a route that declares no access (fail closed), and serves a declared one', async () => {
    @Controller('probe')
    class ProbeController {
      @Get('declared')
      @Public('a route of this test')
      declared() {
        return { ok: true };
      }

      @Get('undeclared')
      undeclared() {
        return { leaked: true };
      }
    }
    // Refusals are only recorded for GraphQL permissions; this app never reaches the resolver.
    const tenants: TenantAccessResolver = {
      organizationAccess: async () => null,
      agencyAccess: async () => null,
      recordRefusal: async () => undefined,
    };
    @Module({
      controllers: [ProbeController],
      providers: [
        { provide: TENANT_ACCESS_RESOLVER, useValue: tenants },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    })
    class ProbeModule {}
    const app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const undeclared = await request(app.getHttpServer()).get('/probe/undeclared');
      expect(undeclared.status).toBe(403);
      expect(undeclared.text).not.toContain('leaked');
      const declared = await request(app.getHttpServer()).get('/probe/declared');
      expect(declared.status).toBe(200);
      expect(declared.body).toEqual({ ok: true });
    } finally {
      await app.close();
    }
  });
});
