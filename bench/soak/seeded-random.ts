// The soak run's mix of work is repeatable with --seed, through the allocator's own seeded generator.
export { seededRandom } from '../../controlplane/src/allocator/index.ts';
