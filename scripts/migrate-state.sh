#!/bin/sh
# Moves the state of a stack from a local state file into the S3 backend that the stack's
# synthesized configuration now declares: the day-one step after the state backend stack has
# created its bucket on a local backend (see docs/state-backend.md).
#
#   scripts/migrate-state.sh --stack-dir cdktf.out/stacks/state-backend \
#                            --local-state terraform.state-backend.tfstate \
#                            [--backend-config FILE]...
#
# 1. looks at what the bucket holds at the stack's key: another state (other resources or outputs)
#    stops the script before anything changes; the same state means a re-run, nothing to copy;
# 2. otherwise initializes a scratch folder with the stack's configuration on the local backend,
#    holding the local state, then runs `terraform init -migrate-state -force-copy` there with the
#    S3 configuration, which copies the state into the bucket (taking the backend's lock); then
#    reads it back and checks it holds the same resources and outputs;
# 3. re-initializes the stack folder on the S3 backend (`init -reconfigure`), so that later
#    `terraform`/`cdktf` runs there use the bucket;
# 4. renames the local file to <file>.migrated-<UTC time>, so nothing writes to it by mistake.
#    Keep it until a plan on the bucket shows no changes, then delete it.
#
# --backend-config files are passed to every `terraform init` (extra settings such as endpoints).
# Needs terraform and node on PATH, and AWS credentials allowed to write the state and use its key.
set -eu

die() {
  echo "migrate-state: $*" >&2
  exit 1
}

stack_dir=
local_state=
backend_args=
while [ $# -gt 0 ]; do
  case $1 in
    --stack-dir) [ $# -ge 2 ] || die "--stack-dir needs a folder"; stack_dir=$2; shift 2 ;;
    --local-state) [ $# -ge 2 ] || die "--local-state needs a file"; local_state=$2; shift 2 ;;
    --backend-config)
      [ $# -ge 2 ] || die "--backend-config needs a file"
      [ -f "$2" ] || die "backend config file '$2' does not exist"
      file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
      # Paths are made absolute and must not contain spaces (they are split on spaces below).
      case $file in *" "*) die "backend config path '$file' contains a space" ;; esac
      backend_args="$backend_args -backend-config=$file"
      shift 2
      ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[ -n "$stack_dir" ] || die "--stack-dir is required: the synthesized stack folder (it holds cdk.tf.json)"
[ -n "$local_state" ] || die "--local-state is required: the local state file of the stack"
[ -f "$stack_dir/cdk.tf.json" ] || die "$stack_dir/cdk.tf.json does not exist; synthesize the stack first"
[ -s "$local_state" ] || die "local state '$local_state' does not exist or is empty; nothing to migrate"
command -v terraform >/dev/null 2>&1 || die "terraform is not on PATH"
command -v node >/dev/null 2>&1 || die "node is not on PATH"

stack_dir=$(cd "$stack_dir" && pwd)
node -e '
  const config = require(process.argv[1]);
  if (!config.terraform || !config.terraform.backend || !config.terraform.backend.s3) {
    console.error("migrate-state: " + process.argv[1] + " declares no S3 backend; synthesize the stack with its own state in the bucket (ownState type \"s3\") first");
    process.exit(1);
  }' "$stack_dir/cdk.tf.json"

# Prints a digest of what a state file holds (its resources and outputs) and its serial; nothing for
# an empty file or a state never written (`terraform state pull` prints a lineage-less state when
# the key holds none). The lineage is no test of sameness: -migrate-state gives the copy a new one.
state_identity() {
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8").trim();
    if (text === "") process.exit(0);
    const state = JSON.parse(text);
    if (!state.lineage && !state.serial) process.exit(0);
    if (typeof state.serial !== "number" || !Array.isArray(state.resources)) { console.error("migrate-state: " + process.argv[1] + " is not a Terraform state"); process.exit(1); }
    const content = JSON.stringify({ outputs: state.outputs || {}, resources: state.resources });
    console.log(require("crypto").createHash("sha256").update(content).digest("hex") + " " + state.serial);' "$1"
}

local_identity=$(state_identity "$local_state")
[ -n "$local_identity" ] || die "local state '$local_state' holds no state; nothing to migrate"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/migrate-state.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir "$scratch/probe" "$scratch/migrate"
export TF_IN_AUTOMATION=1 TF_INPUT=0

# What does the bucket hold already? -force-copy would overwrite it, so look first.
cp "$stack_dir/cdk.tf.json" "$scratch/probe/cdk.tf.json"
# shellcheck disable=SC2086 # backend_args is a list of -backend-config=<absolute path> words.
terraform -chdir="$scratch/probe" init -input=false -no-color -reconfigure $backend_args >/dev/null
terraform -chdir="$scratch/probe" state pull > "$scratch/remote.tfstate"
remote_identity=$(state_identity "$scratch/remote.tfstate")
# shellcheck disable=SC2086 # "<digest> <serial>" pairs become $1..$4.
set -- $local_identity $remote_identity
if [ -n "$remote_identity" ]; then
  [ "$1" = "$3" ] || die "the bucket already holds another state at this key (different resources or outputs); nothing was changed"
  echo "migrate-state: the bucket already holds this state (serial $4); not copying again"
else
  echo "migrate-state: copying $local_state (serial $2) into the S3 backend"
  # Terraform migrates from the backend a folder was last initialized with: first the same
  # configuration on the local backend (holding the local state), then the S3 one.
  node -e '
    const fs = require("fs");
    const config = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    delete config.terraform.backend;
    fs.writeFileSync(process.argv[2], JSON.stringify(config));' "$stack_dir/cdk.tf.json" "$scratch/migrate/cdk.tf.json"
  cp "$local_state" "$scratch/migrate/terraform.tfstate"
  terraform -chdir="$scratch/migrate" init -input=false -no-color >/dev/null
  cp "$stack_dir/cdk.tf.json" "$scratch/migrate/cdk.tf.json"
  # shellcheck disable=SC2086
  terraform -chdir="$scratch/migrate" init -input=false -no-color -migrate-state -force-copy $backend_args
  terraform -chdir="$scratch/probe" state pull > "$scratch/remote.tfstate"
  remote_identity=$(state_identity "$scratch/remote.tfstate")
  # shellcheck disable=SC2086
  set -- $local_identity $remote_identity
  [ -n "$remote_identity" ] && [ "$1" = "$3" ] || die "the bucket does not hold the local state after the migration; the local file is left in place"
fi

echo "migrate-state: re-initializing $stack_dir on the S3 backend"
# shellcheck disable=SC2086
terraform -chdir="$stack_dir" init -input=false -no-color -reconfigure $backend_args

moved="$local_state.migrated-$(date -u +%Y%m%dT%H%M%SZ)"
mv "$local_state" "$moved"
echo "migrate-state: done. The state is in the bucket (serial $4)."
echo "migrate-state: the local file is now $moved; delete it once a plan on the bucket shows no changes."
