import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { buildTaskFlow } from '../../flow';
import type { TaskFlow } from '../../flow/types';
import { SpanTree } from './SpanTree';
import { HOSTILE_NAME, framesOf, guideTaskSpans, largeTaskFrames } from './testFrames';

const HEIGHT = 560;
const ROW = 28;
const OVERSCAN = 8;
const POOL = Math.ceil(HEIGHT / ROW) + 2 * OVERSCAN + 1;

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('flow-row');
}

function rowNames(): string[] {
  return rows()
    .sort((a, b) => Number(a.dataset.row) - Number(b.dataset.row))
    .map((r) => r.querySelector('[title]:not([title^="depth"])')?.textContent ?? '');
}

function rowById(flow: TaskFlow, spanId: string): HTMLElement {
  const el = rows().find((r) => r.dataset.spanId === spanId);
  if (!el) {
    throw new Error(`no row for ${spanId} (${flow.nameAt(flow.indexOf(spanId))})`);
  }
  return el;
}

function renderTree(flow: TaskFlow, onSelect: (i: number) => void = () => {}, selectedIndex = -1) {
  return render(<SpanTree flow={flow} selectedIndex={selectedIndex} onSelect={onSelect} height={HEIGHT} />);
}

async function typeSearch(text: string) {
  jest.useFakeTimers();
  fireEvent.change(screen.getByTestId('flow-search'), { target: { value: text } });
  act(() => {
    jest.advanceTimersByTime(300);
  });
  jest.useRealTimers();
}

