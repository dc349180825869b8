/* Flat ESLint config: type-aware typescript-eslint rules, plus the architecture guard rails. */
const tseslint = require('typescript-eslint');

const runtimeNetwork = [
  { name: 'fetch', message: 'No network calls at runtime (privacy): IND Rekenmodel works offline.' },
  { name: 'XMLHttpRequest', message: 'No network calls at runtime (privacy).' },
  { name: 'WebSocket', message: 'No network calls at runtime (privacy).' },
  { name: 'EventSource', message: 'No network calls at runtime (privacy).' },
];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'coverage/**', 'test-output/**', '**/*.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Adapters receive Excel's untyped `any[][]`; validation narrows it.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/cli/**'],
    rules: { 'no-restricted-globals': ['error', ...runtimeNetwork] },
  },
  {
    // The core is pure: no DOM, no Office, no React, no Node I/O.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', '@fluentui/*'], message: 'src/core is pure: no React/UI.' },
            { group: ['office-*', '@microsoft/*'], message: 'src/core is pure: no Office.' },
            {
              group: ['fs', 'path', 'node:*', 'http', 'https', 'child_process'],
              message: 'src/core is pure: no Node I/O.',
            },
            {
              group: ['**/taskpane/**', '**/functions/**', '**/cli/**'],
              message: 'src/core must not depend on outer layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...runtimeNetwork,
        { name: 'window', message: 'src/core is pure: no DOM.' },
        { name: 'document', message: 'src/core is pure: no DOM.' },
        { name: 'localStorage', message: 'src/core is pure: no DOM.' },
        { name: 'Office', message: 'src/core is pure: no Office.' },
        { name: 'Excel', message: 'src/core is pure: no Office.' },
        { name: 'CustomFunctions', message: 'src/core is pure: map errors in src/functions.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
