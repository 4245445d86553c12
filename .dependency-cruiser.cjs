// The project's import boundaries, checked by `npm run lint` (dependency-cruiser). The layout rules:
// the core imports nothing of the project, the control plane never
// imports a front end, front ends never import each other, and imports across folders go through
// the folder's index.ts. The package rules keep the shipped code off devDependencies and undeclared
// packages.

/** Folders of the project whose files the rules speak of (the rest is node_modules and Node). */
const PROJECT = '^(core|provider|controlplane|console|schema|scripts|sdk|test|bench|examples|bin|tools)/';
/** Code the package ships: everything but tests, benchmarks and build scripts. */
const SHIPPED = '^(core|provider/src|controlplane/src|console/src|bin)/';
const TESTS = ['\\.test\\.ts$', '^test/', '^bench/'];
const FRONT_ENDS = 'provider/src/(pulumi|terraform|gitops|cli)/';
/**
 * The folders whose index.ts is their face: the core, and each folder directly under provider/src and
 * controlplane/src (the client, the planner, each front end; the cloud's api, allocator, store...).
 * Inside one of them files import each other freely, at any depth.
 */
const MODULE = '(core|provider/src/[^/]+|controlplane/src/[^/]+|console/src)';
const MODULE_INDEX = `^${MODULE}/index\\.ts$`;

module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing',
      comment: 'The core is shared by the front ends and the cloud; it imports nothing else of the project.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: PROJECT, pathNot: '^core/' },
    },
    {
      name: 'cloud-without-front-ends',
      comment: 'The control plane may import the core, nothing of provider/ (the front ends, their planner, applier and client).',
      severity: 'error',
      from: { path: '^controlplane/' },
      to: { path: '^provider/' },
    },
    {
      name: 'front-ends-apart',
      comment: 'Pulumi and Terraform import neither each other nor the GitOps front end and its CLI.',
      severity: 'error',
      from: { path: '^provider/src/(pulumi|terraform)/' },
      to: { path: `^${FRONT_ENDS}`, pathNot: '^provider/src/$1/' },
    },
    {
      name: 'front-ends-apart',
      comment: 'The GitOps front end and its CLI import neither the Pulumi nor the Terraform front end.',
      severity: 'error',
      from: { path: '^provider/src/(gitops|cli)/' },
      to: { path: '^provider/src/(pulumi|terraform)/' },
    },
    {
      name: 'shared-without-front-ends',
      comment: 'What the front ends share (planner, applier, client) imports no front end.',
      severity: 'error',
      from: { path: '^provider/src/(plan|apply|client)/' },
      to: { path: `^${FRONT_ENDS}` },
    },
    {
      name: 'through-index',
      comment: "An import from outside a folder goes through the folder's index.ts.",
      severity: 'error',
      from: { path: `^${MODULE}/`, pathNot: TESTS },
      to: { path: `^${MODULE}/`, pathNot: ['^$1/', MODULE_INDEX] },
    },
    {
      name: 'through-index',
      comment: "An import from outside a folder goes through the folder's index.ts.",
      severity: 'error',
      from: { pathNot: [`^${MODULE}/`, '^scripts/build/', ...TESTS] },
      to: { path: `^${MODULE}/`, pathNot: MODULE_INDEX },
    },
    {
      name: 'through-index',
      comment: "The build's own imports of the core name the file: they run before core/generated exists (core/index.ts needs it).",
      severity: 'error',
      from: { path: '^scripts/build/' },
      to: { path: `^${MODULE}/`, pathNot: [MODULE_INDEX, '^core/(?!generated/)[^/]+\\.ts$'] },
    },
    {
      name: 'no-cycles',
      comment: 'Modules do not import each other in a circle (the admission cycle; the plan/gitops one is between folders, see shared-without-front-ends).',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shipped-not-to-dev-dep',
      comment: 'Shipped code runs after npm ci --omit=dev: it imports no devDependency (tests may).',
      severity: 'error',
      from: { path: SHIPPED, pathNot: TESTS },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'declared-packages',
      comment: 'Every package imported is declared in package.json.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'resolvable',
      comment:
        'Every import resolves to a file; @aicloud/pulumi is the generated Node.js SDK, which programs and their tests load once it is built (sdk/nodejs).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^@aicloud/pulumi$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|sdk|bench/results|\\.aicloud)/|/(\\.gen|cdktf\\.out|\\.terraform)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mts', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
