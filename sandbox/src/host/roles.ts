// The signed-in user the sandbox plays: an org role picked with ?role=viewer|editor|admin (kept in localStorage, as
// the theme is), and the organisation with ?org=<id>. Read by boot.ts before @grafana/runtime loads.

export const ORG_ROLES = ['Viewer', 'Editor', 'Admin'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** What the page-access checks need to know of the user (Grafana's SignedInUser, in short). */
export interface SandboxUser {
  orgRole: OrgRole;
  isGrafanaAdmin: boolean;
  /** RBAC actions the user holds (Grafana's boot data `user.permissions`). */
  permissions: Record<string, boolean>;
}

export const ROLE_STORAGE_KEY = 'sandbox.role';

/** `viewer`, `Viewer`, `VIEWER` → 'Viewer'; anything else → undefined. */
export function parseOrgRole(text: string | null | undefined): OrgRole | undefined {
  const t = (text ?? '').trim().toLowerCase();
  return ORG_ROLES.find((r) => r.toLowerCase() === t);
}

/**
 * The user a basic role makes in a fresh Grafana 13.1 OSS: `datasources:explore` comes with Editor (a Viewer gets
 * it only through viewers_can_edit or a custom role), and only the sandbox's Admin is also a Grafana server admin.
 */
export function userForRole(role: OrgRole): SandboxUser {
  return {
    orgRole: role,
    isGrafanaAdmin: role === 'Admin',
    permissions: role === 'Viewer' ? {} : { 'datasources:explore': true },
  };
}

/** A positive whole organisation id from `?org=`, else 1 (Grafana's Main Org.). */
export function parseOrgId(text: string | null | undefined): number {
  const n = Number(text);
  return text && /^\d+$/.test(text.trim()) && Number.isSafeInteger(n) && n >= 1 ? n : 1;
}
