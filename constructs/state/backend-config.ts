import { S3Backend, S3BackendConfig, Token } from "cdktf";
import { Construct } from "constructs";
import type { SynthesizedJson } from "../guardrails/guardrail";
import { checkFormat, FORMATS } from "../private/validation";

/**
 * How Terraform locks state in the S3 backend:
 * - `dynamodb`: an item in a DynamoDB table (`dynamodb_table`; deprecated since Terraform 1.11),
 * - `lockfile`: a `<key>.tflock` object written with `If-None-Match: *` (`use_lockfile`, Terraform 1.10+),
 * - `both`: Terraform takes both locks (for migrating from DynamoDB to lock files).
 */
export type StateLockMode = "dynamodb" | "lockfile" | "both";

/** What {@link s3BackendConfig} reads of a state backend (an `IStateBackend` has it all). */
interface BackendSettingsSource {
  readonly bucketName: string;
  readonly region: string;
  readonly kmsKeyArn: string;
  readonly lockMode: StateLockMode;
  readonly lockTableName?: string;
}

/**
 * Arguments of Terraform's `backend "s3"` block, named as Terraform names them. Without `key` it
 * is a partial configuration, to be completed with `-backend-config=key=...` at `terraform init`.
 */
export interface S3BackendSettings {
  /** Name of the state bucket. */
  readonly bucket: string;
  /** Object key of the state. @default - none (partial configuration) */
  readonly key?: string;
  /** Region of the bucket and the lock table. */
  readonly region: string;
  /** Server-side encryption of the state; always on. */
  readonly encrypt: true;
  /** ARN of the KMS key that encrypts the state. */
  readonly kms_key_id: string;
  /** DynamoDB lock table, when the lock mode uses DynamoDB. @default - no DynamoDB locking */
  readonly dynamodb_table?: string;
  /** S3 lock files, when the lock mode uses them. @default - no lock files */
  readonly use_lockfile?: true;
}

/** {@link S3BackendSettings} of one state: the key is set. */
export interface S3StateSettings extends S3BackendSettings {
  /** Object key of the state. */
  readonly key: string;
}

/**
 * The S3 backend settings for the state at `key` (omit `key` for the shared part of a pipeline's
 * configuration); what `IStateBackend.backendConfig` returns. Checks the backend first, so a typo
 * fails here, not at `terraform init`.
 */
export function s3BackendConfig(location: BackendSettingsSource, key: string): S3StateSettings;
export function s3BackendConfig(location: BackendSettingsSource, key?: string): S3BackendSettings;
export function s3BackendConfig(location: BackendSettingsSource, key?: string): S3BackendSettings {
  checkLocation(location);
  if (key !== undefined && !/^[^/].*[^/]$/.test(key)) {
    throw new Error(`backendConfig: key "${key}" must be an object key without leading or trailing "/"; build it with PipelineState.stateKey()`);
  }
  const usesTable = location.lockMode !== "lockfile";
  const usesLockFile = location.lockMode !== "dynamodb";
  return {
    bucket: location.bucketName,
    ...(key !== undefined ? { key } : {}),
    region: location.region,
    encrypt: true,
    kms_key_id: location.kmsKeyArn,
    ...(usesTable ? { dynamodb_table: location.lockTableName } : {}),
    ...(usesLockFile ? { use_lockfile: true as const } : {}),
  };
}

/** Props of {@link S3BackendWithLockfile}: cdktf's S3 backend props plus `use_lockfile`. */
export interface S3BackendWithLockfileConfig extends S3BackendConfig {
  /**
   * Lock with a `<key>.tflock` object written with a conditional PUT (Terraform 1.10+).
   * @default false
   */
  readonly useLockfile?: boolean;
}

/**
 * cdktf 0.21's `S3Backend` with the `use_lockfile` argument it lacks. This subclass is the one
 * place where the argument is added; everything else is cdktf's own synthesis.
 */
export class S3BackendWithLockfile extends S3Backend {
  private readonly useLockfile: boolean;

  constructor(scope: Construct, config: S3BackendWithLockfileConfig) {
    const { useLockfile, ...s3Config } = config;
    super(scope, s3Config);
    this.useLockfile = useLockfile ?? false;
  }

