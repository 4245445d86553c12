// Generated from schema/schema.json by scripts/build.ts with Pulumi's code generators. Do not edit.
// Infrastructure as code for an AI cloud: clusters of accelerators on a supernode topology, storage for checkpoints and weights, KV-cache pools and model endpoints.
package aicloud
