// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * A block volume. It only grows.
 */
export class Volume extends pulumi.CustomResource {
    /**
     * Get an existing Volume resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup (its name in the cloud).
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Volume {
        return new Volume(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = 'aicloud:storage:Volume';

    /**
     * Returns true if the given object is an instance of Volume.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static override isInstance(obj: any): obj is Volume {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === Volume.__pulumiType;
    }

    /**
     * List price per hour, USD.
     */
    declare public readonly hourlyCost: pulumi.Output<number>;
    /**
     * Provisioned IOPS.
     */
    declare public readonly iops: pulumi.Output<number | undefined>;
    /**
     * Labels.
     */
    declare public readonly labels: pulumi.Output<{[key: string]: string} | undefined>;
    /**
     * Name.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Region.
     */
    declare public readonly region: pulumi.Output<string>;
    /**
     * Size in GiB.
     */
    declare public readonly sizeGib: pulumi.Output<number>;
    /**
     * Lifecycle status.
     */
    declare public readonly status: pulumi.Output<string>;
    /**
     * Why, when failed.
     */
    declare public readonly statusReason: pulumi.Output<string | undefined>;
    /**
     * Media.
     */
    declare public readonly type: pulumi.Output<enums.storage.VolumeType>;
    /**
     * Zone.
     */
    declare public readonly zone: pulumi.Output<string>;

    /**
     * Create a Volume resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: VolumeArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if ((!args || args.name === undefined) && !opts.urn) {
                throw new Error("Missing required property 'name'");
            }
            if ((!args || args.sizeGib === undefined) && !opts.urn) {
                throw new Error("Missing required property 'sizeGib'");
            }
            if ((!args || args.zone === undefined) && !opts.urn) {
                throw new Error("Missing required property 'zone'");
            }
            resourceInputs["iops"] = args ? args.iops : undefined;
            resourceInputs["labels"] = args ? args.labels : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["region"] = args ? args.region : undefined;
            resourceInputs["sizeGib"] = args ? args.sizeGib : undefined;
            resourceInputs["type"] = (args ? args.type : undefined) ?? "ssd";
            resourceInputs["zone"] = args ? args.zone : undefined;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
        } else {
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["iops"] = undefined /*out*/;
            resourceInputs["labels"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["region"] = undefined /*out*/;
            resourceInputs["sizeGib"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["type"] = undefined /*out*/;
            resourceInputs["zone"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const replaceOnChanges = { replaceOnChanges: ["name", "region", "zone", "type"] };
        opts = pulumi.mergeOptions(opts, replaceOnChanges);
        super(Volume.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a Volume resource.
 */
export interface VolumeArgs {
    /**
     * Provisioned IOPS (essd only).
     */
    iops?: pulumi.Input<number>;
    /**
     * Labels.
     */
    labels?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * Name, unique per project.
     */
    name: pulumi.Input<string>;
    /**
     * Region; defaults to the provider's region.
     */
    region?: pulumi.Input<string>;
    /**
     * Size in GiB; can grow in place, never shrink.
     */
    sizeGib: pulumi.Input<number>;
    /**
     * Media.
     */
    type?: pulumi.Input<enums.storage.VolumeType>;
    /**
     * Zone.
     */
    zone: pulumi.Input<string>;
}
