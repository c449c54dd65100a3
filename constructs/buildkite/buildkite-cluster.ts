import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { checkFormat, FORMATS } from "../private/validation";
import { Cluster } from "../../providers/buildkite/lib/cluster";
import { ClusterAgentToken } from "../../providers/buildkite/lib/cluster-agent-token";
import { ClusterDefaultQueue } from "../../providers/buildkite/lib/cluster-default-queue";
import { ClusterQueue, ClusterQueueHostedAgents } from "../../providers/buildkite/lib/cluster-queue";
import { PolicyStatement } from "../policy/policy-document";
import { resourceAddress } from "../private/resource-address";
import { rotationTrigger } from "./rotation-trigger";
import { AgentTokenKeyAccess, agentTokenKeyPolicy, agentTokenParameterPrefix } from "./agent-token-access";
import { renderPolicy } from "../policy/policy-document";

/** One queue of a cluster. */
export interface BuildkiteClusterQueueProps {
  /** Queue key that steps target with `agents: { queue: <key> }`. */
  readonly key: string;
  /** @default - none */
  readonly description?: string;
  /** Start with dispatch paused. @default false */
  readonly dispatchPaused?: boolean;
  /** Run the queue on Buildkite hosted agents. @default - self-hosted agents */
  readonly hostedAgents?: ClusterQueueHostedAgents;
}

/** One cluster agent token, rotated with the others and published in SSM Parameter Store. */
export interface BuildkiteAgentTokenProps {
  /** Name of the token within the cluster (letters, digits, `-`, `_`); part of its description and parameter name. */
  readonly name: string;
  /** Only agents connecting from these CIDR ranges may register with the token. @default - any address */
  readonly allowedIpAddresses?: readonly string[];
}

/** A cluster, its queues and its rotating agent tokens. */
export interface BuildkiteClusterProps {
  /** Cluster name. */
  readonly name: string;
  /** @default - none */
  readonly description?: string;
  /** The cluster's queues; at least one. */
  readonly queues: readonly BuildkiteClusterQueueProps[];
  /** Key of the queue steps run on when they name none. */
  readonly defaultQueue: string;
  /** Agent tokens to create. @default - one token named "default" */
  readonly agentTokens?: readonly BuildkiteAgentTokenProps[];
  /**
   * Hours after which the next `terraform apply` replaces every agent token.
   * The replacement is created before the old token is revoked, and the SSM
   * parameter is updated in between, so agents that read it always find a live token.
   * @default 6
   */
  readonly tokenRotationHours?: number;
  /**
   * SSM parameter name prefix; each token is stored as `<prefix><token name>`.
   * @default "/buildkite/clusters/<cluster name, sanitized>/agent-tokens/"
   */
  readonly tokenParameterPrefix?: string;
  /**
   * ARN of the customer managed KMS key that encrypts the SecureString parameters.
   * @default - a key is created (rotation on, 30-day deletion window)
   */
  readonly kmsKeyArn?: string;
  /**
   * Who may read the tokens, apply the stack and administer the key this construct creates: its key
   * policy names them, and no one else can decrypt a token ({@link agentTokenKeyPolicy}).
   * @default - AWS's default key policy: any principal of the account whose IAM policies allow `kms:Decrypt` reads the tokens
   */
  readonly agentTokenKey?: AgentTokenKeyAccess;
}

/**
 * What a maintenance pipeline must do on a schedule so that rotation
 * happens: `time_rotating` only moves when Terraform applies, so something
 * has to apply regularly. See `BuildkiteTerraformPipeline`'s `scheduledApply`.
 */
export interface RotationSchedule {
  /** Cron line of the schedule: half the rotation period, so no token lives longer than 1.5 periods. */
  readonly cronline: string;
  /** Label of the schedule in Buildkite. */
  readonly label: string;
  /** Terraform resource addresses the scheduled apply targets (`-target`); their dependencies follow. */
  readonly targets: readonly string[];
}

