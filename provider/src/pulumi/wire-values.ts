/**
 * Sentinels of the engine's value encoding inside a protobuf Struct. They are fixed by the engine
 * (`@pulumi/pulumi/runtime/rpc` exports the same strings); they are repeated here so the plugin does not load
 * the whole Pulumi runtime at start-up.
 */
export const UNKNOWN_SENTINEL = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
export const SIG_KEY = '4dabf18193072939515e22adb298388d';
export const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
export const OUTPUT_VALUE_SIG = 'd0e6a833031e9bbcd3f4e8bde6ca49a4';
