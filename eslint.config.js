// ESLint (flat config): eslint's recommended rules and typescript-eslint's type-aware
// recommended rules (`recommendedTypeChecked`: they read the types, so they catch floating
// promises, `any` flowing into typed code and awaits of non-promises). Formatting is Prettier's
// job (`npm run format:check`): none of these rules is about layout.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** Node's globals, for the plain JavaScript files (bin, bench, the VS Code extension). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'performance',
    'structuredClone',
    'TextDecoder',
    'TextEncoder',
    'AbortController',
    'queueMicrotask',
    'globalThis',
  ].map((name) => [name, 'readonly']),
)

export default tseslint.config(
  {ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.cache/**', 'bench/results/**', '.scratch/**', '**/*.d.ts']},
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {projectService: {allowDefaultProject: ['vitest.config.ts']}, tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      // `_options`, `_document`: a name that says what is deliberately left unused.
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_'}],
    },
  },
  {
    // Tests read JSON they parse themselves (SARIF, LSP frames, CLI output) as `any` and check
    // it field by field with `expect`: a type for every document read would only restate the
    // assertions. The other type-aware rules (floating promises, awaits, assertions) still hold.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {...tseslint.configs.disableTypeChecked.languageOptions, globals: nodeGlobals},
  },
  {
    // The VS Code extension is CommonJS (VS Code loads it with `require`).
    files: ['editors/vscode/**/*.js'],
    languageOptions: {sourceType: 'commonjs', globals: {...nodeGlobals, require: 'readonly', exports: 'writable', module: 'writable'}},
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
)
