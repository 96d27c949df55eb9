import { useOutletContext } from 'react-router';
import { graphql } from '../gql';
import type { WorkspaceQuery } from '../gql/graphql';

/** Who is signed in and which organisations they can switch to: the agency's clients and their own memberships. */
export const WorkspaceDocument = graphql(`
  query Workspace {
    me {
      user {
        id
        displayName
        email
        locale
      }
      agencies {
        role
        agency {
          id
          name
        }
      }
      organizations {
        roles
        organization {
          id
          name
          timezone
        }
      }
    }
  }
`);

export const AgencyOrganizationsDocument = graphql(`
  query AgencyOrganizations {
    organizations(first: 100) {
      edges {
        node {
          id
          name
          timezone
          locale
        }
      }
    }
  }
`);

export interface WorkspaceOrganization {
  id: string;
  name: string;
  timezone: string;
}

export interface Workspace {
  me: WorkspaceQuery['me'];
  agency: { id: string; name: string } | null;
  organizations: WorkspaceOrganization[];
  organization(id: string): WorkspaceOrganization | undefined;
  /** Reads the organisations again (after one was created). */
  refresh(): void;
}

export const useWorkspace = () => useOutletContext<Workspace>();

/** Whether the signed-in person owns or administers the current agency: they act in every one of its clients. */
export function useAgencyManager(): boolean {
  const workspace = useWorkspace();
  const role = workspace.me.agencies.find((a) => a.agency.id === workspace.agency?.id)?.role;
  return role === 'OWNER' || role === 'ADMIN';
}
