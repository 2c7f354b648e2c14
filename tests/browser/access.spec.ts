// Who may open which page, as Grafana 13.1 decides it, and the page chrome Grafana's PluginPage draws. The sandbox
// plays a Viewer, Editor or Admin (?role=, or the top bar's switch) and enforces Grafana's include checks.
import { expect, test, type Page } from './fixtures';
import { APP, demoTask, guardPage, navigate, openSandbox } from './sandbox';

const CONFIG_PATH = '/plugins/tasker-observability-app';

const crumbs = (page: Page) => page.getByTestId('sandbox-breadcrumbs').getByRole('listitem');
const denied = (page: Page) => page.getByTestId('sandbox-access-denied');

test.describe('page access', () => {
  test('a Viewer opens every page of the app: the lists, a task flow and a trace flow', async ({ page }) => {
    const seen = guardPage(page);
    const task = await demoTask('documented');
    await openSandbox(page, `${APP}/tasks?role=viewer`);
    // One trace of the demo data (a documented task is one trace), read from the host's store.
    const traceId = await page.evaluate(
      () =>
        (
          window as unknown as { __sandbox: { store: { allTraces(): IterableIterator<[string, unknown]> } } }
        ).__sandbox.store
          .allTraces()
          .next().value![0]
    );
    const pages: Array<[string, string]> = [
      [`${APP}/tasks`, 'tasks-page'],
      [`${APP}/logs`, 'logs-page'],
      [`${APP}/tasks/${task.correlationId}`, 'flow-header'],
      [`${APP}/trace/${traceId}`, 'flow-header'],
    ];
    // Moving around inside the app, as a user does: the host checks access on every route it renders.
    for (const [path, testId] of pages) {
      await navigate(page, path);
      await expect(page.getByTestId(testId), path).toBeVisible();
      await expect(denied(page), path).toHaveCount(0);
    }
    expect(await page.evaluate(() => window.localStorage.getItem('sandbox.role'))).toBe('Viewer');
    // Grafana refuses /explore to a Viewer without datasources:explore: the app offers no Explore link then.
    await navigate(page, `${APP}/tasks`);
    await expect(page.getByTestId('tasks-page')).toBeVisible();
    await expect(page.getByTestId('explore-traceql')).toHaveCount(0);
    await navigate(page, '/explore?schemaVersion=1&orgId=1&panes=%7B%7D');
    await expect(denied(page)).toBeVisible();
    expect(seen.errors).toEqual([]);
  });

  test('Configuration is refused to a Viewer and an Editor, and listed only for an Admin', async ({ page }) => {
    for (const role of ['viewer', 'editor']) {
      await openSandbox(page, `${CONFIG_PATH}?role=${role}`);
      await expect(denied(page)).toContainText('You do not have permission to see this page');
      await expect(page.getByTestId('settings-page')).toHaveCount(0);
      await expect(page.getByTestId('sandbox-topbar').getByRole('link', { name: 'Configuration' })).toHaveCount(0);
    }
    await openSandbox(page, `${CONFIG_PATH}?role=admin`);
    await expect(page.getByTestId('settings-page')).toBeVisible();
    await expect(page.getByTestId('sandbox-topbar').getByRole('link', { name: 'Configuration' })).toBeVisible();
  });

  test('switching the role in the top bar re-checks the page shown', async ({ page }) => {
    await openSandbox(page, CONFIG_PATH);
    await expect(page.getByTestId('settings-page')).toBeVisible();
    await page.getByTestId('sandbox-role').getByRole('radio', { name: 'Viewer' }).check();
    await expect(denied(page)).toBeVisible();
    await page.getByTestId('sandbox-role').getByRole('radio', { name: 'Admin' }).check();
    await expect(page.getByTestId('settings-page')).toBeVisible();
  });
});

test.describe('page chrome', () => {
  test('breadcrumbs and titles read as Grafana draws them around the app', async ({ page }) => {
    const task = await demoTask('documented');
    await openSandbox(page, `${APP}/tasks`);
    await expect(crumbs(page)).toHaveText(['Home', 'More apps', 'Tasker']);
    await expect(page.getByTestId('sandbox-page-title')).toHaveText('Tasker');

    await navigate(page, `${APP}/logs`);
    await expect(crumbs(page)).toHaveText(['Home', 'More apps', 'Tasker', 'Logs']);
    await expect(page.getByTestId('sandbox-page-title')).toHaveText('Logs');

    await navigate(page, `${APP}/tasks/${task.correlationId}?from=now-6h&to=now`);
    await expect(crumbs(page)).toHaveText(['Home', 'More apps', 'Tasks', `Task ${task.correlationId}`]);
    await expect(page.getByTestId('sandbox-page-title')).toHaveText(`Task ${task.correlationId}`);
    // "Tasks" leads back to the list in the same time range.
    await crumbs(page).getByRole('link', { name: 'Tasks' }).click();
    await expect(page.getByTestId('tasks-page')).toBeVisible();
    expect(new URL(page.url()).search).toContain('from=now-6h');
  });
});

test.describe('Explore links', () => {
  test('name the organisation of the signed-in user', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks?org=3`);
    const href = await page.getByTestId('explore-traceql').getAttribute('href');
    expect(new URL(href!, 'http://x').searchParams.get('orgId')).toBe('3');
  });
});
