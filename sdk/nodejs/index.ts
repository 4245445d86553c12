// Generated from schema/schema.json by scripts/build.ts. Do not edit.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

import { Provider } from "./provider";
export { Provider };
export type { ProviderArgs } from "./provider";

// Export sub-modules:
import * as compute from "./compute";
import * as inference from "./inference";
import * as storage from "./storage";
import * as types from "./types";

export {
    compute,
    inference,
    storage,
    types,
};
pulumi.runtime.registerResourcePackage("aicloud", {
    version: utilities.getVersion(),
    constructProvider: (name: string, type: string, urn: string): pulumi.ProviderResource => {
        if (type !== "pulumi:providers:aicloud") {
            throw new Error(`unknown provider type ${type}`);
        }
        return new Provider(name, <any>undefined, { urn });
    },
});
