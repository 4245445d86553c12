// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

import { Bucket } from "./bucket";
export { Bucket };
export type { BucketArgs } from "./bucket";
import { FileSystem } from "./fileSystem";
export { FileSystem };
export type { FileSystemArgs } from "./fileSystem";
import { Volume } from "./volume";
export { Volume };
export type { VolumeArgs } from "./volume";

const _module = {
    version: utilities.getVersion(),
    construct: (name: string, type: string, urn: string): pulumi.Resource => {
        switch (type) {
            case "aicloud:storage:Bucket":
                return new Bucket(name, <any>undefined, { urn })
            case "aicloud:storage:FileSystem":
                return new FileSystem(name, <any>undefined, { urn })
            case "aicloud:storage:Volume":
                return new Volume(name, <any>undefined, { urn })
            default:
                throw new Error(`unknown resource type ${type}`);
        }
    },
};
pulumi.runtime.registerResourceModule("aicloud", "storage", _module)
