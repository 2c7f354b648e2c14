import { test } from '@grafana/plugin-e2e';
import { skipWithoutGrafana } from './grafana';

skipWithoutGrafana();

test('authenticate', async ({ login }) => {
  await login();
});
