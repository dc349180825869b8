/**
 * Jest projects: the pure core, adapters, CLI and properties run in `node`; task-pane
 * components run in `jsdom`; the real-Chromium tests run in `node` against the built `dist/`.
 * @type {import('jest').Config}
 */
// Tests are transpiled file by file (tsconfig.jest.json: isolatedModules): `npm run typecheck`
// checks the types of src, test and bench beforehand, and a language service per test file
// took about a third of the suite's time.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/test/core/**/*.test.ts',
        '<rootDir>/test/functions/**/*.test.ts',
        '<rootDir>/test/cli/**/*.test.ts',
        '<rootDir>/test/properties/**/*.test.ts',
        '<rootDir>/test/golden/**/*.test.ts',
        '<rootDir>/test/metadata/**/*.test.ts',
        '<rootDir>/test/manifest/**/*.test.ts',
        '<rootDir>/test/host/**/*.test.ts',
        '<rootDir>/test/timerecording/**/*.test.ts',
        '<rootDir>/test/funding/**/*.test.ts',
        '<rootDir>/test/steering/**/*.test.ts',
        '<rootDir>/test/figures/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'taskpane',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/taskpane/**/*.test.ts?(x)'],
    },
    {
      // The spreadsheet engine: renderer, portable form, one evaluator, LibreOffice as the judge.
      ...common,
      displayName: 'engine',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/engine/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
