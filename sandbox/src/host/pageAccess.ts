// Who may open the app's pages, decided as Grafana 13.1 decides it (pkg/middleware/auth.go RoleAppPluginAuth for
// /a/<id>/…, CanAdminPlugins for /plugins/<id>; AppRootPage repeats the first check on client-side navigation).
import type { OrgRole, SandboxUser } from './roles';

/** The part of a plugin.json include the checks read. */
export interface PageInclude {
  type: string;
  name: string;
  path?: string;
  role?: string;
  action?: string;
}

export type PageAccess = { allowed: true } | { allowed: false; reason: string };

const RANK: Record<OrgRole, number> = { Viewer: 1, Editor: 2, Admin: 3 };

/** Grafana's OrgRole.Includes: Admin includes Editor includes Viewer. An include without a role is for Viewers. */
function hasRole(user: SandboxUser, role: string | undefined): boolean {
  const needed = RANK[(role || 'Viewer') as OrgRole];
  return needed !== undefined && RANK[user.orgRole] >= needed;
}

/** Go's filepath.Clean, then the leading slash trimmed (normalizeIncludePath). */
export function normalizeIncludePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') {
      continue;
    }
    if (seg === '..') {
      parts.pop();
    } else {
      parts.push(seg);
    }
  }
  return parts.join('/');
}

/**
 * An app page: only a page include whose path is exactly the requested path is checked — its `action` if it has
 * one, else its `role`. Any other path under /a/<id>/ (a flow page, say) is open to whoever may use the app.
 */
export function appPageAccess(includes: PageInclude[] | undefined, pathname: string, user: SandboxUser): PageAccess {
  const path = normalizeIncludePath(pathname);
  for (const include of includes ?? []) {
    if (include.type !== 'page' || include.path === undefined) {
      continue;
    }
    if (normalizeIncludePath(include.path.split('?')[0]) !== path) {
      continue;
    }
    if (include.action) {
      if (!user.permissions[include.action]) {
        return { allowed: false, reason: `${include.name} needs the permission ${include.action}` };
      }
    } else if (!hasRole(user, include.role)) {
      return { allowed: false, reason: `${include.name} is for the ${include.role} role and up` };
    }
  }
  return { allowed: true };
}

/** The configuration page (/plugins/<id>): org Admins, or Grafana server admins (plugin admin is on by default). */
export function pluginConfigAccess(user: SandboxUser): PageAccess {
  return user.orgRole === 'Admin' || user.isGrafanaAdmin
    ? { allowed: true }
    : { allowed: false, reason: 'Plugin settings are for organisation admins' };
}

/** Whether Grafana's nav would list an include for this user (navtree applinks.go hasAccessToInclude). */
export function includeVisible(include: PageInclude, user: SandboxUser): boolean {
  return include.action ? Boolean(user.permissions[include.action]) : hasRole(user, include.role);
}
