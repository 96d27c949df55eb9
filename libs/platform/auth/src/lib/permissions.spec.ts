import {
  agencyPermissions,
  API_KEY_SCOPES,
  apiKeyPermissions,
  organizationPermissions,
  Permission,
  PERMISSION_AREAS,
  PERMISSIONS,
  permissionsOfScope,
} from './permissions';

describe('role -> permission matrix', () => {
  it('lets agency owners and admins act in every client, and agency members only through a membership', () => {
    expect(organizationPermissions('OWNER', []).has('organization.members.manage')).toBe(true);
    expect(organizationPermissions('ADMIN', []).has('organization.read')).toBe(true);
    expect(organizationPermissions('MEMBER', []).size).toBe(0);
    expect(organizationPermissions(null, []).size).toBe(0);
  });

  it('gives a viewer read access and, as its only writes, confirming it read a policy and suggesting an idea', () => {
    const viewer = organizationPermissions(null, ['VIEWER']);
    expect(viewer.has('organization.read')).toBe(true);
    expect(viewer.has('organization.members.read')).toBe(true);
    expect([...viewer].filter((p) => PERMISSIONS[p].access === 'write').sort()).toEqual(['content.suggest', 'policies.acknowledge']);
  });

  it('combines several roles of one person', () => {
    const both = organizationPermissions(null, ['VIEWER', 'STRATEGY_LEAD']);
    expect(both.has('organization.update')).toBe(true);
    expect(both.has('organization.members.manage')).toBe(true);
  });

  it('keeps agency management to owners and admins', () => {
    expect(agencyPermissions('MEMBER').has('organizations.create')).toBe(false);
    expect(agencyPermissions('MEMBER').has('organizations.list')).toBe(true);
    expect(agencyPermissions('ADMIN').has('agency.apiKeys.manage')).toBe(true);
    expect(agencyPermissions('ADMIN').has('agency.update')).toBe(false);
    expect(agencyPermissions('OWNER').has('agency.update')).toBe(true);
  });

  it('gives API keys what their scopes allow, never the humans-only permissions', () => {
    const read = apiKeyPermissions('ORGANIZATION', ['read']);
    expect(read.has('organization.read')).toBe(true);
    expect(read.has('organization.update')).toBe(false);
    const write = apiKeyPermissions('AGENCY', ['read', 'write']);
    expect(write.has('organizations.create')).toBe(true);
    expect(write.has('agency.apiKeys.manage')).toBe(false);
    expect(write.has('agency.members.manage')).toBe(false);
    expect(write.has('organizations.delete')).toBe(false);
  });

  it('narrows an API key to the modules of its scopes', () => {
    const contentReader = apiKeyPermissions('ORGANIZATION', ['content:read']);
    expect([...contentReader].sort()).toEqual(['content.check', 'content.read', 'media.read']);
    expect([...apiKeyPermissions('AGENCY', ['content:read'])]).toEqual(['agencyCalendar.read']);

    const contentWriter = apiKeyPermissions('ORGANIZATION', ['content:write']);
    expect(contentWriter.has('content.edit')).toBe(true);
    expect(contentWriter.has('media.manage')).toBe(true);
    expect(contentWriter.has('content.read')).toBe(false); // a write scope does not include reading
    expect(contentWriter.has('content.approve')).toBe(false); // people only
    expect(contentWriter.has('strategy.manage')).toBe(false);

    const mixed = apiKeyPermissions('ORGANIZATION', ['read', 'strategy:write']);
    expect(mixed.has('policies.read')).toBe(true);
    expect(mixed.has('strategy.manage')).toBe(true);
    expect(mixed.has('policies.edit')).toBe(false);
    expect(apiKeyPermissions('ORGANIZATION', ['content:admin', 'content', 'CONTENT_READ']).size).toBe(0);
  });

  it('makes read and write the sum of the module scopes, and offers a module scope exactly where it opens something', () => {
    for (const access of ['read', 'write'] as const) {
      const all = permissionsOfScope(access).sort();
      const byModule = API_KEY_SCOPES.filter((s) => s.endsWith(`:${access}`)).flatMap((s) => permissionsOfScope(s));
      expect([...byModule].sort()).toEqual(all);
    }
    for (const scope of API_KEY_SCOPES) expect(permissionsOfScope(scope).length).toBeGreaterThan(0);
    const open = new Set(
      (Object.entries(PERMISSIONS) as [Permission, (typeof PERMISSIONS)[Permission]][])
        .filter(([, spec]) => !('humansOnly' in spec && spec.humansOnly))
        .map(([, spec]) => `${spec.area}:${spec.access}`),
    );
    expect([...open].sort()).toEqual(API_KEY_SCOPES.filter((s) => s.includes(':')).sort());
    expect(new Set(Object.values(PERMISSIONS).map((spec) => spec.area))).toEqual(new Set(PERMISSION_AREAS));
  });
});
