// ESLint for the hub's browser scripts (docs/assets/*.js) and the Node helper the tests
// run; `make lint` runs it, then TypeScript's checker over the same scripts.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", ".site-*/", ".venv/", "mutants/"] },
  js.configs.recommended,
  {
    files: ["docs/assets/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      // `module` is there in Node only, where each script exports its functions.
      globals: { ...globals.browser, module: "readonly" },
    },
    rules: {
      eqeqeq: "error",
      "no-implicit-globals": "error",
      "no-var": "off",
      strict: ["error", "function"],
      "no-unused-vars": ["error", { args: "none" }],
    },
  },
  {
    files: ["tests/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
];
