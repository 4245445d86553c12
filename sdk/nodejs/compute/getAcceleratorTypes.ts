// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as enums from "../types/enums";
import * as utilities from "../utilities";

/**
 * Accelerator types the cloud offers.
 */
export function getAcceleratorTypes(args?: GetAcceleratorTypesArgs, opts?: pulumi.InvokeOptions): Promise<GetAcceleratorTypesResult> {
    args = args || {};
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("aicloud:compute:getAcceleratorTypes", {
    }, opts);
}

export interface GetAcceleratorTypesArgs {
}

/**
 * A collection of values returned by getAcceleratorTypes.
 */
export interface GetAcceleratorTypesResult {
    /**
     * Accelerator types.
     */
    readonly types: outputs.compute.AcceleratorTypeInfo[];
}
/**
 * Accelerator types the cloud offers.
 */
export function getAcceleratorTypesOutput(args?: GetAcceleratorTypesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetAcceleratorTypesResult> {
    args = args || {};
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("aicloud:compute:getAcceleratorTypes", {
    }, opts);
}

export interface GetAcceleratorTypesOutputArgs {
}
