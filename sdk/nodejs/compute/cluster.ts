// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * Servers of one accelerator type reserved in one zone. Scaling nodeCount updates in place and grows next to what the cluster holds; changing zone, type or placement replaces it. With acceleratorProfile set, the cluster holds profileCount partitions (MIG instances, vNPUs) on one server instead of whole servers.
 */
export class Cluster extends pulumi.CustomResource {
    /**
     * Get an existing Cluster resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup (its name in the cloud).
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Cluster {
        return new Cluster(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = 'aicloud:compute:Cluster';

    /**
     * Returns true if the given object is an instance of Cluster.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static override isInstance(obj: any): obj is Cluster {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === Cluster.__pulumiType;
    }

    /**
     * nodeCount x accelerators per server.
     */
    declare public readonly acceleratorCount: pulumi.Output<number>;
    /**
     * Partition profile, when the cluster holds partitions.
     */
    declare public readonly acceleratorProfile: pulumi.Output<string | undefined>;
    /**
     * Accelerator type.
     */
    declare public readonly acceleratorType: pulumi.Output<enums.compute.AcceleratorType>;
    /**
     * Where the accelerators are.
     */
    declare public readonly allocation: pulumi.Output<outputs.compute.ClusterAllocation | undefined>;
    /**
     * List price per hour, USD.
     */
    declare public readonly hourlyCost: pulumi.Output<number>;
    /**
     * Labels.
     */
    declare public readonly labels: pulumi.Output<{[key: string]: string} | undefined>;
    /**
     * Name.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Servers in the cluster.
     */
    declare public readonly nodeCount: pulumi.Output<number>;
    /**
     * Topology placement.
     */
    declare public readonly placement: pulumi.Output<enums.compute.Placement>;
    /**
     * Preemptible.
     */
    declare public readonly preemptible: pulumi.Output<boolean | undefined>;
    /**
     * Priority.
     */
    declare public readonly priority: pulumi.Output<number | undefined>;
    /**
     * Partitions held, when it has a profile.
     */
    declare public readonly profileCount: pulumi.Output<number | undefined>;
    /**
     * Queue.
     */
    declare public readonly queue: pulumi.Output<string | undefined>;
    /**
     * Region.
     */
    declare public readonly region: pulumi.Output<string>;
    /**
     * `pending` (waiting in its queue), `provisioning`, `ready`, `updating`, `deleting` or `failed`.
     */
    declare public readonly status: pulumi.Output<string>;
    /**
     * Why the status is what it is, when failed.
     */
    declare public readonly statusReason: pulumi.Output<string | undefined>;
    /**
     * Zone.
     */
    declare public readonly zone: pulumi.Output<string>;

    /**
     * Create a Cluster resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: ClusterArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if ((!args || args.acceleratorType === undefined) && !opts.urn) {
                throw new Error("Missing required property 'acceleratorType'");
            }
            if ((!args || args.name === undefined) && !opts.urn) {
                throw new Error("Missing required property 'name'");
            }
            if ((!args || args.nodeCount === undefined) && !opts.urn) {
                throw new Error("Missing required property 'nodeCount'");
            }
            if ((!args || args.zone === undefined) && !opts.urn) {
                throw new Error("Missing required property 'zone'");
            }
            resourceInputs["acceleratorProfile"] = args ? args.acceleratorProfile : undefined;
            resourceInputs["acceleratorType"] = args ? args.acceleratorType : undefined;
            resourceInputs["labels"] = args ? args.labels : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["nodeCount"] = args ? args.nodeCount : undefined;
            resourceInputs["placement"] = (args ? args.placement : undefined) ?? "zone";
            resourceInputs["preemptible"] = args ? args.preemptible : undefined;
            resourceInputs["priority"] = args ? args.priority : undefined;
            resourceInputs["profileCount"] = args ? args.profileCount : undefined;
            resourceInputs["queue"] = args ? args.queue : undefined;
            resourceInputs["region"] = args ? args.region : undefined;
            resourceInputs["zone"] = args ? args.zone : undefined;
            resourceInputs["acceleratorCount"] = undefined /*out*/;
            resourceInputs["allocation"] = undefined /*out*/;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
        } else {
            resourceInputs["acceleratorCount"] = undefined /*out*/;
            resourceInputs["acceleratorProfile"] = undefined /*out*/;
            resourceInputs["acceleratorType"] = undefined /*out*/;
            resourceInputs["allocation"] = undefined /*out*/;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["labels"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["nodeCount"] = undefined /*out*/;
            resourceInputs["placement"] = undefined /*out*/;
            resourceInputs["preemptible"] = undefined /*out*/;
            resourceInputs["priority"] = undefined /*out*/;
            resourceInputs["profileCount"] = undefined /*out*/;
            resourceInputs["queue"] = undefined /*out*/;
            resourceInputs["region"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["zone"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const replaceOnChanges = { replaceOnChanges: ["name", "region", "zone", "acceleratorType", "acceleratorProfile", "profileCount", "placement"] };
        opts = pulumi.mergeOptions(opts, replaceOnChanges);
        super(Cluster.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a Cluster resource.
 */
export interface ClusterArgs {
    /**
     * Partition profile of the accelerator type (a MIG profile such as `1g.18gb` for nvidia-h200, a vNPU template such as `vir05_1c_16g` for Ascend): the cluster then holds `profileCount` partitions on one server instead of whole servers, and `nodeCount` must be 1. Types without a partition catalogue take no profile.
     */
    acceleratorProfile?: pulumi.Input<string>;
    /**
     * Accelerator type of every server.
     */
    acceleratorType: pulumi.Input<enums.compute.AcceleratorType>;
    /**
     * Labels; keys under `aicloud.dev/` are managed by aicloud.
     */
    labels?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * Name, unique per project.
     */
    name: pulumi.Input<string>;
    /**
     * Servers in the cluster.
     */
    nodeCount: pulumi.Input<number>;
    /**
     * Topology placement.
     */
    placement?: pulumi.Input<enums.compute.Placement>;
    /**
     * Whether higher-priority queued work may evict it, and defragmentation may move it.
     */
    preemptible?: pulumi.Input<boolean>;
    /**
     * Priority in its queue (higher first under the `priority` policy, and the rank preemption compares); 0 when absent.
     */
    priority?: pulumi.Input<number>;
    /**
     * Partitions of `acceleratorProfile` the cluster holds, all on one server; 1 when absent. Only with `acceleratorProfile`. Changing it replaces the cluster.
     */
    profileCount?: pulumi.Input<number>;
    /**
     * Name of the Queue to wait in when the accelerators are not free; without one, a request that does not fit is refused at once.
     */
    queue?: pulumi.Input<string>;
    /**
     * Region; defaults to the provider's region.
     */
    region?: pulumi.Input<string>;
    /**
     * Zone inside the region, e.g. `cn-southwest-2a`.
     */
    zone: pulumi.Input<string>;
}
