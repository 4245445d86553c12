// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * An admission queue: clusters and endpoints that name it wait in it when they do not fit, instead of being refused. It holds quotas per accelerator type, lends to and borrows from the queues of its cohort, gives the gang at its head a reservation and lets later work backfill only where it cannot delay that gang.
 */
export class Queue extends pulumi.CustomResource {
    /**
     * Get an existing Queue resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup (its name in the cloud).
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Queue {
        return new Queue(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = 'aicloud:compute:Queue';

    /**
     * Returns true if the given object is an instance of Queue.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static override isInstance(obj: any): obj is Queue {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === Queue.__pulumiType;
    }

    /**
     * Order of admission.
     */
    declare public readonly admissionPolicy: pulumi.Output<enums.compute.AdmissionPolicy>;
    /**
     * Cohort.
     */
    declare public readonly cohort: pulumi.Output<string | undefined>;
    /**
     * Labels.
     */
    declare public readonly labels: pulumi.Output<{[key: string]: string} | undefined>;
    /**
     * Name.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Requests waiting in the queue.
     */
    declare public readonly pendingCount: pulumi.Output<number>;
    /**
     * Preemption.
     */
    declare public readonly preemption: pulumi.Output<enums.compute.Preemption>;
    /**
     * Quotas per accelerator type.
     */
    declare public readonly quotas: pulumi.Output<outputs.compute.QueueQuota[]>;
    /**
     * Lifecycle status.
     */
    declare public readonly status: pulumi.Output<string>;
    /**
     * Why, when failed.
     */
    declare public readonly statusReason: pulumi.Output<string | undefined>;
    /**
     * Admitted, borrowed and pending accelerators per type.
     */
    declare public readonly usage: pulumi.Output<outputs.compute.QueueUsage[] | undefined>;

    /**
     * Create a Queue resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: QueueArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if ((!args || args.name === undefined) && !opts.urn) {
                throw new Error("Missing required property 'name'");
            }
            if ((!args || args.quotas === undefined) && !opts.urn) {
                throw new Error("Missing required property 'quotas'");
            }
            resourceInputs["admissionPolicy"] = (args ? args.admissionPolicy : undefined) ?? "fifo";
            resourceInputs["cohort"] = args ? args.cohort : undefined;
            resourceInputs["labels"] = args ? args.labels : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["preemption"] = (args ? args.preemption : undefined) ?? "never";
            resourceInputs["quotas"] = args ? args.quotas : undefined;
            resourceInputs["pendingCount"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["usage"] = undefined /*out*/;
        } else {
            resourceInputs["admissionPolicy"] = undefined /*out*/;
            resourceInputs["cohort"] = undefined /*out*/;
            resourceInputs["labels"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["pendingCount"] = undefined /*out*/;
            resourceInputs["preemption"] = undefined /*out*/;
            resourceInputs["quotas"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["usage"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const replaceOnChanges = { replaceOnChanges: ["name"] };
        opts = pulumi.mergeOptions(opts, replaceOnChanges);
        super(Queue.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a Queue resource.
 */
export interface QueueArgs {
    /**
     * Order of admission.
     */
    admissionPolicy?: pulumi.Input<enums.compute.AdmissionPolicy>;
    /**
     * Cohort whose queues lend each other unused nominal quota.
     */
    cohort?: pulumi.Input<string>;
    /**
     * Labels; keys under `aicloud.dev/` are managed by aicloud.
     */
    labels?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * Name, unique per project.
     */
    name: pulumi.Input<string>;
    /**
     * Whether waiting work may evict lower-priority preemptible work.
     */
    preemption?: pulumi.Input<enums.compute.Preemption>;
    /**
     * Quotas per accelerator type; work of a type without a quota is refused by the queue.
     */
    quotas: pulumi.Input<pulumi.Input<inputs.compute.QueueQuotaArgs>[]>;
}
