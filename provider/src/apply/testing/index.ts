// Test doubles for the applier's unit tests: an in-memory cloud with the control plane's write rules
// and scripted faults. Nothing here is used outside tests.
export { FakeStackCloud, type Fault } from './fake-stack-cloud.ts';
