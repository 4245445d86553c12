// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * Tiered KV-cache memory (HBM, DRAM, SSD) attached to a cluster, shared by the endpoints that name it.
 */
export class KvCachePool extends pulumi.CustomResource {
    /**
     * Get an existing KvCachePool resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup (its name in the cloud).
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): KvCachePool {
        return new KvCachePool(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = 'aicloud:inference:KvCachePool';

    /**
     * Returns true if the given object is an instance of KvCachePool.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static override isInstance(obj: any): obj is KvCachePool {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === KvCachePool.__pulumiType;
    }

    /**
     * Tokens per block.
     */
    declare public readonly blockSizeTokens: pulumi.Output<number>;
    /**
     * Cluster.
     */
    declare public readonly cluster: pulumi.Output<string>;
    /**
     * Eviction policy.
     */
    declare public readonly evictionPolicy: pulumi.Output<enums.inference.EvictionPolicy>;
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
     * Prefix caching.
     */
    declare public readonly prefixCaching: pulumi.Output<boolean>;
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
     * Tier sizes.
     */
    declare public readonly tiers: pulumi.Output<outputs.inference.KvCacheTiers>;
    /**
     * HBM over the cluster plus DRAM plus SSD, GiB.
     */
    declare public readonly totalGib: pulumi.Output<number>;

    /**
     * Create a KvCachePool resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: KvCachePoolArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if ((!args || args.cluster === undefined) && !opts.urn) {
                throw new Error("Missing required property 'cluster'");
            }
            if ((!args || args.name === undefined) && !opts.urn) {
                throw new Error("Missing required property 'name'");
            }
            if ((!args || args.tiers === undefined) && !opts.urn) {
                throw new Error("Missing required property 'tiers'");
            }
            resourceInputs["blockSizeTokens"] = (args ? args.blockSizeTokens : undefined) ?? 128;
            resourceInputs["cluster"] = args ? args.cluster : undefined;
            resourceInputs["evictionPolicy"] = (args ? args.evictionPolicy : undefined) ?? "lru";
            resourceInputs["labels"] = args ? args.labels : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["prefixCaching"] = (args ? args.prefixCaching : undefined) ?? true;
            resourceInputs["region"] = args ? args.region : undefined;
            resourceInputs["tiers"] = args ? args.tiers : undefined;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["totalGib"] = undefined /*out*/;
        } else {
            resourceInputs["blockSizeTokens"] = undefined /*out*/;
            resourceInputs["cluster"] = undefined /*out*/;
            resourceInputs["evictionPolicy"] = undefined /*out*/;
            resourceInputs["hourlyCost"] = undefined /*out*/;
            resourceInputs["labels"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["prefixCaching"] = undefined /*out*/;
            resourceInputs["region"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["statusReason"] = undefined /*out*/;
            resourceInputs["tiers"] = undefined /*out*/;
            resourceInputs["totalGib"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const replaceOnChanges = { replaceOnChanges: ["name", "region", "cluster"] };
        opts = pulumi.mergeOptions(opts, replaceOnChanges);
        super(KvCachePool.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a KvCachePool resource.
 */
export interface KvCachePoolArgs {
    /**
     * Tokens per KV block.
     */
    blockSizeTokens?: pulumi.Input<number>;
    /**
     * Name of the Cluster the pool is attached to.
     */
    cluster: pulumi.Input<string>;
    /**
     * Eviction and demotion policy.
     */
    evictionPolicy?: pulumi.Input<enums.inference.EvictionPolicy>;
    /**
     * Labels.
     */
    labels?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * Name, unique per project.
     */
    name: pulumi.Input<string>;
    /**
     * Share KV blocks of identical prompt prefixes across requests.
     */
    prefixCaching?: pulumi.Input<boolean>;
    /**
     * Region; defaults to the provider's region.
     */
    region?: pulumi.Input<string>;
    /**
     * Tier sizes.
     */
    tiers: pulumi.Input<inputs.inference.KvCacheTiersArgs>;
}
