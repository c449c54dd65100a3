// The API report: every name constructs/index.ts (the package's root export)
// exports, with its kind, as Markdown. `npm run api-report` writes it to
// api-report.md; test/api-report.test.ts regenerates it in memory and fails
// when an export was added or removed without updating the file, so a change
// of the public surface is always a visible change in review.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.join(__dirname, "..");
const LIBRARY_FACE = "constructs/index.ts";
const REPORT_FILE = "api-report.md";

/** The kind a reader knows a name by, from what its declaration is. */
function kindOf(symbol, checker) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const kinds = [
    [ts.SymbolFlags.Class, "class"],
    [ts.SymbolFlags.Function, "function"],
    [ts.SymbolFlags.Enum, "enum"],
    [ts.SymbolFlags.Interface, "interface"],
    [ts.SymbolFlags.TypeAlias, "type"],
  ];
  const found = kinds.find(([flag]) => target.flags & flag);
  if (found) return found[1];
  if (target.flags & ts.SymbolFlags.Variable) {
    const list = target.valueDeclaration && target.valueDeclaration.parent;
    return list && ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const ? "const" : "variable";
  }
  throw new Error(`${target.name}: exported from ${LIBRARY_FACE} but neither a class, function, enum, interface, type nor variable`);
}

/** The library's source files: its face and everything under constructs/ (packages are not read; only the names' kinds matter). */
function librarySources(root) {
  const walk = (folder) =>
    fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) return walk(file);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [file] : [];
    });
  return walk(path.join(root, "constructs"));
}

/** The exported names of the library's face and their kinds, sorted by name. */
function publicNames(root = ROOT) {
  const face = path.join(root, LIBRARY_FACE);
  const program = ts.createProgram(librarySources(root), {
    noResolve: true,
    noEmit: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(face);
  if (!source) throw new Error(`${face} is missing`);
  const names = checker.getExportsOfModule(checker.getSymbolAtLocation(source)).map((symbol) => ({ name: symbol.name, kind: kindOf(symbol, checker) }));
  return names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The report as committed in api-report.md. */
function apiReport(root = ROOT) {
  const names = publicNames(root);
  return [
    "# API report",
    "",
    `The public names of \`buildkite-terraform-trust\`: everything \`${LIBRARY_FACE}\` exports, and nothing else (the`,
    "Buildkite bindings under `buildkite-terraform-trust/buildkite/*` are generated). Written by `npm run api-report`;",
    "`test/api-report.test.ts` fails when an export is added or removed and this file was not regenerated, so every",
    "change of the public surface shows in review.",
    "",
    `${names.length} names.`,
    "",
    "| name | kind |",
    "| --- | --- |",
    ...names.map(({ name, kind }) => `| \`${name}\` | ${kind} |`),
    "",
  ].join("\n");
}

module.exports = { apiReport, publicNames, REPORT_FILE };

if (require.main === module) {
  const file = path.join(ROOT, REPORT_FILE);
  fs.writeFileSync(file, apiReport());
  console.log(`${REPORT_FILE}: ${publicNames().length} public names`);
}
