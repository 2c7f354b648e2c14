import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { buildTaskFlow } from '../flow';
import { errorTaskFrames } from '../flow/fixtures/errorTask';
import { SCATTERED, scatteredTaskFrames } from '../flow/fixtures/scatteredTask';
import { fakeDatasource, installBackend, installDatasources } from '../data/testing/fakeGrafana';
import { MAX_TASK_FILE_BYTES, taskToOtlp } from '../taskfile';
import { readFileText } from '../components/file/readFileText';
import { PLUGIN_BASE_URL } from '../constants';
import { testIds } from '../testIds';
import FilePage from './FilePage';
import { renderAt } from './testing/renderPage';

function setup() {
  const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => []);
  const loki = fakeDatasource({ uid: 'loki', type: 'loki' }, () => []);
  installDatasources([tempo, loki]);
  const backend = installBackend(() => ({}));
  renderAt(<FilePage />, 'file', `${PLUGIN_BASE_URL}/file`);
  return { tempo, loki, backend };
}

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Task file'), { target: { files: [file] } });
}

const scatteredOtlp = () => taskToOtlp(buildTaskFlow(scatteredTaskFrames()));

describe('FilePage', () => {
  it('opens an exported task and shows its flow, with no query sent anywhere', async () => {
    const { tempo, loki, backend } = setup();
    choose(new File([JSON.stringify(scatteredOtlp())], 'task.json', { type: 'application/json' }));
    const header = await screen.findByTestId(testIds.flow.header);
    expect(within(header).getByTestId(testIds.flow.correlationId)).toHaveTextContent(SCATTERED.correlationId);
    expect(screen.getByTestId(testIds.file.summary)).toHaveTextContent('task.json · OTLP/JSON · 20 spans · 1 task');
    expect(screen.getByTestId(testIds.file.noLogs)).toHaveTextContent('Logs are not in the file task.json');
    expect(screen.queryByTestId(testIds.file.taskPicker)).not.toBeInTheDocument();
    expect(screen.getAllByTestId(testIds.flow.row).length).toBeGreaterThan(0);
    expect(tempo.requests).toHaveLength(0);
    expect(loki.requests).toHaveLength(0);
    expect(backend).toHaveLength(0);
  });

  it('offers a picker when the file holds several tasks', async () => {
    setup();
    const a = taskToOtlp(buildTaskFlow(errorTaskFrames()));
    const doc = { resourceSpans: [...a.resourceSpans, ...scatteredOtlp().resourceSpans] };
    choose(new File([JSON.stringify(doc)], 'two.json'));
    const picker = await screen.findByTestId(testIds.file.taskPicker);
    expect(screen.getByTestId(testIds.file.summary)).toHaveTextContent('2 tasks');
    expect(screen.queryByTestId(testIds.flow.correlationId)).not.toBeInTheDocument();
    expect(within(picker).getAllByRole('radio')).toHaveLength(2);
    fireEvent.click(within(picker).getByRole('radio', { name: new RegExp(SCATTERED.correlationId) }));
    expect(await screen.findByTestId(testIds.flow.correlationId)).toHaveTextContent(SCATTERED.correlationId);
  });

  it.each([
    ['not JSON', '{"resourceSpans": [', /The file is not JSON/],
    ['an unknown format', '{"spans": []}', /Unknown format: expected OTLP\/JSON .* or Jaeger JSON/],
    ['no spans', '{"resourceSpans": []}', /The file holds no spans/],
  ])('names the problem of a file with %s', async (_name, text, message) => {
    setup();
    choose(new File([text], 'bad.json'));
    const alert = await screen.findByTestId(testIds.file.error);
    expect(alert).toHaveTextContent('bad.json cannot be opened');
    expect(alert).toHaveTextContent(message);
    expect(screen.queryByTestId(testIds.flow.header)).not.toBeInTheDocument();
  });

  it('refuses a file over the stated limit before reading it', async () => {
    setup();
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_TASK_FILE_BYTES + 1 });
    choose(file);
    expect(await screen.findByTestId(testIds.file.error)).toHaveTextContent(
      'The file is 100 MB, larger than the 100 MB limit for task files.'
    );
  });

  it('replaces a bad file by a good one', async () => {
    setup();
    choose(new File(['nope'], 'bad.json'));
    await screen.findByTestId(testIds.file.error);
    choose(new File([JSON.stringify(scatteredOtlp())], 'good.json'));
    await screen.findByTestId(testIds.flow.header);
    expect(screen.queryByTestId(testIds.file.error)).not.toBeInTheDocument();
  });
});

describe('Export on the flow view', () => {
  it('downloads tasker-task-<correlation_id>.json holding every span, which opens again', async () => {
    setup();
    choose(new File([JSON.stringify(scatteredOtlp())], 'task.json'));
    await screen.findByTestId(testIds.flow.header);

    const blobs: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:task';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      names.push(this.download);
    });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    } finally {
      click.mockRestore();
    }
    expect(names).toEqual([`tasker-task-${SCATTERED.correlationId}.json`]);
    const text = await readFileText(blobs[0]);
    const spans = JSON.parse(text).resourceSpans.flatMap((rs: { scopeSpans: Array<{ spans: unknown[] }> }) =>
      rs.scopeSpans.flatMap((s) => s.spans)
    );
    expect(spans).toHaveLength(20);

    choose(new File([text], names[0]));
    await waitFor(() =>
      expect(screen.getByTestId(testIds.file.summary)).toHaveTextContent(`${names[0]} · OTLP/JSON · 20 spans · 1 task`)
    );
  });

  it('copies the same OTLP/JSON with "Copy as JSON"', async () => {
    setup();
    choose(new File([JSON.stringify(scatteredOtlp())], 'task.json'));
    await screen.findByTestId(testIds.flow.header);
    const copied: string[] = [];
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void copied.push(text) },
      configurable: true,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as JSON' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(JSON.parse(copied[0])).toEqual(scatteredOtlp());
  });
});
