import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/** The flow page's compact tables (steps, history): scrolling box, sticky header, right-aligned figures. */
export const getFlowTableStyles = (theme: GrafanaTheme2) => ({
  tableWrap: css({
    maxHeight: 220,
    overflowY: 'auto',
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: {
      position: 'sticky',
      top: 0,
      background: theme.colors.background.secondary,
      fontWeight: theme.typography.fontWeightMedium,
    },
  }),
  num: css({
    textAlign: 'right !important' as 'right',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  }),
  /** A step or phase name: user data, one line, isolated from the text around it. */
  name: css({
    maxWidth: 320,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    unicodeBidi: 'isolate',
  }),
});
