// The hardening suite: faults, crashes (kill -9 of the control plane, the CLI and the embedded cloud),
// store durability, concurrency, hostile input and security. Only *.test.ts files live here; their
// helpers are in test/support. Nothing to export.
export {};
