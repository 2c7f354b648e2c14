// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const swcTransform = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  // Jest configuration provided by Grafana scaffolding
  ...base,
  // Unit and component tests live beside the code they test (src/, workload/, sandbox/); tests/repo/ checks the
  // repository itself (packaging, provisioning); perf-check/ tests the CI command. Playwright specs are *.spec.ts and
  // never Jest's.
  testMatch: ['<rootDir>/{src,workload,sandbox,tests,perf-check}/**/*.test.{ts,tsx}'],
  transform: {
    ...base.transform,
    // @grafana/data 13 pulls in d3-color's .mjs build; the scaffold's transform does not cover .mjs.
    '^.+\\.mjs$': swcTransform,
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
