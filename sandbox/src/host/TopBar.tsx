import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, NavModelItem } from '@grafana/data';
import { RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { NavLink } from 'react-router-dom';
import { DATASOURCE_MODES, type DatasourceMode, type SandboxControl } from '../datasources/control';
import { ORG_ROLES, type OrgRole } from './roles';

interface Props {
  control: SandboxControl;
  themeMode: 'light' | 'dark';
  onThemeChange: (mode: 'light' | 'dark') => void;
  /** The org role the sandbox's user has (Grafana's boot data user.orgRole). */
  role: OrgRole;
  onRoleChange: (role: OrgRole) => void;
  /**
   * The app's nav node (appNav.ts): the app itself (its default page) and the other pages Grafana lists to this user,
   * from plugin.json's includes; none until the plugin has loaded.
   */
  appNav?: NavModelItem;
}

/** The sandbox's own chrome: navigation, the user's role, theme, and how the stand-in datasources answer. */
export function TopBar({ control, themeMode, onThemeChange, role, onRoleChange, appNav }: Props) {
  const styles = useStyles2(getStyles);
  const [mode, setMode] = useState<DatasourceMode>(control.mode);
  useEffect(() => control.subscribe(() => setMode(control.mode)), [control]);
  return (
    <header className={styles.bar} data-testid="sandbox-topbar">
      <span className={styles.brand}>Tasker sandbox</span>
      <nav className={styles.nav}>
        {appNav &&
          [appNav, ...(appNav.children ?? [])].map((node) => (
            <NavLink key={node.url} to={node.url ?? '/'} end={node !== appNav} className={styles.link}>
              {node.text}
            </NavLink>
          ))}
      </nav>
      <span className={styles.spacer} />
      <label className={styles.label}>Role</label>
      <div data-testid="sandbox-role">
        <RadioButtonGroup<OrgRole>
          size="sm"
          options={ORG_ROLES.map((r) => ({ label: r, value: r }))}
          value={role}
          onChange={onRoleChange}
        />
      </div>
      <label className={styles.label}>Datasources</label>
      <div data-testid="sandbox-ds-mode">
        <RadioButtonGroup<DatasourceMode>
          size="sm"
          options={DATASOURCE_MODES.map((m) => ({ label: m, value: m }))}
          value={mode}
          onChange={(m) => control.setMode(m)}
        />
      </div>
      <label className={styles.label}>Theme</label>
      <div data-testid="sandbox-theme">
        <RadioButtonGroup<'light' | 'dark'>
          size="sm"
          options={[
            { label: 'Light', value: 'light' },
            { label: 'Dark', value: 'dark' },
          ]}
          value={themeMode}
          onChange={onThemeChange}
        />
      </div>
    </header>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 2),
    background: theme.colors.background.primary,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  brand: css({ fontWeight: theme.typography.fontWeightMedium }),
  nav: css({ display: 'flex', gap: theme.spacing(2) }),
  link: css({
    color: theme.colors.text.secondary,
    '&.active': { color: theme.colors.text.primary, textDecoration: 'underline' },
  }),
  spacer: css({ flex: 1 }),
  label: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
