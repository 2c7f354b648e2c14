// Ids shaped like Tasker's (UUID v7 / v4) and OpenTelemetry's, for fixtures.
export const TASK_A = '019ab6f9-7a27-7d16-b298-1ea41b327373';
export const CORR_A = '88f21229-4085-4d53-8f52-2fde0b7228e2';
export const STEP_A1 = '019ab6f9-7a2a-7873-a5d1-93234ae46003';
export const STEP_A2 = '019ab6f9-7a2a-7873-a5d1-93234ae46004';
export const TASK_B = '019ab6fa-0000-7000-8000-000000000001';
export const CORR_B = '5d0c6a7e-1111-4222-8333-444455556666';
/** A fresh random correlation_id a worker path puts on its spans. */
export const CORR_WORKER = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

export function traceId(n: number): string {
  return n.toString(16).padStart(32, '0').replace(/^0/, 'a');
}

export function spanId(n: number): string {
  return n.toString(16).padStart(16, '0').replace(/^0/, 'b');
}