/**
 * A Buildkite cluster with its queues, its default queue, and agent tokens
 * that rotate: a `time_rotating` resource expires every
 * `tokenRotationHours`; each `buildkite_cluster_agent_token` is replaced when
 * it does (`replace_triggered_by`), new before old (`create_before_destroy`),
 * and the current token is kept in an SSM SecureString parameter encrypted
 * with a customer managed KMS key, where agents read it when they start.
 * Revoking a registration token does not disconnect agents already running.
 */
export class BuildkiteCluster extends Construct {
  /** The `buildkite_cluster`. */
  readonly cluster: Cluster;
  /** Queues by key. */
  readonly queues: Readonly<Record<string, ClusterQueue>>;
  /** The `buildkite_cluster_default_queue`. */
  readonly defaultQueue: ClusterDefaultQueue;
  /** Key of the default queue. */
  readonly defaultQueueKey: string;
  /** The clock that triggers token replacement (a `time_rotating`, see rotation-trigger.ts). */
  readonly rotation: TerraformResource;
  /** Agent tokens by name. */
  readonly agentTokens: Readonly<Record<string, ClusterAgentToken>>;
  /** SSM parameters holding the tokens, by token name. */
  readonly tokenParameters: Readonly<Record<string, SsmParameter>>;
  /** ARN of the KMS key encrypting the parameters. */
  readonly kmsKeyArn: string;
  /** The key, when this construct created it. */
  readonly kmsKey?: KmsKey;
  /** Hours between token replacements. */
  readonly tokenRotationHours: number;

  constructor(scope: Construct, id: string, props: BuildkiteClusterProps) {
    super(scope, id);
    const rotationHours = props.tokenRotationHours ?? 6;
    if (!Number.isInteger(rotationHours) || rotationHours < 1 || rotationHours > 720) {
      throw new Error(`${this.node.path}: tokenRotationHours must be a whole number of hours from 1 to 720, got ${rotationHours}`);
    }
    this.tokenRotationHours = rotationHours;
    const queueKeys = validateQueues(this.node.path, props.queues);
    if (!queueKeys.includes(props.defaultQueue)) {
      throw new Error(
        `${this.node.path}: defaultQueue "${props.defaultQueue}" is not one of the queues (${queueKeys.join(", ")}); add it to queues or pick one of them`,
      );
    }
    const tokens = props.agentTokens ?? [{ name: "default" }];
    validateTokens(this.node.path, tokens);
    const prefix = props.tokenParameterPrefix ?? agentTokenParameterPrefix(props.name);
    if (!Token.isUnresolved(prefix) && !/^\/[A-Za-z0-9_.\-/]*\/$/.test(prefix)) {
      throw new Error(
        `${this.node.path}: tokenParameterPrefix "${prefix}" must start and end with "/" and contain only letters, digits, "_", ".", "-" and "/"`,
      );
    }
    // An alias is refused so that the key cannot be swapped silently.
    if (props.kmsKeyArn !== undefined && !Token.isUnresolved(props.kmsKeyArn)) checkFormat(FORMATS.kmsKeyArn, "kmsKeyArn", props.kmsKeyArn, this.node.path);

    this.cluster = new Cluster(this, "cluster", { name: props.name, description: props.description });
    const queues: Record<string, ClusterQueue> = {};
    for (const queue of props.queues) {
      queues[queue.key] = new ClusterQueue(this, `queue-${queue.key}`, {
        clusterId: this.cluster.id,
        key: queue.key,
        description: queue.description,
        dispatchPaused: queue.dispatchPaused,
        hostedAgents: queue.hostedAgents,
      });
    }
    this.queues = queues;
    this.defaultQueueKey = props.defaultQueue;
    this.defaultQueue = new ClusterDefaultQueue(this, "default-queue", { clusterId: this.cluster.id, queueId: queues[props.defaultQueue].id });

    if (props.kmsKeyArn !== undefined && props.agentTokenKey !== undefined) {
      throw new Error(
        `${this.node.path}: agentTokenKey sets the policy of the key this construct creates, but kmsKeyArn names an existing key: set the access in that key's own policy, or remove kmsKeyArn`,
      );
    }
    if (props.kmsKeyArn !== undefined) {
      this.kmsKeyArn = props.kmsKeyArn;
    } else {
      this.kmsKey = new KmsKey(this, "token-key", {
        description: `Encrypts the Buildkite agent tokens of cluster ${props.name} in SSM Parameter Store`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: props.agentTokenKey ? renderPolicy(agentTokenKeyPolicy(props.agentTokenKey, prefix)) : undefined,
      });
      this.kmsKeyArn = this.kmsKey.arn;
    }

    this.rotation = rotationTrigger(this, "token-rotation", rotationHours);
    const agentTokens: Record<string, ClusterAgentToken> = {};
    const parameters: Record<string, SsmParameter> = {};
    for (const token of tokens) {
      const agentToken = new ClusterAgentToken(this, `agent-token-${token.name}`, {
        clusterId: this.cluster.id,
        description: `${props.name} ${token.name} (rotated every ${rotationHours}h by Terraform)`,
        allowedIpAddresses: token.allowedIpAddresses ? [...token.allowedIpAddresses] : undefined,
        lifecycle: { createBeforeDestroy: true, replaceTriggeredBy: [resourceAddress(this.rotation)] },
      });
      agentTokens[token.name] = agentToken;
      parameters[token.name] = new SsmParameter(this, `agent-token-${token.name}-parameter`, {
        name: `${prefix}${token.name}`,
        description: `Current agent token ${token.name} of Buildkite cluster ${props.name}; rotated every ${rotationHours}h`,
        type: "SecureString",
        keyId: this.kmsKeyArn,
        value: agentToken.token,
        tier: "Standard",
      });
    }
    this.agentTokens = agentTokens;
    this.tokenParameters = parameters;
  }

