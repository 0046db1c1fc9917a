// The linter: typescript-eslint's recommended rules over the whole tree — the engine
// (AssemblyScript is TypeScript syntax), the page, the CLI and the tests.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "wasm/build/",
      ".cache/",
      "node_modules/",
      "test-results/",
      "integrations/**/build/",
      "test/sites/**/.astro/",
      "test/sites/**/node_modules/",
      "test/sites/vitepress/.vitepress/cache/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { window: "readonly", document: "readonly", console: "readonly", process: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // DOM/Node globals come from TypeScript's own checking (npm run typecheck)
      "no-undef": "off",
    },
  },
  {
    // the classic scripts served verbatim (ES5 style, no bundler)
    files: ["public/**/*.js"],
    rules: { "@typescript-eslint/no-this-alias": "off", "no-var": "off" },
  },
  {
    // AssemblyScript: its own builtins (unreachable, load, store, changetype) and value types
    files: ["wasm/assembly/**/*.ts", "wasm/shared/**/*.ts"],
    rules: {
      "prefer-const": "error",
      "@typescript-eslint/no-inferrable-types": "off",
      "no-constant-condition": "off",
      // asc wants every local initialised where it is declared, even when each path sets it
      "no-useless-assignment": "off",
      // namespaces of constants are AssemblyScript's compile-time enums of flags
      "@typescript-eslint/no-namespace": "off",
    },
  },
);
