// Generated from schema/schema.json by scripts/build.ts. Do not edit.

// Export sub-modules:
import * as enums from "./enums";
import * as input from "./input";
import * as output from "./output";

export {
    enums,
    input,
    output,
};
