import { spawnSync } from "child_process";
import { carriedScript, findInterpolations, interpolationFreeScript } from "../../../constructs/private/interpolation";

/** Runs a command line the way the agent does, and returns what the script printed. */
function run(shell: string, command: string, env: Record<string, string> = {}): { status: number | null; stdout: string } {
  const result = spawnSync(shell, ["-c", command], { encoding: "utf8", env: { PATH: process.env.PATH, ...env } });
  return { status: result.status, stdout: result.stdout };
}

describe("findInterpolations", () => {
  it("finds the expansions of Buildkite's interpolation grammar, escaped or not", () => {
    expect(findInterpolations("echo $BRANCH ${X:-y} $$ESCAPED \\$ALSO")).toEqual(["$BRANCH", "${X:-y}", "$ESCAPED", "$ALSO"]);
  });

  it("leaves alone what the grammar does not expand: $(, $1, $?, $#, a lone $", () => {
    expect(findInterpolations('echo "$(date)" $1 $? $# $ 100$')).toEqual([]);
  });
});

describe("interpolationFreeScript", () => {
  const tricky = [
    'set -- "a b" c',
    "x='single \"double\" $(nope)'",
    'printf \'%s|\' "$1" "$2" "$x" "${HOME:+set}" "$#"',
    'printf \'%s|\' "back\\\\slash" "\\n stays" "100%" "tab\there" "\\c" "\\0044" "é€"',
    "printf '%s\\n' \"$(printenv BRANCH)\"",
  ].join("\n");

  it("contains no interpolation syntax", () => {
    const command = interpolationFreeScript(tricky);
    expect(findInterpolations(tricky).length).toBeGreaterThan(0);
    expect(findInterpolations(command)).toEqual([]);
  });

  it.each(["bash", "dash", "sh"])("runs exactly the script it carries under %s", (shell) => {
    const direct = run("sh", `sh -eu -c '${tricky.replace(/'/g, "'\\''")}'`, { BRANCH: "feature/x", HOME: "/h" });
    const carried = run(shell, interpolationFreeScript(tricky), { BRANCH: "feature/x", HOME: "/h" });
    expect(direct.status).toBe(0);
    expect(carried.status).toBe(0);
    expect(carried.stdout).toBe(direct.stdout);
    expect(carried.stdout).toContain('a b|c|single "double" $(nope)|set|2|');
    expect(carried.stdout).toContain("feature/x");
  });

  it("round-trips any text, byte for byte", () => {
    // Deterministic pseudo-random strings over the characters that matter to shells, printf and YAML.
    const alphabet = ["$", "\\", "'", '"', "%", "{", "}", "(", ")", "\n", "\t", "0", "4", "a", "Z", " ", "é", "#", "`", ":"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 15; n++) {
      const text = Array.from({ length: 1 + (next() % 60) }, () => alphabet[next() % alphabet.length]).join("");
      const script = `cat <<'END_OF_TEXT'\n${text}\nEND_OF_TEXT`;
      const command = interpolationFreeScript(script);
      expect(findInterpolations(command)).toEqual([]);
      expect(run("bash", command).stdout).toBe(`${text}\n`);
      // What a reviewer is shown is what the shell ran.
      expect(carriedScript(command)).toBe(script);
    }
  });

  it("shows reviewers the script a command carries, and nothing for other commands", () => {
    expect(carriedScript(interpolationFreeScript(tricky))).toBe(tricky);
    expect(carriedScript("buildkite-agent pipeline upload")).toBeUndefined();
    // A command that only looks like the carrier is not decoded as if it were one.
    expect(carriedScript(`sh -eu -c "$(printf '%b' 'a'; rm -rf x; echo 'b')"`)).toBeUndefined();
  });

  it("stops at the first failing command (sh -eu)", () => {
    const result = run("bash", interpolationFreeScript("false\necho unreachable"));
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
  });
});
