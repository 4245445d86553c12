// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * A served model on a cluster. The control plane refuses an endpoint whose weights and minimum KV cache do not fit its accelerators' memory.
 */
export class ModelEndpoint extends pulumi.CustomResource {
    /**
     * Get an existing ModelEndpoint resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup (its name in the cloud).
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ModelEndpoint {
        return new ModelEndpoint(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = 'aicloud:inference:ModelEndpoint';

    /**
     * Returns true if the given object is an instance of ModelEndpoint.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static override isInstance(obj: any): obj is ModelEndpoint {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === ModelEndpoint.__pulumiType;
    }

    /**
     * Partition profile of each replica's instance, when the endpoint runs on partitions.
     */
    declare public readonly acceleratorProfile: pulumi.Output<string | undefined>;
    /**
     * Accelerators per replica.
     */
    declare public readonly acceleratorsPerReplica: pulumi.Output<number>;
    /**
     * API key for the endpoint.
     */
    declare public readonly apiKey: pulumi.Output<string>;
    /**
     * Autoscaling bounds.
     */
    declare public readonly autoscaling: pulumi.Output<outputs.inference.Autoscaling | undefined>;
    /**
     * Cluster.
     */
    declare public readonly cluster: pulumi.Output<string>;
    /**
     * Context length.
     */
    declare public readonly contextLength: pulumi.Output<number>;
    /**
     * Accelerator share of the list price per hour, USD (the accelerators belong to the cluster).
     */
    declare public readonly hourlyCost: pulumi.Output<number>;
    /**
     * KV-cache pool.
     */
    declare public readonly kvCachePool: pulumi.Output<string | undefined>;
    /**
     * Labels.
     */
    declare public readonly labels: pulumi.Output<{[key: string]: string} | undefined>;
    /**
     * Model.
     */
    declare public readonly model: pulumi.Output<outputs.inference.Model>;
    /**
     * Name.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Parallelism.
     */
    declare public readonly parallelism: pulumi.Output<outputs.inference.Parallelism>;
    /**
     * Preemptible.
     */
    declare public readonly preemptible: pulumi.Output<boolean | undefined>;
    /**
     * Priority.
     */
    declare public readonly priority: pulumi.Output<number | undefined>;
    /**
     * Queue.
     */
    declare public readonly queue: pulumi.Output<string | undefined>;
    /**
     * Region.
     */
    declare public readonly region: pulumi.Output<string>;
    /**
     * Where each reserved replica runs.
     */
    declare public readonly replicaPlacements: pulumi.Output<outputs.inference.ReplicaPlacement[] | undefined>;
    /**
     * Fixed replica count.
     */
    declare public readonly replicas: pulumi.Output<number | undefined>;
    /**
     * Runtime.
     */
    declare public readonly runtime: pulumi.Output<outputs.inference.Runtime>;
    /**
     * Sequences per replica.
     */
    declare public readonly sequencesPerReplica: pulumi.Output<number>;
    /**
     * Lifecycle status.
     */
    declare public readonly status: pulumi.Output<string>;
    /**
     * Why, when failed.
     */
    declare public readonly statusReason: pulumi.Output<string | undefined>;
    /**
     * OpenAI-compatible base URL.
     */
    declare public readonly url: pulumi.Output<string>;

