/**
 * The README's commands work as printed: every `npm run` names a script of package.json, every `npx` tool is
 * installed, every `npx cdktf` command exists and names stacks the app synthesizes, every script and its
 * options exist, every example file it synthesizes exists, and every BKTT_* variable it names is read by the
 * code. Its first commands are the day-one pair, and its day-one steps deploy every stack the app makes, the
 * state backend first. (test/day-one.integration.test.ts runs the declaration-finding part of them.)
 */
import * as fs from "fs";
import * as path from "path";
import { EXAMPLE_PLATFORM } from "../platform/example-platform";
import { platformStackPlan, STATE_BACKEND_STACK_ID } from "../platform/stack-plan";
import { validateDeclaration } from "../platform/validate";

const ROOT = path.join(__dirname, "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const SCRIPTS: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
/** The cdktf CLI's commands the README may use. */
const CDKTF_COMMANDS = ["synth", "diff", "deploy", "destroy", "list", "output", "get"];
/** Every stack a sharded fleet makes: the state backend, identity and Buildkite shards. */
const STACKS = platformStackPlan(
  validateDeclaration({
    ...EXAMPLE_PLATFORM,
    accounts: EXAMPLE_PLATFORM.accounts.map((a) => ({ ...a, shards: 2 })),
    buildkiteShards: 2,
  }),
).map((s) => s.id);

/** The commands of a Markdown text, in order: lines of its `sh` blocks and code spans, split at `&&`, without comments. */
function commandsOf(markdown: string): string[] {
  const pieces: string[] = [];
  // Fenced blocks and code spans, in the order they appear.
  for (const match of markdown.matchAll(/```(\w*)\n([\s\S]*?)```|`([^`\n]+)`/g)) {
    if (match[3] !== undefined) pieces.push(match[3]);
    else if (match[1] === "sh") pieces.push(...match[2].split("\n"));
  }
  return pieces
    .flatMap((piece) => piece.replace(/\s+#.*$/, "").split("&&"))
    .map((command) => command.trim())
    .filter((command) => /^(?:[A-Z_]+=\S+ )*(npm|npx|scripts\/)\S*( |$)/.test(command));
}

const words = (command: string) => command.split(/\s+/).map((word) => word.replace(/^'(.*)'$/, "$1"));
const matchesStack = (pattern: string) => {
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return STACKS.filter((stack) => regex.test(stack));
};

/** What is wrong with a README command, or undefined. */
function problemOf(command: string): string | undefined {
  const [tool, ...args] = words(command.replace(/^(?:[A-Z_]+=\S+ )+/, ""));
  if (tool === "npm") {
    const [verb, ...rest] = args;
    if (verb === "test") return SCRIPTS.test ? undefined : "package.json has no test script";
    if (verb !== "run") return undefined; // npm ci, install, pack
    const [name, separator, ...appArgs] = rest.filter((arg) => arg !== "--silent");
    if (!SCRIPTS[name]) return `package.json has no script "${name}"`;
    if (separator !== undefined && separator !== "--") return `arguments of an npm script follow "--"`;
    const missing = appArgs.filter((arg) => arg.startsWith("examples/") && !fs.existsSync(path.join(ROOT, arg)));
    if (missing.length > 0) return `${missing.join(", ")} does not exist`;
    const main = fs.readFileSync(path.join(ROOT, "main.ts"), "utf8");
    const unknownFlags = appArgs.filter((arg) => arg.startsWith("-") && !main.includes(`"${arg}"`));
    return unknownFlags.length > 0 ? `the app takes no option ${unknownFlags.join(", ")}` : undefined;
  }
  if (tool === "npx") {
    const [bin, subcommand, ...rest] = args;
    if (!fs.existsSync(path.join(ROOT, "node_modules", ".bin", bin))) return `npx ${bin}: no such tool is installed`;
    if (bin !== "cdktf" || subcommand === undefined) return undefined;
    if (!CDKTF_COMMANDS.includes(subcommand)) return `cdktf has no command "${subcommand}"`;
    const unknown = rest.filter((arg) => !arg.startsWith("-") && matchesStack(arg).length === 0);
    return unknown.length > 0 ? `no stack of the app is named ${unknown.join(", ")}` : undefined;
  }
  const script = path.join(ROOT, tool);
  if (!fs.existsSync(script)) return `${tool} does not exist`;
  const text = fs.readFileSync(script, "utf8");
  const unknownFlags = args.filter((arg) => arg.startsWith("--") && !new RegExp(`${arg}(?![\\w-])`).test(text));
  return unknownFlags.length > 0 ? `${tool} takes no option ${unknownFlags.join(", ")}` : undefined;
}

describe("the README's commands", () => {
  const commands = commandsOf(README);

  it("finds them", () => {
    expect(commandsOf("```sh\nnpm ci && npm run synth    # install\n```\nthen `npx cdktf diff` and `BKTT_OFFLINE=1`.")).toEqual([
      "npm ci",
      "npm run synth",
      "npx cdktf diff",
    ]);
    expect(commands.length).toBeGreaterThan(30);
  });

  it("start with day one: install and synthesize, then the whole test suite", () => {
    expect(commands.slice(0, 3)).toEqual(["npm ci", "npm run synth", "npm test"]);
  });

  it("each names a script, tool, command, stack, file and option that exist", () => {
    const problems = commands.flatMap((command) => {
      const problem = problemOf(command);
      return problem ? [`${command}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("refuses what does not exist (so that the test above can fail)", () => {
    expect(problemOf("npm run synthesize")).toBe('package.json has no script "synthesize"');
    expect(problemOf("npm run synth -- examples/nothing.yaml")).toBe("examples/nothing.yaml does not exist");
    expect(problemOf("npm run synth -- --verbose")).toBe("the app takes no option --verbose");
    expect(problemOf("npx cdktf plan")).toBe('cdktf has no command "plan"');
    expect(problemOf("npx cdktf deploy 'identities-*'")).toBe("no stack of the app is named identities-*");
    expect(problemOf("scripts/migrate-state.sh --stack cdktf.out/stacks/state-backend")).toBe("scripts/migrate-state.sh takes no option --stack");
  });

  it("name only BKTT_* variables the code reads", () => {
    const sources = ["main.ts", "jest.config.js", ...fs.readdirSync(path.join(ROOT, "platform")).map((file) => `platform/${file}`)]
      .map((file) => fs.readFileSync(path.join(ROOT, file), "utf8"))
      .join("\n");
    const named = [...new Set([...README.matchAll(/\bBKTT_[A-Z_]+\b/g)].map((match) => match[0]))];
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((name) => !sources.includes(name))).toEqual([]);
  });

  describe("day one", () => {
    const section = README.slice(README.indexOf("## Day one"), README.indexOf("\n## ", README.indexOf("## Day one") + 1));
    const dayOne = commandsOf(section);
    const deployed = dayOne.filter((command) => command.startsWith("npx cdktf deploy")).map((command) => words(command).slice(3));

    it("synthesizes, deploys the state backend, moves its state, then deploys the rest", () => {
      const firstOf = (prefix: string) => dayOne.findIndex((command) => command.startsWith(prefix));
      expect(firstOf("npm run synth")).toBe(0);
      expect(deployed[0]).toEqual([STATE_BACKEND_STACK_ID]);
      expect(firstOf(`npx cdktf deploy ${STATE_BACKEND_STACK_ID}`)).toBeLessThan(firstOf("scripts/migrate-state.sh"));
      expect(dayOne[firstOf("scripts/migrate-state.sh")]).toContain(`--stack-dir cdktf.out/stacks/${STATE_BACKEND_STACK_ID}`);
    });

    it("deploys every stack the app synthesizes, shards included", () => {
      const covered = new Set(deployed.flat().flatMap(matchesStack));
      expect(STACKS.filter((stack) => !covered.has(stack))).toEqual([]);
    });
  });
});
