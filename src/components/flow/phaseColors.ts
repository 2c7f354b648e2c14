import type { GrafanaTheme2 } from '@grafana/data';
import type { Phase } from '../../flow/types';

/** Palette names per phase; the theme turns them into the light or dark shade. */
const PHASE_COLOR_NAMES: Record<Phase, string> = {
  initialization: 'blue',
  enqueueing: 'purple',
  execution: 'green',
  result_processing: 'orange',
  finalization: 'yellow',
  other: 'text',
};

export const PHASE_LABELS: Record<Phase, string> = {
  initialization: 'Initialization',
  enqueueing: 'Enqueueing',
  execution: 'Execution',
  result_processing: 'Result processing',
  finalization: 'Finalization',
  other: 'Other',
};

export function phaseColor(theme: GrafanaTheme2, phase: Phase): string {
  if (phase === 'other') {
    return theme.colors.text.disabled;
  }
  return theme.visualization.getColorByName(PHASE_COLOR_NAMES[phase] ?? 'text');
}

export function phaseColors(theme: GrafanaTheme2): Record<Phase, string> {
  return {
    initialization: phaseColor(theme, 'initialization'),
    enqueueing: phaseColor(theme, 'enqueueing'),
    execution: phaseColor(theme, 'execution'),
    result_processing: phaseColor(theme, 'result_processing'),
    finalization: phaseColor(theme, 'finalization'),
    other: phaseColor(theme, 'other'),
  };
}