  /** cdktf's JSON backend attributes plus `use_lockfile` when enabled. */
  protected synthesizeAttributes(): { [name: string]: SynthesizedJson } {
    return { ...super.synthesizeAttributes(), ...this.lockfileAttribute() };
  }

  /** cdktf's HCL backend attributes plus `use_lockfile` when enabled. */
  protected synthesizeHclAttributes(): { [name: string]: SynthesizedJson } {
    return { ...super.synthesizeHclAttributes(), ...this.lockfileAttribute() };
  }

  private lockfileAttribute(): { use_lockfile?: boolean } {
    return this.useLockfile ? { use_lockfile: true } : {};
  }
}

/** Declares the S3 backend of a cdktf stack from `IStateBackend.backendConfig(key)` settings. */
export function addS3Backend(scope: Construct, settings: S3BackendSettings): S3BackendWithLockfile {
  if (settings.key === undefined) {
    throw new Error("addS3Backend: settings.key is missing; a stack's backend needs the key of its state (backendConfig(key))");
  }
  return new S3BackendWithLockfile(scope, {
    bucket: settings.bucket,
    key: settings.key,
    region: settings.region,
    encrypt: settings.encrypt,
    kmsKeyId: settings.kms_key_id,
    dynamodbTable: settings.dynamodb_table,
    useLockfile: settings.use_lockfile,
  });
}

/** A value of a backend configuration file: a string, a boolean, a number, or a map of strings (e.g. `endpoints`). */
export type BackendConfigValue = string | boolean | number | Readonly<Record<string, string>>;

/**
 * The settings as a backend configuration file (`terraform init -backend-config=backend.hcl`),
 * one `name = value` line per setting, strings quoted and escaped for HCL.
 */
export function renderBackendHcl(settings: S3BackendSettings | Readonly<Record<string, BackendConfigValue | undefined>>): string {
  const lines = Object.entries(settings as Record<string, BackendConfigValue | undefined>)
    .filter((entry): entry is [string, BackendConfigValue] => entry[1] !== undefined)
    .map(([name, value]) => `${checkHclName(name)} = ${hclValue(value)}`);
  return `${lines.join("\n")}\n`;
}

/** The settings as `terraform init` arguments: `-backend-config=<name>=<value>`, one per setting. */
export function backendConfigArguments(settings: S3BackendSettings): string[] {
  return Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `-backend-config=${name}=${String(value)}`);
}

function hclValue(value: BackendConfigValue): string {
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string") return hclString(value);
  const entries = Object.entries(value).map(([name, inner]) => `${checkHclName(name)} = ${hclString(inner)}`);
  return `{ ${entries.join(", ")} }`;
}

function checkHclName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`renderBackendHcl: "${name}" is not a backend argument name`);
  return name;
}

function hclString(value: string): string {
  // JSON escaping covers quotes, backslashes and control characters; HCL also interpolates ${ and %{.
  return JSON.stringify(value).replace(/([$%])\{/g, (marker) => `${marker[0]}${marker}`);
}

function checkLocation(location: BackendSettingsSource): void {
  const literal = (field: keyof BackendSettingsSource) => {
    const value = location[field];
    if (typeof value === "string" && Token.isUnresolved(value)) {
      throw new Error(
        `IStateBackend.${field} is a Terraform reference; backend settings must be literals (Terraform reads them before anything is evaluated). Pass the value from the state stack's outputs.`,
      );
    }
  };
  (["bucketName", "region", "kmsKeyArn", "lockTableName"] as const).forEach(literal);
  checkFormat(FORMATS.stateBucket, "IStateBackend.bucketName", location.bucketName);
  checkFormat(FORMATS.region, "IStateBackend.region", location.region);
  checkFormat(FORMATS.kmsKeyArn, "IStateBackend.kmsKeyArn", location.kmsKeyArn);
  if (location.lockMode !== "dynamodb" && location.lockMode !== "lockfile" && location.lockMode !== "both") {
    throw new Error(`IStateBackend.lockMode must be "dynamodb", "lockfile" or "both", got "${location.lockMode}"`);
  }
  if (location.lockMode !== "lockfile" && !location.lockTableName) {
    throw new Error(`IStateBackend.lockTableName is required when lockMode is "${location.lockMode}"`);
  }
}
