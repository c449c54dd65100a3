// The naive peer's app: the project's app started the way a cdktf newcomer
// writes it, importing the whole AWS provider barrel first. `cdktf synth`
// runs it (cdktf.json "app"); the declaration comes from BKTT_PLATFORM_FILE.
"use strict";
require("@cdktf/provider-aws");
require("../../dist/main.js");
