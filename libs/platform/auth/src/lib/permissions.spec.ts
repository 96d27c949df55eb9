import { agencyPermissions, apiKeyPermissions, organizationPermissions, PERMISSIONS } from './permissions';

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
});
