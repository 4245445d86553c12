// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

import { KvCachePool } from "./kvCachePool";
export { KvCachePool };
export type { KvCachePoolArgs } from "./kvCachePool";
import { ModelEndpoint } from "./modelEndpoint";
export { ModelEndpoint };
export type { ModelEndpointArgs } from "./modelEndpoint";

const _module = {
    version: utilities.getVersion(),
    construct: (name: string, type: string, urn: string): pulumi.Resource => {
        switch (type) {
            case "aicloud:inference:KvCachePool":
                return new KvCachePool(name, <any>undefined, { urn })
            case "aicloud:inference:ModelEndpoint":
                return new ModelEndpoint(name, <any>undefined, { urn })
            default:
                throw new Error(`unknown resource type ${type}`);
        }
    },
};
pulumi.runtime.registerResourceModule("aicloud", "inference", _module)