    /**
     * Create a ModelEndpoint resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: ModelEndpointArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if ((!args || args.acceleratorsPerReplica === undefined) && !opts.urn) {
                throw new Error("Missing required property 'acceleratorsPerReplica'");
            }
            if ((!args || args.cluster === undefined) && !opts.urn) {
                throw new Error("Missing required property 'cluster'");
            }
            if ((!args || args.model === undefined) && !opts.urn) {
                throw new Error("Missing required property 'model'");
            }
            if ((!args || args.name === undefined) && !opts.urn) {
                throw new Error("Missing required property 'name'");
            }
            if ((!args || args.runtime === undefined) && !opts.urn) {
                throw new Error("Missing required property 'runtime'");
            }
            resourceInputs["acceleratorProfile"] = args ? args.acceleratorProfile : undefined;
            resourceInputs["acceleratorsPerReplica"] = args ? args.acceleratorsPerReplica : undefined;
            resourceInputs["autoscaling"] = args ? args.autoscaling : undefined;
            resourceInputs["cluster"] = args ? args.cluster : undefined;
            resourceInputs["contextLength"] = (args ? args.contextLength : undefined) ?? 8192;
            resourceInputs["kvCachePool"] = args ? args.kvCachePool : undefined;
            resourceInputs["labels"] = args ? args.labels : undefined;
            resourceInputs["model"] = args ? args.model : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["parallelism"] = args ? args.parallelism : undefined;
            resourceInputs["preemptible"] = args ? args.preemptible : undefined;
            resourceInputs["priority"] = args ? args.priority : undefined;
            resourceInputs["queue"] = args ? args.queue : undefined;
            resourceInputs["region"] = args ? args.region : undefined;
            resourceInputs["replicas"] = args ? args.replicas : undefined;
            resourceInputs["runtime"] = args ? args.runtime : undefined;
            resourceInputs["sequencesPerReplica"] = (args ? args.sequencesPerReplica : undefined) ?? 1;
            resourceInputs["apiKey"] = undefined /*out*/;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["replicaPlacements"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["url"] = undefined /*out*/;
        } else {
            resourceInputs["acceleratorProfile"] = undefined /*out*/;
            resourceInputs["acceleratorsPerReplica"] = undefined /*out*/;
            resourceInputs["apiKey"] = undefined /*out*/;
            resourceInputs["autoscaling"] = undefined /*out*/;
            resourceInputs["cluster"] = undefined /*out*/;
            resourceInputs["contextLength"] = undefined /*out*/;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["kvCachePool"] = undefined /*out*/;
            resourceInputs["labels"] = undefined /*out*/;
            resourceInputs["model"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["parallelism"] = undefined /*out*/;
            resourceInputs["preemptible"] = undefined /*out*/;
            resourceInputs["priority"] = undefined /*out*/;
            resourceInputs["queue"] = undefined /*out*/;
            resourceInputs["region"] = undefined /*out*/;
            resourceInputs["replicaPlacements"] = undefined /*out*/;
            resourceInputs["replicas"] = undefined /*out*/;
            resourceInputs["runtime"] = undefined /*out*/;
            resourceInputs["sequencesPerReplica"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["url"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const secretOpts = { additionalSecretOutputs: ["apiKey"] };
        opts = pulumi.mergeOptions(opts, secretOpts);
        const replaceOnChanges = { replaceOnChanges: ["name", "region", "cluster", "model", "acceleratorsPerReplica", "acceleratorProfile", "parallelism"] };
        opts = pulumi.mergeOptions(opts, replaceOnChanges);
        super(ModelEndpoint.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a ModelEndpoint resource.
 */
export interface ModelEndpointArgs {
    /**
     * Partition profile of the cluster's accelerator type (a MIG profile such as `1g.18gb`): each replica then runs on one instance of it, so acceleratorsPerReplica must be 1 and tensor, pipeline and expert parallelism 1. On a partitioned cluster the replicas take the cluster's instances, whose profile must be this one; on a cluster of whole accelerators the instances are cut, all on one server, from accelerators no other endpoint holds whole. With a queue, an endpoint whose instances are short waits for them (its queue counts each instance as its share of an accelerator, e.g. 1/8 of an H200 for 1g.18gb).
     */
    acceleratorProfile?: pulumi.Input<string>;
    /**
     * Accelerators of one replica: at most 8 stay in one server, more stay in one supernode.
     */
    acceleratorsPerReplica: pulumi.Input<number>;
    /**
     * Autoscaling bounds instead of a fixed count.
     */
    autoscaling?: pulumi.Input<inputs.inference.AutoscalingArgs>;
    /**
     * Name of the Cluster that runs the replicas.
     */
    cluster: pulumi.Input<string>;
    /**
     * Longest context served, tokens.
     */
    contextLength?: pulumi.Input<number>;
    /**
     * Name of the KvCachePool the replicas use.
     */
    kvCachePool?: pulumi.Input<string>;
    /**
     * Labels.
     */
    labels?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * The model and its weights.
     */
    model: pulumi.Input<inputs.inference.ModelArgs>;
    /**
     * Name, unique per project.
     */
    name: pulumi.Input<string>;
    /**
     * Parallelism of a replica; the product of the degrees equals acceleratorsPerReplica.
     */
    parallelism?: pulumi.Input<inputs.inference.ParallelismArgs>;
    /**
     * Whether higher-priority queued work may evict it, and defragmentation may move it.
     */
    preemptible?: pulumi.Input<boolean>;
    /**
     * Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent.
     */
    priority?: pulumi.Input<number>;
    /**
     * Queue to wait in when the replicas do not fit in the free accelerators of their cluster, or with an acceleratorProfile in its free partition instances (or the cluster itself still waits); without one, an endpoint that does not fit is refused at once.
     */
    queue?: pulumi.Input<string>;
    /**
     * Region; defaults to the provider's region.
     */
    region?: pulumi.Input<string>;
    /**
     * Fixed replica count; leave out when autoscaling is set.
     */
    replicas?: pulumi.Input<number>;
    /**
     * Serving runtime, checked against the cluster's accelerator type.
     */
    runtime: pulumi.Input<inputs.inference.RuntimeArgs>;
    /**
     * Full-context sequences each replica must hold in HBM at once; sets the minimum KV cache.
     */
    sequencesPerReplica?: pulumi.Input<number>;
}
