// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

export { getAcceleratorTypes, getAcceleratorTypesOutput } from "./getAcceleratorTypes";
export type { GetAcceleratorTypesArgs, GetAcceleratorTypesResult, GetAcceleratorTypesOutputArgs } from "./getAcceleratorTypes";
export { getCapacity, getCapacityOutput } from "./getCapacity";
export type { GetCapacityArgs, GetCapacityResult, GetCapacityOutputArgs } from "./getCapacity";
import { Cluster } from "./cluster";
export { Cluster };
export type { ClusterArgs } from "./cluster";
import { Queue } from "./queue";
export { Queue };
export type { QueueArgs } from "./queue";

const _module = {
    version: utilities.getVersion(),
    construct: (name: string, type: string, urn: string): pulumi.Resource => {
        switch (type) {
            case "aicloud:compute:Cluster":
                return new Cluster(name, <any>undefined, { urn })
            case "aicloud:compute:Queue":
                return new Queue(name, <any>undefined, { urn })
            default:
                throw new Error(`unknown resource type ${type}`);
        }
    },
};
pulumi.runtime.registerResourceModule("aicloud", "compute", _module)
