#!/usr/bin/env node
// The `concord` command line: runs server/cli/main.ts through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
