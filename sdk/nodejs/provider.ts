// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * The aicloud provider. With no endpoint it runs against the embedded cloud.
 */
export class Provider extends pulumi.ProviderResource {
    /** @internal */
    public static readonly __pulumiType = 'aicloud';

    /**
     * Returns true if the given object is an instance of Provider.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static override isInstance(obj: any): obj is Provider {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === "pulumi:providers:" + Provider.__pulumiType;
    }

    /**
     * URL of the control plane, e.g. `http://127.0.0.1:8080`. Leave empty to use the embedded cloud (a database file in `.aicloud/cloud.db`).
     */
    declare public readonly endpoint: pulumi.Output<string | undefined>;
    /**
     * Capacity lease that cluster creates draw on: a cluster the lease holds gets exactly the leased placement (`aicloud plan --lease`; see docs/leases.md). Other creates are placed as usual.
     */
    declare public readonly lease: pulumi.Output<string | undefined>;
    /**
     * Project that owns the resources.
     */
    declare public readonly project: pulumi.Output<string | undefined>;
    /**
     * Default region for resources that do not set one.
     */
    declare public readonly region: pulumi.Output<string | undefined>;

    /**
     * Create a Provider resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        {
            resourceInputs["endpoint"] = (args ? args.endpoint : undefined) ?? utilities.getEnv("AICLOUD_ENDPOINT");
            resourceInputs["lease"] = (args ? args.lease : undefined) ?? utilities.getEnv("AICLOUD_LEASE");
            resourceInputs["project"] = (args ? args.project : undefined) ?? (utilities.getEnv("AICLOUD_PROJECT") || "default");
            resourceInputs["region"] = (args ? args.region : undefined) ?? utilities.getEnv("AICLOUD_REGION");
            const token = (args ? args.token : undefined) ?? utilities.getEnv("AICLOUD_TOKEN");
            resourceInputs["token"] = token ? pulumi.secret(token) : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const secretOpts = { additionalSecretOutputs: ["token"] };
        opts = pulumi.mergeOptions(opts, secretOpts);
        super(Provider.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a Provider resource.
 */
export interface ProviderArgs {
    /**
     * URL of the control plane, e.g. `http://127.0.0.1:8080`. Leave empty to use the embedded cloud (a database file in `.aicloud/cloud.db`).
     */
    endpoint?: pulumi.Input<string>;
    /**
     * Capacity lease that cluster creates draw on: a cluster the lease holds gets exactly the leased placement (`aicloud plan --lease`; see docs/leases.md). Other creates are placed as usual.
     */
    lease?: pulumi.Input<string>;
    /**
     * Project that owns the resources.
     */
    project?: pulumi.Input<string>;
    /**
     * Default region for resources that do not set one.
     */
    region?: pulumi.Input<string>;
    /**
     * Bearer token scoped to the project. Not needed with the embedded cloud.
     */
    token?: pulumi.Input<string>;
}
