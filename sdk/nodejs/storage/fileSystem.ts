// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * A shared file system for checkpoints and datasets.
 */
export class FileSystem extends pulumi.CustomResource {
    /**
     * Get an existing FileSystem resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup (its name in the cloud).
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): FileSystem {
        return new FileSystem(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = 'aicloud:storage:FileSystem';

    /**
     * Returns true if the given object is an instance of FileSystem.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static override isInstance(obj: any): obj is FileSystem {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === FileSystem.__pulumiType;
    }

    /**
     * Capacity in TiB.
     */
    declare public readonly capacityTib: pulumi.Output<number>;
    /**
     * List price per hour, USD.
     */
    declare public readonly hourlyCost: pulumi.Output<number>;
    /**
     * Labels.
     */
    declare public readonly labels: pulumi.Output<{[key: string]: string} | undefined>;
    /**
     * Address clients mount.
     */
    declare public readonly mountTarget: pulumi.Output<string | undefined>;
    /**
     * Name.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Protocol.
     */
    declare public readonly protocol: pulumi.Output<enums.storage.FileSystemProtocol>;
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
     * Throughput, MiB/s.
     */
    declare public readonly throughputMibps: pulumi.Output<number>;
    /**
     * Zone.
     */
    declare public readonly zone: pulumi.Output<string>;

    /**
     * Create a FileSystem resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: FileSystemArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if ((!args || args.capacityTib === undefined) && !opts.urn) {
                throw new Error("Missing required property 'capacityTib'");
            }
            if ((!args || args.name === undefined) && !opts.urn) {
                throw new Error("Missing required property 'name'");
            }
            if ((!args || args.zone === undefined) && !opts.urn) {
                throw new Error("Missing required property 'zone'");
            }
            resourceInputs["capacityTib"] = args ? args.capacityTib : undefined;
            resourceInputs["labels"] = args ? args.labels : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["protocol"] = (args ? args.protocol : undefined) ?? "lustre";
            resourceInputs["region"] = args ? args.region : undefined;
            resourceInputs["throughputMibps"] = (args ? args.throughputMibps : undefined) ?? 1000;
            resourceInputs["zone"] = args ? args.zone : undefined;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["mountTarget"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
        } else {
            resourceInputs["capacityTib"] = undefined /*out*/;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["labels"] = undefined /*out*/;
            resourceInputs["mountTarget"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["protocol"] = undefined /*out*/;
            resourceInputs["region"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["throughputMibps"] = undefined /*out*/;
            resourceInputs["zone"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const replaceOnChanges = { replaceOnChanges: ["name", "region", "zone", "protocol"] };
        opts = pulumi.mergeOptions(opts, replaceOnChanges);
        super(FileSystem.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a FileSystem resource.
 */
export interface FileSystemArgs {
    /**
     * Capacity in TiB; grows in place, never shrinks.
     */
    capacityTib: pulumi.Input<number>;
    /**
     * Labels.
     */
    labels?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * Name, unique per project.
     */
    name: pulumi.Input<string>;
    /**
     * Protocol.
     */
    protocol?: pulumi.Input<enums.storage.FileSystemProtocol>;
    /**
     * Region; defaults to the provider's region.
     */
    region?: pulumi.Input<string>;
    /**
     * Provisioned throughput, MiB/s.
     */
    throughputMibps?: pulumi.Input<number>;
    /**
     * Zone.
     */
    zone: pulumi.Input<string>;
}
