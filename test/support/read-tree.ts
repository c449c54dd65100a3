/** Every file under `dir` with its content, by path relative to `dir` (for comparing two synthesized outputs); shared with scripts/compat-cdktn.js. */
export { readTree } from "../../scripts/compat/read-tree";
