// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * Free and total accelerators per zone and type, with the largest free block.
 */
export function getCapacity(args?: GetCapacityArgs, opts?: pulumi.InvokeOptions): Promise<GetCapacityResult> {
    args = args || {};
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("aicloud:compute:getCapacity", {
        "acceleratorType": args.acceleratorType,
        "zone": args.zone,
    }, opts);
}

export interface GetCapacityArgs {
    /**
     * Only this accelerator type.
     */
    acceleratorType?: enums.compute.AcceleratorType;
    /**
     * Only this zone.
     */
    zone?: string;
}

/**
 * A collection of values returned by getCapacity.
 */
export interface GetCapacityResult {
    /**
     * One entry per zone and accelerator type.
     */
    readonly zones: outputs.compute.ZoneCapacity[];
}
/**
 * Free and total accelerators per zone and type, with the largest free block.
 */
export function getCapacityOutput(args?: GetCapacityOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetCapacityResult> {
    args = args || {};
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("aicloud:compute:getCapacity", {
        "acceleratorType": args.acceleratorType,
        "zone": args.zone,
    }, opts);
}

export interface GetCapacityOutputArgs {
    /**
     * Only this accelerator type.
     */
    acceleratorType?: pulumi.Input<enums.compute.AcceleratorType>;
    /**
     * Only this zone.
     */
    zone?: pulumi.Input<string>;
}
