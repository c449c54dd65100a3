import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "cdktf";
import { ValidatedConfigApp } from "../../stacks/validated-config-stack";

/** A {@link ValidatedConfigApp} set up as `Testing.app()` sets up a plain App, so that both write the same files. */
export function testValidatedConfigApp(): ValidatedConfigApp {
  const app = new ValidatedConfigApp({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "cdktf.outdir.")), stackTraces: false });
  return Testing.enableFutureFlags(Testing.stubVersion(app)) as ValidatedConfigApp;
}
