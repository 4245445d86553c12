// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * An object bucket, e.g. for model weights. Bucket names are globally unique.
 */
export class Bucket extends pulumi.CustomResource {
    /**
     * Get an existing Bucket resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup (its name in the cloud).
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Bucket {
        return new Bucket(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = 'aicloud:storage:Bucket';

    /**
     * Returns true if the given object is an instance of Bucket.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static override isInstance(obj: any): obj is Bucket {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === Bucket.__pulumiType;
    }

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
     * Region.
     */
    declare public readonly region: pulumi.Output<string>;
    /**
     * Lifecycle status.
     */
    declare public readonly status: pulumi.Output<string>;
    /**
     * Why, when failed.
     */
    declare public readonly statusReason: pulumi.Output<string | undefined>;
    /**
     * Storage class.
     */
    declare public readonly storageClass: pulumi.Output<enums.storage.StorageClass>;
    /**
     * Bucket URL.
     */
    declare public readonly url: pulumi.Output<string>;
    /**
     * Versioning.
     */
    declare public readonly versioning: pulumi.Output<boolean>;

    /**
     * Create a Bucket resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: BucketArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if ((!args || args.name === undefined) && !opts.urn) {
                throw new Error("Missing required property 'name'");
            }
            resourceInputs["labels"] = args ? args.labels : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["region"] = args ? args.region : undefined;
            resourceInputs["storageClass"] = (args ? args.storageClass : undefined) ?? "standard";
            resourceInputs["versioning"] = (args ? args.versioning : undefined) ?? false;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["url"] = undefined /*out*/;
        } else {
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["labels"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["region"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["storageClass"] = undefined /*out*/;
            resourceInputs["url"] = undefined /*out*/;
            resourceInputs["versioning"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const replaceOnChanges = { replaceOnChanges: ["name", "region"] };
        opts = pulumi.mergeOptions(opts, replaceOnChanges);
        super(Bucket.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a Bucket resource.
 */
export interface BucketArgs {
    /**
     * Labels.
     */
    labels?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * Globally unique name (DNS label rules).
     */
    name: pulumi.Input<string>;
    /**
     * Region; defaults to the provider's region.
     */
    region?: pulumi.Input<string>;
    /**
     * Default storage class.
     */
    storageClass?: pulumi.Input<enums.storage.StorageClass>;
    /**
     * Keep every version of every object.
     */
    versioning?: pulumi.Input<boolean>;
}