describe('SpanTree on a small task', () => {
  const flow = buildTaskFlow(framesOf(guideTaskSpans({ steps: 3, withRetry: true, hostile: true })));
  const root = flow.roots[0];

  it('opens with the roots expanded and one row per visible span', () => {
    renderTree(flow);
    expect(rows()).toHaveLength(1 + flow.childrenOf(root).length);
    expect(rowById(flow, root)).toHaveAttribute('aria-expanded', 'true');
    expect(rowNames()[0]).toBe('create_and_enqueue_task_from_request');
  });

  it('collapses and expands one node with its toggle', () => {
    renderTree(flow);
    const exec = flow.childrenOf(root).find((id) => flow.childrenOf(id).length > 0)!;
    const before = rows().length;
    fireEvent.click(within(rowById(flow, exec)).getByRole('button', { name: 'Expand' }));
    expect(rowById(flow, exec)).toHaveAttribute('aria-expanded', 'true');
    expect(rows()).toHaveLength(before + flow.childrenOf(exec).length);
    fireEvent.click(within(rowById(flow, exec)).getByRole('button', { name: 'Collapse' }));
    expect(rows()).toHaveLength(before);
    fireEvent.click(within(rowById(flow, root)).getByRole('button', { name: 'Collapse' }));
    expect(rows()).toHaveLength(1);
  });

  it('expands all and collapses all', () => {
    renderTree(flow);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    expect(rows()).toHaveLength(flow.nodeCount);
    fireEvent.click(screen.getByTestId('flow-collapse-all'));
    expect(rows()).toHaveLength(flow.roots.length);
  });

  it('shows hostile span names as text and creates no elements from them', () => {
    const { container } = renderTree(flow);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    expect(screen.getAllByText(HOSTILE_NAME).length).toBeGreaterThan(0);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('selects a span on click', () => {
    const onSelect = jest.fn();
    renderTree(flow, onSelect);
    const first = flow.childrenOf(root)[0];
    fireEvent.click(within(rowById(flow, first)).getByText(flow.nameAt(flow.indexOf(first))));
    expect(onSelect).toHaveBeenCalledWith(flow.indexOf(first));
  });

  it('searches by name and, with matches only, shows the hits and their ancestors', async () => {
    renderTree(flow);
    await typeSearch('try_claim');
    const claims = flow.search('try_claim');
    expect(claims.length).toBe(4);
    expect(screen.getByTestId('flow-match-count')).toHaveTextContent('4 matches');
    expect(screen.getByTestId('flow-matches-only')).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(screen.getByTestId('flow-matches-only'));
    expect(screen.getByTestId('flow-matches-only')).toHaveAttribute('aria-pressed', 'true');
    const names = rowNames();
    expect(names.filter((n) => n === 'try_claim_step')).toHaveLength(4);
    expect(names).toContain('create_and_enqueue_task_from_request');
    expect(
      names.every((n) => ['try_claim_step', 'execute_step', 'create_and_enqueue_task_from_request'].includes(n))
    ).toBe(true);
    fireEvent.click(screen.getByTestId('flow-matches-only'));
    expect(rowNames()).toContain('finalize_task');
  });

  it('searches attribute values', async () => {
    renderTree(flow);
    await typeSearch('window.__pwned=2');
    expect(screen.getByTestId('flow-match-count')).toHaveTextContent('1 match');
    fireEvent.click(screen.getByTestId('flow-matches-only'));
    // The hit is the hostile-named handler span, under its execute_step, under the root.
    expect(rowNames()).toEqual(['create_and_enqueue_task_from_request', 'execute_step', HOSTILE_NAME]);
  });

  it('errors only keeps failed spans and their ancestors', () => {
    const expected = new Set<number>();
    for (let i = 0; i < flow.nodeCount; i++) {
      if (flow.errorAt(i)) {
        for (let id: string | undefined = flow.idAt(i); id !== undefined; id = flow.span(id)?.parentSpanId) {
          expected.add(flow.indexOf(id));
        }
      }
    }
    expect(expected.size).toBeGreaterThan(2);
    renderTree(flow);
    fireEvent.click(screen.getByTestId('flow-errors-only'));
    const shown = rows();
    expect(new Set(shown.map((r) => Number(r.dataset.spanIndex)))).toEqual(expected);
    expect(shown.filter((r) => within(r).queryByRole('img', { name: 'error' }))).toHaveLength(2);
  });

  it('says so when no span passes the filters', async () => {
    renderTree(flow);
    await typeSearch('no-such-span-anywhere');
    fireEvent.click(screen.getByTestId('flow-matches-only'));
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('flow-tree')).toHaveTextContent('No span matches the filters');
  });

  it('moves with the keyboard, collapses and expands, and selects with Enter', () => {
    const onSelect = jest.fn();
    renderTree(flow, onSelect);
    const tree = screen.getByTestId('flow-tree');
    tree.focus();
    fireEvent.keyDown(tree, { key: 'Home' });
    expect(tree).toHaveAttribute('aria-activedescendant', `flow-row-${flow.indexOf(root)}`);
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(rowById(flow, root)).toHaveAttribute('aria-expanded', 'false');
    expect(rows()).toHaveLength(1);
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(rowById(flow, root)).toHaveAttribute('aria-expanded', 'true');
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    const third = flow.childrenOf(root)[1];
    expect(tree).toHaveAttribute('aria-activedescendant', `flow-row-${flow.indexOf(third)}`);
    fireEvent.keyDown(tree, { key: 'ArrowUp' });
    fireEvent.keyDown(tree, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(flow.indexOf(flow.childrenOf(root)[0]));
    fireEvent.keyDown(tree, { key: 'End' });
    const last = flow.childrenOf(root)[flow.childrenOf(root).length - 1];
    expect(tree).toHaveAttribute('aria-activedescendant', `flow-row-${flow.indexOf(last)}`);
    // Left on a leaf goes to its parent.
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(tree).toHaveAttribute('aria-activedescendant', `flow-row-${flow.indexOf(root)}`);
  });

  it('highlights the critical path on demand', () => {
    renderTree(flow);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    expect(rows().every((r) => !r.hasAttribute('data-critical'))).toBe(true);
    fireEvent.click(screen.getByTestId('flow-critical-path'));
    const marked = rows().filter((r) => r.dataset.critical === 'true');
    expect(marked.length).toBe(flow.criticalPath.length);
    expect(marked.map((r) => r.dataset.spanId).sort()).toEqual([...flow.criticalPath].sort());
    expect(rows().filter((r) => r.dataset.critical === 'false').length).toBe(flow.nodeCount - marked.length);
  });

  it('reveals a span selected from outside', () => {
    const hidden = flow.search('try_claim')[0];
    const { rerender } = renderTree(flow);
    expect(rows().some((r) => Number(r.dataset.spanIndex) === hidden)).toBe(false);
    rerender(<SpanTree flow={flow} selectedIndex={hidden} onSelect={() => {}} height={HEIGHT} />);
    const row = rows().find((r) => Number(r.dataset.spanIndex) === hidden);
    expect(row).toHaveAttribute('aria-selected', 'true');
  });
});

describe('SpanTree on 100k spans', () => {
  let flow: TaskFlow;
  beforeAll(() => {
    flow = buildTaskFlow(largeTaskFrames(100_000));
  });

  it('renders only a window of rows, expanded or not', () => {
    expect(flow.spanCount).toBeGreaterThanOrEqual(100_000);
    renderTree(flow);
    expect(rows().length).toBeLessThanOrEqual(POOL);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    expect(rows().length).toBeLessThanOrEqual(POOL);
    expect(rows().length).toBeGreaterThan(HEIGHT / ROW);
    expect(screen.getByTestId('flow-row-count')).toHaveTextContent(
      `${flow.spanCount.toLocaleString('en-US')} of ${flow.spanCount.toLocaleString('en-US')} spans shown`
    );
    // The spacer gives the scrollbar the height of every row.
    const spacer = screen.getByTestId('flow-tree').firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${flow.nodeCount * ROW}px`);
    fireEvent.click(screen.getByTestId('flow-collapse-all'));
    expect(rows()).toHaveLength(flow.roots.length);
  });

  it('scrolling swaps the rows of the window', () => {
    renderTree(flow);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    const tree = screen.getByTestId('flow-tree');
    const target = 50_000;
    Object.defineProperty(tree, 'scrollTop', { configurable: true, value: target * ROW });
    fireEvent.scroll(tree);
    const shown = rows().map((r) => Number(r.dataset.row));
    expect(shown.length).toBeLessThanOrEqual(POOL);
    expect(Math.min(...shown)).toBe(target - OVERSCAN);
    expect(shown).toContain(target + Math.ceil(HEIGHT / ROW) - 1);
    const r = rows().find((el) => Number(el.dataset.row) === target)!;
    expect(r.style.transform).toBe(`translateY(${target * ROW}px)`);
  });

  it('filters 100k spans to the matches', async () => {
    renderTree(flow);
    await typeSearch('finalize_task');
    fireEvent.click(screen.getByTestId('flow-matches-only'));
    expect(rowNames()).toEqual(['create_and_enqueue_task_from_request', 'finalize_task']);
  });
});