  /**
   * What a maintenance pipeline's scheduled apply needs to keep rotation
   * going: a cron line (every half rotation period, at least hourly and at
   * most daily) and the resources to target.
   */
  get rotationSchedule(): RotationSchedule {
    const everyHours = Math.max(1, Math.floor(this.tokenRotationHours / 2));
    const cronline = everyHours >= 24 ? "15 4 * * *" : everyHours === 1 ? "15 * * * *" : `15 */${everyHours} * * *`;
    return {
      cronline,
      label: `Rotate agent tokens of cluster ${this.cluster.nameInput ?? this.node.id}`,
      // Targeting the parameters pulls in the tokens and the rotation clock they depend on.
      targets: [this.rotation, ...Object.values(this.agentTokens), ...Object.values(this.tokenParameters)].map(resourceAddress),
    };
  }

  /** IAM statements an agent's instance role needs to read the tokens at start-up. */
  agentTokenReadStatements(): PolicyStatement[] {
    return [
      { Sid: "ReadAgentTokens", Effect: "Allow", Action: "ssm:GetParameter", Resource: Object.values(this.tokenParameters).map((p) => p.arn) },
      {
        Sid: "DecryptAgentTokens",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: this.kmsKeyArn,
        Condition: { StringLike: { "kms:ViaService": "ssm.*.amazonaws.com" } },
      },
    ];
  }
}

const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function validateQueues(path: string, queues: readonly BuildkiteClusterQueueProps[]): string[] {
  if (queues.length === 0) throw new Error(`${path}: queues is empty; declare at least one queue`);
  const keys: string[] = [];
  queues.forEach((queue, i) => {
    checkFormat(FORMATS.queueKey, `queues[${i}].key`, queue.key, path);
    if (keys.includes(queue.key)) throw new Error(`${path}: queues[${i}].key "${queue.key}" is declared twice`);
    keys.push(queue.key);
  });
  return keys;
}

function validateTokens(path: string, tokens: readonly BuildkiteAgentTokenProps[]): void {
  if (tokens.length === 0) throw new Error(`${path}: agentTokens is empty; omit it for one default token`);
  const names = new Set<string>();
  tokens.forEach((token, i) => {
    if (!TOKEN_NAME.test(token.name)) throw new Error(`${path}: agentTokens[${i}].name "${token.name}" must be 1-64 letters, digits, "-" or "_"`);
    if (names.has(token.name)) throw new Error(`${path}: agentTokens[${i}].name "${token.name}" is declared twice`);
    names.add(token.name);
  });
}
