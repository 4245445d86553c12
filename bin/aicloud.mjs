#!/usr/bin/env node
// The `aicloud` command: registers tsx so the TypeScript sources run as they are, from any cwd.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../provider/src/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
