import React, { memo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, IconButton, Input, useStyles2 } from '@grafana/ui';
import { testIds } from '../../testIds';

export interface SpanTreeToolbarProps {
  search: string;
  onSearchChange: (text: string) => void;
  /** Number of spans the current search matches; null when there is no search. */
  matchCount: number | null;
  onNextMatch: (direction: 1 | -1) => void;
  matchesOnly: boolean;
  onMatchesOnlyChange: (on: boolean) => void;
  errorsOnly: boolean;
  onErrorsOnlyChange: (on: boolean) => void;
  criticalPath: boolean;
  onCriticalPathChange: (on: boolean) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

/** Memoised: expanding or scrolling the tree must not re-render these @grafana/ui inputs. */
export const SpanTreeToolbar = memo(function SpanTreeToolbar(props: SpanTreeToolbarProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.toolbar} data-testid={testIds.flow.toolbar}>
      <Button
        size="sm"
        variant="secondary"
        icon="angle-double-down"
        onClick={props.onExpandAll}
        data-testid={testIds.flow.expandAll}
      >
        Expand all
      </Button>
      <Button
        size="sm"
        variant="secondary"
        icon="angle-double-up"
        onClick={props.onCollapseAll}
        data-testid={testIds.flow.collapseAll}
      >
        Collapse all
      </Button>
      <div className={styles.search}>
        <Input
          type="search"
          placeholder="Search name, id or attribute"
          aria-label="Search spans"
          value={props.search}
          onChange={(e) => props.onSearchChange(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              props.onNextMatch(e.shiftKey ? -1 : 1);
            }
          }}
          data-testid={testIds.flow.search}
          suffix={
            props.matchCount !== null ? (
              <span className={styles.count} data-testid={testIds.flow.matchCount}>
                {props.matchCount} {props.matchCount === 1 ? 'match' : 'matches'}
              </span>
            ) : undefined
          }
        />
      </div>
      <IconButton
        name="arrow-up"
        tooltip="Previous match (Shift+Enter)"
        disabled={!props.matchCount}
        onClick={() => props.onNextMatch(-1)}
      />
      <IconButton
        name="arrow-down"
        tooltip="Next match (Enter)"
        disabled={!props.matchCount}
        onClick={() => props.onNextMatch(1)}
      />
      <ToggleButton
        label="Matches only"
        tooltip="Show only the spans the search matches, with their ancestors"
        on={props.matchesOnly}
        onChange={props.onMatchesOnlyChange}
        testId={testIds.flow.matchesOnly}
      />
      <ToggleButton
        label="Errors only"
        tooltip="Show only failed spans, with their ancestors"
        on={props.errorsOnly}
        onChange={props.onErrorsOnlyChange}
        testId={testIds.flow.errorsOnly}
      />
      <ToggleButton
        label="Critical path"
        tooltip="Highlight the chain of spans that determines when the task ends"
        on={props.criticalPath}
        onChange={props.onCriticalPathChange}
        testId={testIds.flow.criticalPath}
      />
    </div>
  );
});

/**
 * An on/off button (aria-pressed). Chosen over a Switch because its whole face is the click target, which keeps
 * keyboard, pointer and browser-test clicks simple.
 */
function ToggleButton(props: {
  label: string;
  tooltip: string;
  on: boolean;
  onChange: (on: boolean) => void;
  testId: string;
}) {
  return (
    <Button
      size="sm"
      variant={props.on ? 'primary' : 'secondary'}
      fill={props.on ? 'solid' : 'outline'}
      icon={props.on ? 'check' : undefined}
      aria-pressed={props.on}
      tooltip={props.tooltip}
      onClick={() => props.onChange(!props.on)}
      data-testid={props.testId}
    >
      {props.label}
    </Button>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  toolbar: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  search: css({
    flex: '1 1 220px',
    maxWidth: 360,
  }),
  count: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
});
