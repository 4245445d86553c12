// Shared test helpers: temp dirs, a control plane on port 0 (in this process, as a child process, or
// as a fastify app for inject()), the `aicloud` CLI as a child process, generated stacks and hostile
// inputs, and the checks that say an apply converged. Small on purpose; each file does one thing.
export { tempDir, type TempDir } from './temp-dir.ts';
export { apiRequest, type ApiAnswer } from './api-request.ts';
export { startControlPlane, spawnControlPlane, type TestControlPlane, type ChildControlPlane } from './control-plane.ts';
export { injectableControlPlane, type InjectableControlPlane } from './inject-app.ts';
export { spawnCli, runCli, CLI_BIN, type CliRun } from './cli.ts';
export { watchLines, type LineWatcher } from './line-watcher.ts';
export { createProjectWithToken, invariants, listEverything, setFaults, acceleratorLedger } from './admin-api.ts';
export { assertConverged, nthMatch } from './apply-checks.ts';
export { faultSpec } from './fault-spec.ts';
export { sampleInputs } from './sample-inputs.ts';
export { writeStack, bigStack, bigStackAccelerators, type StackResource } from './stack-files.ts';
export { hostileValue, hostileKey, mutatedBody, type Mutated } from './hostile-values.ts';
export { fieldExists, parsePath } from './field-paths.ts';
export { checkProperty } from './check-property.ts';
export { stateFingerprint } from './state-fingerprint.ts';
export { findSecrets, readTree } from './secret-scan.ts';
export { sqliteIntegrity } from './sqlite-integrity.ts';
export { startLossyProxy, type LossyProxy } from './lossy-proxy.ts';
