// Two projects: `unit` (specs beside the code, no database) and `int` (Payload on a real database).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
]

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@payloadcms/next/css$': '<rootDir>/tests/helpers/styleStub.js',
    '\\.(css|scss)$': '<rootDir>/tests/helpers/styleStub.js',
  },
  testEnvironment: 'node',
  // A timer that outlives its suite (Payload's crons, pools closing) must not trip jest's soft globals cleanup into recursion.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  modulePathIgnorePatterns: ['<rootDir>/.next', '<rootDir>/storefront/.next', '<rootDir>/data'],
}

/** @type {import('jest').Config} */
export default {
  forceExit: true,
  // `npm run test:coverage` (CI's coverage job). V8's own coverage: it sees through the swc transform
  // without instrumenting the code. Thresholds are a floor a little under the measured figures
  // (CONTRIBUTING.md, "Coverage"): a change that drops coverage below them fails the run.
  coverageProvider: 'v8',
  // V8 keeps coverage for every module each file loads (Payload and Next, again per file): in one process the whole
  // run outgrew the 4 GB heap. test:coverage therefore runs one worker (files still one at a time), recycled when it
  // holds more than this after a file. `--runInBand` runs (npm test) ignore it.
  workerIdleMemoryLimit: '1GB',
  collectCoverageFrom: [
    '<rootDir>/src/**/*.{ts,tsx}',
    '<rootDir>/collections/**/*.{ts,tsx}',
    '<rootDir>/plugins/**/*.{ts,tsx}',
    '<rootDir>/storefront/lib/**/*.ts',
    '!**/*.spec.ts',
    '!**/*.d.ts',
  ],
  coverageReporters: ['text-summary', 'lcov', 'json-summary'],
  coverageDirectory: '<rootDir>/coverage',
  // Measured 2026-11-26 on SQLite without a Next build (no Postgres/Redis/server suites): 84.8% lines, 86.4%
  // branches, 87.2% functions overall; src/commerce 99.4% lines, 95.1% branches. The commerce rules are held
  // higher than the glue; a path entry takes its files out of the global figure.
  // The server front, endpoints and jobs (issue 17) are held at 80%; measured 2026-12-02 (SQLite, no Next build): src/server
  // 94.0% lines / 86.3% branches, src/endpoints 96.3 / 94.2, src/jobs 93.4 / 87.4. Their code counts only where it runs
  // in the jest process (unit specs beside it, tests/int/ops-start for startCms), not in child processes.
  coverageThreshold: {
    global: { lines: 75, statements: 75, branches: 75, functions: 75 },
    './src/commerce/': { lines: 95, statements: 95, branches: 90, functions: 90 },
    './src/server/': { lines: 80, statements: 80, branches: 80, functions: 80 },
    './src/endpoints/': { lines: 80, statements: 80, branches: 85, functions: 80 },
    './src/jobs/': { lines: 80, statements: 80, branches: 80, functions: 80 },
  },
  // Integration files boot Payload on a fresh database in beforeAll; jest reads this only at the top level.
  testTimeout: 120000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/collections/**/*.spec.ts',
        '<rootDir>/plugins/**/*.spec.ts',
        '<rootDir>/storefront/{lib,app,components}/**/*.spec.ts',
        '<rootDir>/ops/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
      ],
      // A plugin's integration specs sit beside it (plugins/<name>/*.int.spec.ts) and belong to the int project.
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.int.spec.ts', '<rootDir>/plugins/**/*.int.spec.ts'],
      setupFiles: ['<rootDir>/tests/helpers/intEnv.js'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.spec.ts'],
      setupFiles: ['<rootDir>/tests/helpers/intEnv.js'],
    },
  ],
}
