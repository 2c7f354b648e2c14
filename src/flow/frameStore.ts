import { Column } from './values';

/** Columns the model reads lazily after the build (times are copied into flat arrays instead). */
export type LazyColumn =
  | 'parentSpanID'
  | 'operationName'
  | 'serviceName'
  | 'serviceTags'
  | 'tags'
  | 'logs'
  | 'kind'
  | 'statusCode'
  | 'statusMessage'
  | 'spanID';

export const LAZY_SLOT: Readonly<Record<LazyColumn, number>> = {
  parentSpanID: 0,
  operationName: 1,
  serviceName: 2,
  serviceTags: 3,
  tags: 4,
  logs: 5,
  kind: 6,
  statusCode: 7,
  statusMessage: 8,
  spanID: 9,
};

export const LAZY_SLOT_COUNT = 10;

/**
 * Keeps, per frame, only a reference to the frame's own `fields` list plus a shared "shape" (which field index
 * holds which column). Trace frames from one datasource all share one shape, so this costs a few bytes per frame
 * instead of an object of column references. Frames whose values are not plain arrays (old Vector objects)
 * keep their decoded columns instead.
 */
export class FrameStore {
  private fields: unknown[][] = [];
  private shapeOf: ArrayLike<number> = [];
  private readonly building: number[] = [];
  private readonly shapes: Int16Array[] = [];
  private readonly shapeIds = new Map<number | string, number>();
  private readonly decoded = new Map<number, Array<Column | undefined>>();

  /**
   * Registers the next frame. `shape[slot]` is the field index holding that column (-1: none). When `decoded` is
   * given, the frame's values were not plain arrays and these decoded columns (by slot) are kept instead.
   */
  add(fields: unknown[], shape: Int16Array, decoded?: Array<Column | undefined>): void {
    const frame = this.fields.length;
    this.fields.push(fields);
    if (decoded) {
      this.decoded.set(frame, decoded);
      this.building.push(-1);
      return;
    }
    // Small field indices pack into one exact number; anything larger falls back to a text key.
    let key: number | string = 0;
    for (let s = 0; s < LAZY_SLOT_COUNT; s++) {
      const index = shape[s];
      if (index >= 31) {
        key = shape.join(',');
        break;
      }
      key = key * 32 + (index + 1);
    }
    let id = this.shapeIds.get(key);
    if (id === undefined) {
      id = this.shapes.length;
      this.shapes.push(shape.slice());
      this.shapeIds.set(key, id);
    }
    this.building.push(id);
  }

  /** Ends registration: exact-size, flat storage. */
  compact(): void {
    this.fields = this.fields.slice();
    this.shapeOf = Int32Array.from(this.building);
    this.building.length = 0;
  }

  /** The cell of `column` in row `row` of frame `frame`, or undefined. */
  cell(frame: number, row: number, column: LazyColumn): unknown {
    const shape = this.shapeOf[frame];
    if (shape === undefined) {
      return undefined;
    }
    const slot = LAZY_SLOT[column];
    if (shape === -1) {
      return this.decoded.get(frame)?.[slot]?.[row];
    }
    const index = this.shapes[shape][slot];
    if (index === -1) {
      return undefined;
    }
    const values = (this.fields[frame][index] as { values: Column }).values;
    return values[row];
  }
}
