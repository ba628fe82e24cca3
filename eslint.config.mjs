// @ts-check
/**
 * `npm run lint` (part of `npm run test:all`): eslint 9 flat config.
 *
 * - typescript-eslint's recommended rules (no type information: fast, and stable while the code moves);
 * - eslint-plugin-office-addins' rules for Office.js batching (load before read, sync after load, no sync
 *   in loops …). Its own `recommended` preset also turns on Prettier formatting, which would demand a
 *   sweeping restyle of every file; only its Office rules are used here;
 * - eslint-plugin-react-hooks' recommended rules on the task pane (rules of hooks, exhaustive deps, and the
 *   React Compiler checks that catch real render bugs).
 *
 * A rule is turned off only with the reason beside it.
 */
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules/**", "dist/**", "dist-web/**", "dist-wps/**", "coverage/**", "out/**", "test-output/**", ".tmp/**", "examples/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Unused names are an error, except the `_name` convention for parameters a signature requires.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // The full-width space U+3000 is data in this domain (headers such as “机构<U+3000>名称”); still refused in code.
      "no-irregular-whitespace": ["error", { skipComments: true, skipStrings: true, skipTemplates: true }],
    },
  },
  {
    // Office.js batching rules, on the code that talks to Excel. Not on the CLI or the xlsx/WPS hosts:
    // their `cell.value()`-style reads are not Office.js proxies, and the rules' name-based guesses misfire there.
    files: ["src/hosts/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      // usePane keeps the latest state in a ref for its async callbacks (React's "latest ref" pattern, assigned
      // during render on purpose). Re-enable when that hook moves to useEffectEvent.
      "react-hooks/refs": "off",
    },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
  },
  {
    // Scripts injected into the browser page by the e2e test.
    files: ["test/e2e/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Node scripts, the CLI launcher and the CommonJS configs.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-require-imports": "off", // CommonJS on purpose (toolchain.md pitfall 2)
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      // `const { performance } = require("perf_hooks")` names Node's own object; shadowing the global is intended.
      "no-redeclare": ["error", { builtinGlobals: false }],
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
);
