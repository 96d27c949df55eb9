import { Navigate } from 'react-router';
import { useWorkspace } from '../components/workspace';

/** Agency people land on the portfolio; someone who belongs only to client organisations, on the first of them. */
export function HomeRedirect() {
  const workspace = useWorkspace();
  if (workspace.agency || workspace.organizations.length === 0) return <Navigate to="/portfolio" replace />;
  return <Navigate to={`/organizations/${workspace.organizations[0].id}`} replace />;
}
