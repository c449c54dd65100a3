import { cliConfig } from "../../testing/terraform";

describe("cliConfig", () => {
  it("installs from the filesystem mirror when the folder exists", () => {
    const config = cliConfig(__dirname);
    expect(config).toContain("filesystem_mirror");
    expect(config).toContain(JSON.stringify(__dirname));
  });

  it("downloads directly when there is no mirror", () => {
    const config = cliConfig("/nonexistent/mirror");
    expect(config).not.toContain("filesystem_mirror");
    expect(config).toContain("direct {}");
  });
});
